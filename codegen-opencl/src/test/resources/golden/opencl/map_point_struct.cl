// Pappus generated OpenCL C. Do not edit.
// fragment: map_point_struct
// plan: map(?.?(?.java)) -> collect
// backend: opencl
#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

// map1_main: ?.?(?.java)
void map1_main(int* err, double v_p0_x, double v_p0_y, double* ret_x, double* ret_y);

void map1_main(int* err, double v_p0_x, double v_p0_y, double* ret_x, double* ret_y) {
    *ret_x = v_p0_y * 2.0;
    *ret_y = -v_p0_x;
    return;
}

__kernel void map_point_struct_map(__global const double* in_x, __global const double* in_y, __global double* out_x, __global double* out_y, __global int* errors, int n) {
    int i = get_global_id(0);
    if (i >= n) return;
    int err = 0;
    int keep = 0;
    double s0_x = in_x[i];
    double s0_y = in_y[i];
    double s1_x = 0.0;
    double s1_y = 0.0;
    do {
        map1_main(&err, s0_x, s0_y, &s1_x, &s1_y);
        if (err != 0) break;
        keep = 1;
    } while (0);
    if (err != 0) {
        atomic_min(&errors[err - 1], i);
        keep = 0;
    }
    out_x[i] = s1_x;
    out_y[i] = s1_y;
}

