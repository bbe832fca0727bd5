// Pappus generated OpenCL C. Do not edit.
// plan: groupBy(key).reduce(max) over long: one work-item folds one group's run of the stable sort, in input order
// backend: opencl
#pragma OPENCL FP_CONTRACT OFF

long pappus_combine(long a, long b) {
    return max(a, b);
}

__kernel void pappus_seg_fold(__global const long* values, __global const int* starts, __global long* out, int segments) {
    int g = get_global_id(0);
    if (g >= segments) return;
    int end = starts[g + 1];
    long acc = values[starts[g]];
    for (int j = starts[g] + 1; j < end; j++) acc = pappus_combine(acc, values[j]);
    out[g] = acc;
}
