// Pappus generated OpenCL C. Do not edit.
// fragment: fused_flatmap_filter_collect
// plan: flatMap(?.?(?.java)) -> filter(?.?(?.java)) -> collect
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

// filter2_main: ?.?(?.java)
int filter2_main(int* err, double v_p0);

int filter2_main(int* err, double v_p0) {
    return v_p0 > 0.25;
}

__kernel void fused_flatmap_filter_collect_flags(__global const double* in, __global double* stage_out, __global int* keep_flags, __global int* errors, int n) {
    int i = get_global_id(0);
    if (i >= n) return;
    int kept = 0;
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
        do {
            if (!filter2_main(&err, e) || err != 0) break;
            keep = 1;
        } while (0);
        if (err != 0) {
            atomic_min(&errors[err - 1], i);
            keep = 0;
        }
        if (keep) {
            stage_out[(size_t) i * 2 + kept] = e;
            kept++;
        }
    }
    keep_flags[i] = kept;
}

__kernel void fused_flatmap_filter_collect_scatter(__global const double* stage_out, __global const int* keep_flags, __global const int* pos, __global double* out, int n) {
    int i = get_global_id(0);
    if (i >= n) return;
    for (int j = 0; j < keep_flags[i]; j++) {
        out[pos[i] + j] = stage_out[(size_t) i * 2 + j];
    }
}

__kernel void pappus_scan_blocks(__global const int* in, __global int* out, __global int* block_sums,
                                 __local int* tmp, int n) {
    int lid = get_local_id(0);
    int wg = get_local_size(0);
    int base = get_group_id(0) * wg * 2;
    tmp[lid] = base + lid < n ? in[base + lid] : 0;
    tmp[lid + wg] = base + lid + wg < n ? in[base + lid + wg] : 0;
    int offset = 1;
    for (int d = wg; d > 0; d >>= 1) {
        barrier(CLK_LOCAL_MEM_FENCE);
        if (lid < d) {
            tmp[offset * (2 * lid + 2) - 1] += tmp[offset * (2 * lid + 1) - 1];
        }
        offset <<= 1;
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    if (lid == 0) {
        block_sums[get_group_id(0)] = tmp[2 * wg - 1];
        tmp[2 * wg - 1] = 0;
    }
    for (int d = 1; d < 2 * wg; d <<= 1) {
        offset >>= 1;
        barrier(CLK_LOCAL_MEM_FENCE);
        if (lid < d) {
            int a = offset * (2 * lid + 1) - 1;
            int b = offset * (2 * lid + 2) - 1;
            int t = tmp[a];
            tmp[a] = tmp[b];
            tmp[b] += t;
        }
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    if (base + lid < n) out[base + lid] = tmp[lid];
    if (base + lid + wg < n) out[base + lid + wg] = tmp[lid + wg];
}

__kernel void pappus_add_offsets(__global int* data, __global const int* offsets, int block, int n) {
    int i = get_global_id(0);
    if (i < n) data[i] += offsets[i / block];
}
