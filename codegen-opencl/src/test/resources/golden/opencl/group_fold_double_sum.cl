// Pappus generated OpenCL C. Do not edit.
// plan: groupBy(key).reduce(sum) over double: one work-item folds one group's run of the stable sort, in input order
// backend: opencl
#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

double pappus_combine(double a, double b) {
    return a + b;
}

__kernel void pappus_seg_fold(__global const double* values, __global const int* starts, __global double* out, int segments) {
    int g = get_global_id(0);
    if (g >= segments) return;
    int end = starts[g + 1];
    double acc = values[starts[g]];
    for (int j = starts[g] + 1; j < end; j++) acc = pappus_combine(acc, values[j]);
    out[g] = acc;
}
