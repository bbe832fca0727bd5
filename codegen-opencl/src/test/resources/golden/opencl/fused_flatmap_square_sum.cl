// Pappus generated OpenCL C. Do not edit.
// fragment: fused_flatmap_square_sum
// plan: flatMap(?.?(?.java)) -> map(?.?(?.java)) -> reduce(sum)
// backend: opencl
#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

// flatMap1_main: ?.?(?.java)
void flatMap1_main(int* err, double v_p0, int* ret_n, double* ret_e0, double* ret_e1);

void flatMap1_main(int* err, double v_p0, int* ret_n, double* ret_e0, double* ret_e1) {
    *ret_n = (v_p0 > 0.25) ? 2 : 0;
    *ret_e0 = (v_p0 > 0.25) ? v_p0 : 0.0;
    *ret_e1 = (v_p0 > 0.25) ? (-v_p0) : 0.0;
    return;
}

// map2_main: ?.?(?.java)
double map2_main(int* err, double v_p0);

double map2_main(int* err, double v_p0) {
    return v_p0 * v_p0;
}

double fused_flatmap_square_sum_combine(double a, double b) {
    return a + b;
}

__kernel void fused_flatmap_square_sum_reduce(__global const double* in, __global double* partials, __global int* partial_counts, __local double* scratch, __local int* scratch_counts, double identity, __global int* errors, int n) {
    double acc = identity;
    int count = 0;
    for (int i = get_global_id(0); i < n; i += get_global_size(0)) {
        int err = 0;
        double s0 = in[i];
        int s1_n = 0;
        double s1_e0 = 0.0;
        double s1_e1 = 0.0;
        flatMap1_main(&err, s0, &s1_n, &s1_e0, &s1_e1);
        if (err != 0) {
            atomic_min(&errors[err - 1], i);
        }
        double e_slots[2] = {s1_e0, s1_e1};
        for (int j = 0; err == 0 && j < s1_n && j < 2; j++) {
            int keep = 0;
            double e = e_slots[j];
            double s2 = 0.0;
            do {
                s2 = map2_main(&err, e);
                if (err != 0) break;
                keep = 1;
            } while (0);
            if (err != 0) {
                atomic_min(&errors[err - 1], i);
                keep = 0;
            }
            if (keep) {
                acc = fused_flatmap_square_sum_combine(acc, s2);
                count++;
            }
        }
    }
    int lid = get_local_id(0);
    scratch[lid] = acc;
    scratch_counts[lid] = count;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int s = get_local_size(0) / 2; s > 0; s >>= 1) {
        if (lid < s) {
            scratch[lid] = fused_flatmap_square_sum_combine(scratch[lid], scratch[lid + s]);
            scratch_counts[lid] += scratch_counts[lid + s];
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (lid == 0) {
        partials[get_group_id(0)] = scratch[0];
        partial_counts[get_group_id(0)] = scratch_counts[0];
    }
}

