// Pappus generated OpenCL C. Do not edit.
// plan: key [char, char, double] packed into [32, 64]-bit sort words, first column highest
// backend: opencl

uint pappus_key_float(uint b) {
    if ((b & 0x7fffffffu) > 0x7f800000u) b = 0x7fc00000u;  /* one NaN, above +Infinity */
    return (b >> 31) ? ~b : (b | 0x80000000u);
}

ulong pappus_key_double(ulong b) {
    if ((b & 0x7fffffffffffffffUL) > 0x7ff0000000000000UL) b = 0x7ff8000000000000UL;
    return (b >> 63) ? ~b : (b | 0x8000000000000000UL);
}

__kernel void pappus_key_words(__global const ushort* k0, __global const ushort* k1, __global const ulong* k2, __global ulong* w0, __global ulong* w1, int n) {
    int i = get_global_id(0);
    if (i >= n) return;
    ulong v0 = 0;
    v0 = (v0 << 16) | (ulong) k0[i];
    v0 = (v0 << 16) | (ulong) k1[i];
    w0[i] = v0;
    ulong v1 = 0;
    v1 = pappus_key_double(k2[i]);
    w1[i] = v1;
}

/* heads[i] = 1 where a run of equal sorted keys starts: some word differs from the one before */
__kernel void pappus_key_heads(__global const ulong* w0, __global const ulong* w1, __global int* heads, int n) {
    int i = get_global_id(0);
    if (i >= n) return;
    heads[i] = i == 0 || w0[i] != w0[i - 1] || w1[i] != w1[i - 1];
}
