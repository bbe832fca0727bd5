// Pappus generated OpenCL C. Do not edit.
// fragment: map_square
// plan: map(?.?(?.java)) -> collect
// backend: opencl
#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

// map1_main: ?.?(?.java)
double map1_main(int* err, double v_p0);

double map1_main(int* err, double v_p0) {
    return v_p0 * v_p0;
}

__kernel void map_square_map(__global const double* in, __global double* out, __global int* errors, int n) {
    int i = get_global_id(0);
    if (i >= n) return;
    int err = 0;
    int keep = 0;
    double s0 = in[i];
    double s1 = 0.0;
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

