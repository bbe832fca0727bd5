// Pappus generated OpenCL C. Do not edit.
// fragment: int_division
// plan: map(?.?(?.java)) -> collect
// backend: opencl
#pragma OPENCL FP_CONTRACT OFF

void pappus_fail(int* err, int code) {
    if (*err == 0) {
        *err = code;
    }
}

int pappus_div_i(int* err, int a, int b) {
    if (b == 0) { pappus_fail(err, 1); return 0; }
    if (b == -1) return as_int(0u - as_uint(a)); /* Java: MIN_VALUE / -1 == MIN_VALUE */
    return a / b;
}

// map1_main: ?.?(?.java)
int map1_main(int* err, int v_p0);

int map1_main(int* err, int v_p0) {
    return pappus_div_i(err, v_p0, 7);
}

__kernel void int_division_map(__global const int* in, __global int* out, __global int* errors, int n) {
    int i = get_global_id(0);
    if (i >= n) return;
    int err = 0;
    int keep = 0;
    int s0 = in[i];
    int s1 = 0;
    do {
        s1 = map1_main(&err, s0);
        if (err != 0) break;
        keep = 1;
    } while (0);
    if (err != 0) {
        atomic_min(&errors[err - 1], i);
        keep = 0;
    }
    out[i] = s1;
}

