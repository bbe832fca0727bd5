// Pappus generated OpenCL C. Do not edit.
// fragment: map_square_filter_above_quarter
// plan: map(?.?(?.java)) -> filter(?.?(?.java)) -> collect
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

__kernel void map_square_filter_above_quarter_flags(__global const double* in, __global double* stage_out, __global int* keep_flags, __global int* errors, int n) {
    int i = get_global_id(0);
    if (i >= n) return;
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
    keep_flags[i] = keep;
    if (keep) {
        stage_out[i] = s1;
    }
}

__kernel void map_square_filter_above_quarter_scatter(__global const double* stage_out, __global const int* keep_flags, __global const int* pos, __global double* out, int n) {
    int i = get_global_id(0);
    if (i >= n || !keep_flags[i]) return;
    out[pos[i]] = stage_out[i];
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
