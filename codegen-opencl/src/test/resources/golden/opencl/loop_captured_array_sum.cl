// Pappus generated OpenCL C. Do not edit.
// fragment: loop_captured_array_sum
// plan: map(demo.Weights.lambda$main$0(Weights.java:12)) -> reduce(sum)
// backend: opencl
#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

void pappus_fail(int* err, int code) {
    if (*err == 0) {
        *err = code;
    }
}

int pappus_index(int* err, int i, int length) {
    if (i < 0 || i >= length) { pappus_fail(err, 2); return 0; }
    return i;
}

// map1_main: demo.Weights.lambda$main$0(Weights.java:12)
double map1_main(int* err, __global const double* v_w, int v_w_len, double v_x);

double map1_main(int* err, __global const double* v_w, int v_w_len, double v_x) {
    double v_s = 0.0;
    int v_k = 0;
    {
        for (;;) {
            if (*err != 0) return 0.0;
            if (v_k >= v_w_len) {
                goto L0_done_end;
            }
            v_s = v_s + (v_w[pappus_index(err, v_k, v_w_len)] * v_x);
            v_k = as_int(as_uint(v_k) + as_uint(1));
            goto L1_top_next;
        L1_top_next: ;
        }
        L1_top_end: ;
    }
    L0_done_end: ;
    return v_s;
}

double loop_captured_array_sum_combine(double a, double b) {
    return a + b;
}

__kernel void loop_captured_array_sum_reduce(__global const double* in, __global const double* c1_w, int c1_w_len, __global double* partials, __global int* partial_counts, __local double* scratch, __local int* scratch_counts, double identity, __global int* errors, int n) {
    double acc = identity;
    int count = 0;
    for (int i = get_global_id(0); i < n; i += get_global_size(0)) {
        int err = 0;
        int keep = 0;
        double s0 = in[i];
        double s1 = 0.0;
        do {
            s1 = map1_main(&err, c1_w, c1_w_len, s0);
            if (err != 0) break;
            keep = 1;
        } while (0);
        if (err != 0) {
            atomic_min(&errors[err - 1], i);
            keep = 0;
        }
        if (keep) {
            acc = loop_captured_array_sum_combine(acc, s1);
            count++;
        }
    }
    int lid = get_local_id(0);
    scratch[lid] = acc;
    scratch_counts[lid] = count;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int s = get_local_size(0) / 2; s > 0; s >>= 1) {
        if (lid < s) {
            scratch[lid] = loop_captured_array_sum_combine(scratch[lid], scratch[lid + s]);
            scratch_counts[lid] += scratch_counts[lid + s];
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (lid == 0) {
        partials[get_group_id(0)] = scratch[0];
        partial_counts[get_group_id(0)] = scratch_counts[0];
    }
}

