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

__kernel void pappus_block_counts(__global const int* starts, __global int* counts, int segments, int block) {
    int g = get_global_id(0);
    if (g >= segments) return;
    int len = starts[g + 1] - starts[g];
    counts[g] = len / block + (len % block != 0);
}

// the group holding block b: the last g with blockStarts[g] <= b (every group has a block)
int pappus_block_group(__global const int* blockStarts, int segments, int b) {
    int lo = 0;
    int hi = segments - 1;
    while (lo < hi) {
        int mid = lo + (hi - lo + 1) / 2;
        if (blockStarts[mid] <= b) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    return lo;
}

__kernel void pappus_block_fold(__global const double* values, __global const int* starts, __global const int* blockStarts, __global double* partials, int segments, int blocks, int block) {
    int b = get_global_id(0);
    if (b >= blocks) return;
    int g = pappus_block_group(blockStarts, segments, b);
    int from = starts[g] + (b - blockStarts[g]) * block;
    int end = starts[g + 1] - from <= block ? starts[g + 1] : from + block;
    double acc = values[from];
    for (int j = from + 1; j < end; j++) acc = pappus_combine(acc, values[j]);
    partials[b] = acc;
}

__kernel void pappus_block_combine(__global const double* partials, __global const int* blockStarts, __global double* out, int segments, int blocks) {
    int g = get_global_id(0);
    if (g >= segments) return;
    int first = blockStarts[g];
    int last = g + 1 < segments ? blockStarts[g + 1] : blocks;
    double acc = partials[first];
    for (int j = first + 1; j < last; j++) acc = pappus_combine(acc, partials[j]);
    out[g] = acc;
}
