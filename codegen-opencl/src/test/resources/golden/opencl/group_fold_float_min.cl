// Pappus generated OpenCL C. Do not edit.
// plan: groupBy(key).reduce(min) over float: one work-item folds one group's run of the stable sort, in input order
// backend: opencl
#pragma OPENCL FP_CONTRACT OFF

float pappus_min_f(float a, float b) {
    if (isnan(a)) return a;
    if (a == 0.0f && b == 0.0f) return as_float(as_int(a) | as_int(b)); /* Java: min(-0.0, 0.0) == -0.0 */
    return a <= b ? a : b;
}

float pappus_combine(float a, float b) {
    return pappus_min_f(a, b);
}

__kernel void pappus_seg_fold(__global const float* values, __global const int* starts, __global float* out, int segments) {
    int g = get_global_id(0);
    if (g >= segments) return;
    int end = starts[g + 1];
    float acc = values[starts[g]];
    for (int j = starts[g] + 1; j < end; j++) acc = pappus_combine(acc, values[j]);
    out[g] = acc;
}
