// Pappus generated OpenCL C. Do not edit.
// fragment: map_square_filter_above_quarter_sum
// plan: map(?.?(?.java)) -> filter(?.?(?.java)) -> reduce(sum)
// backend: opencl
#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

// map1_main: ?.?(?.java)
double map1_main(int* err, double v_p0);

double map1_main(int* err, double v_p0) {
    return v_p0 * v_p0;
}

// filter2_main: ?.?(?.java)
int filter2_main(int* err, double v_p0);

int filter2_main(int* err, double v_p0) {
    return v_p0 > 0.25;
}

double map_square_filter_above_quarter_sum_combine(double a, double b) {
    return a + b;
}

__kernel void map_square_filter_above_quarter_sum_reduce(__global const double* in, __global double* partials, __global int* partial_counts, __local double* scratch, __local int* scratch_counts, double identity, __global int* errors, int n) {
    double acc = identity;
    int count = 0;
    for (int i = get_global_id(0); i < n; i += get_global_size(0)) {
        int err = 0;
        int keep = 0;
        double s0 = in[i];
        double s1 = 0.0;
        do {
            s1 = map1_main(&err, s0);
            if (err != 0) break;
            if (!filter2_main(&err, s1) || err != 0) break;
            keep = 1;
        } while (0);
        if (err != 0) {
            atomic_min(&errors[err - 1], i);
            keep = 0;
        }
        if (keep) {
            acc = map_square_filter_above_quarter_sum_combine(acc, s1);
            count++;
        }
    }
    int lid = get_local_id(0);
    scratch[lid] = acc;
    scratch_counts[lid] = count;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int s = get_local_size(0) / 2; s > 0; s >>= 1) {
        if (lid < s) {
            scratch[lid] = map_square_filter_above_quarter_sum_combine(scratch[lid], scratch[lid + s]);
            scratch_counts[lid] += scratch_counts[lid + s];
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (lid == 0) {
        partials[get_group_id(0)] = scratch[0];
        partial_counts[get_group_id(0)] = scratch_counts[0];
    }
}

