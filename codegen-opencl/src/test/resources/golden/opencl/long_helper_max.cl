// Pappus generated OpenCL C. Do not edit.
// fragment: long_helper_max
// plan: map(?.?(?.java)) -> reduce(max)
// backend: opencl
#pragma OPENCL FP_CONTRACT OFF

// map1_main: ?.?(?.java)
long map1_triple(int* err, long v_v);
long map1_main(int* err, long v_p0);

long map1_triple(int* err, long v_v) {
    return as_long(as_ulong(v_v) * as_ulong(3L));
}

long map1_main(int* err, long v_p0) {
    return as_long(as_ulong(map1_triple(err, v_p0)) + as_ulong(1L));
}

long long_helper_max_combine(long a, long b) {
    return max(a, b);
}

__kernel void long_helper_max_reduce(__global const long* in, __global long* partials, __global int* partial_counts, __local long* scratch, __local int* scratch_counts, long identity, __global int* errors, int n) {
    long acc = identity;
    int count = 0;
    for (int i = get_global_id(0); i < n; i += get_global_size(0)) {
        int err = 0;
        int keep = 0;
        long s0 = in[i];
        long s1 = 0L;
        do {
            s1 = map1_main(&err, s0);
            if (err != 0) break;
            keep = 1;
        } while (0);
        if (err != 0) {
            atomic_min(&errors[err - 1], i);
            keep = 0;
        }
        if (keep) {
            acc = long_helper_max_combine(acc, s1);
            count++;
        }
    }
    int lid = get_local_id(0);
    scratch[lid] = acc;
    scratch_counts[lid] = count;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int s = get_local_size(0) / 2; s > 0; s >>= 1) {
        if (lid < s) {
            scratch[lid] = long_helper_max_combine(scratch[lid], scratch[lid + s]);
            scratch_counts[lid] += scratch_counts[lid + s];
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (lid == 0) {
        partials[get_group_id(0)] = scratch[0];
        partial_counts[get_group_id(0)] = scratch_counts[0];
    }
}

