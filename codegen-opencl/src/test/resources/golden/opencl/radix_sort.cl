// Pappus device sort: stable LSD radix sort on order-preserving key bits, gathers, segments.
// backend: opencl
#define PAPPUS_RADIX_BITS 8
#define PAPPUS_RADIX (1 << PAPPUS_RADIX_BITS)

__kernel void pappus_bits_int(__global const int* in, __global ulong* out, int descending, int n) {
    int i = get_global_id(0);
    if (i >= n) return;
    ulong b = (ulong) (((uint) in[i]) ^ 0x80000000u);
    out[i] = descending ? (~b & 0xffffffffUL) : b;
}

__kernel void pappus_bits_long(__global const ulong* in, __global ulong* out, int descending, int n) {
    int i = get_global_id(0);
    if (i >= n) return;
    ulong b = in[i] ^ 0x8000000000000000UL;
    out[i] = descending ? ~b : b;
}

__kernel void pappus_bits_float(__global const uint* in, __global ulong* out, int descending, int n) {
    int i = get_global_id(0);
    if (i >= n) return;
    uint b = in[i];
    if ((b & 0x7fffffffu) > 0x7f800000u) b = 0x7fc00000u;  /* one NaN, above +Infinity */
    b = (b >> 31) ? ~b : (b | 0x80000000u);
    out[i] = descending ? (ulong) ~b : (ulong) b;
}

__kernel void pappus_bits_double(__global const ulong* in, __global ulong* out, int descending, int n) {
    int i = get_global_id(0);
    if (i >= n) return;
    ulong b = in[i];
    if ((b & 0x7fffffffffffffffUL) > 0x7ff0000000000000UL) b = 0x7ff8000000000000UL;
    b = (b >> 63) ? ~b : (b | 0x8000000000000000UL);
    out[i] = descending ? ~b : b;
}

/* partial[g] = the OR of (key ^ keys[0]) over a strided share: the bits that vary, so constant digits skip their pass */
__kernel void pappus_bits_vary(__global const ulong* keys, __global ulong* partial, int n) {
    int g = get_global_id(0);
    ulong first = keys[0];
    ulong acc = 0;
    for (int i = g; i < n; i += get_global_size(0)) acc |= keys[i] ^ first;
    partial[g] = acc;
}

__kernel void pappus_iota(__global int* out, int n) {
    int i = get_global_id(0);
    if (i < n) out[i] = i;
}

__kernel void pappus_radix_hist(__global const ulong* keys, __global int* hist, int shift, int block,
                                int blocks, int n) {
    int b = get_global_id(0);
    if (b >= blocks) return;
    int count[PAPPUS_RADIX];
    for (int d = 0; d < PAPPUS_RADIX; d++) count[d] = 0;
    int hi = min(n, (b + 1) * block);
    for (int i = b * block; i < hi; i++) count[(keys[i] >> shift) & (PAPPUS_RADIX - 1)]++;
    for (int d = 0; d < PAPPUS_RADIX; d++) hist[d * blocks + b] = count[d];
}

__kernel void pappus_radix_scatter(__global const ulong* keys, __global const int* idx,
                                   __global const int* offsets, __global ulong* keys_out,
                                   __global int* idx_out, int shift, int block, int blocks, int n) {
    int b = get_global_id(0);
    if (b >= blocks) return;
    int at[PAPPUS_RADIX];
    for (int d = 0; d < PAPPUS_RADIX; d++) at[d] = offsets[d * blocks + b];
    int hi = min(n, (b + 1) * block);
    for (int i = b * block; i < hi; i++) {
        ulong k = keys[i];
        int p = at[(k >> shift) & (PAPPUS_RADIX - 1)]++;
        keys_out[p] = k;
        idx_out[p] = idx[i];
    }
}

__kernel void pappus_gather_1(__global const uchar* in, __global const int* perm, __global uchar* out, int n) {
    int i = get_global_id(0);
    if (i < n) out[i] = in[perm[i]];
}

__kernel void pappus_gather_2(__global const ushort* in, __global const int* perm, __global ushort* out, int n) {
    int i = get_global_id(0);
    if (i < n) out[i] = in[perm[i]];
}

__kernel void pappus_gather_4(__global const uint* in, __global const int* perm, __global uint* out, int n) {
    int i = get_global_id(0);
    if (i < n) out[i] = in[perm[i]];
}

__kernel void pappus_gather_8(__global const ulong* in, __global const int* perm, __global ulong* out, int n) {
    int i = get_global_id(0);
    if (i < n) out[i] = in[perm[i]];
}

/* heads[i] = 1 where a run of equal sorted keys starts */
__kernel void pappus_seg_heads(__global const ulong* keys, __global int* heads, int n) {
    int i = get_global_id(0);
    if (i < n) heads[i] = i == 0 || keys[i] != keys[i - 1];
}

/* starts[g] = first sorted position of segment g; starts[segments] = n */
__kernel void pappus_seg_starts(__global const int* heads, __global const int* seg, __global int* starts, int n) {
    int i = get_global_id(0);
    if (i >= n) return;
    if (heads[i]) starts[seg[i]] = i;
    if (i == n - 1) starts[seg[i] + heads[i]] = n;
}

/* first[g] = the input index of segment g's first element (the smallest: the sort is stable) */
__kernel void pappus_seg_first(__global const int* starts, __global const int* perm, __global ulong* first,
                               int segments) {
    int g = get_global_id(0);
    if (g < segments) first[g] = (ulong) perm[starts[g]];
}

/* count[g] = the length of segment g, as a Java long */
__kernel void pappus_seg_count(__global const int* starts, __global long* count, int segments) {
    int g = get_global_id(0);
    if (g < segments) count[g] = (long) (starts[g + 1] - starts[g]);
}

/* for each left key, the run of equal keys in the sorted right keys: its start and length */
__kernel void pappus_join_range(__global const ulong* right, int m, __global const ulong* left,
                                __global int* lo, __global int* count, int n) {
    int i = get_global_id(0);
    if (i >= n) return;
    ulong k = left[i];
    int a = 0;
    int b = m;
    while (a < b) {
        int mid = (a + b) >> 1;
        if (right[mid] < k) a = mid + 1; else b = mid;
    }
    int start = a;
    b = m;
    while (a < b) {
        int mid = (a + b) >> 1;
        if (right[mid] <= k) a = mid + 1; else b = mid;
    }
    lo[i] = start;
    count[i] = a - start;
}

/* the matching (left, right) index pairs, left-major, right matches in right input order */
__kernel void pappus_join_pairs(__global const int* lo, __global const int* count, __global const int* offsets,
                                __global const int* right_perm, __global int* li, __global int* ri, int n) {
    int i = get_global_id(0);
    if (i >= n) return;
    int at = offsets[i];
    for (int j = 0; j < count[i]; j++) {
        li[at + j] = i;
        ri[at + j] = right_perm[lo[i] + j];
    }
}

/* out[i] = in[perm[i]] as an int index: composes two permutations */
__kernel void pappus_compose(__global const int* inner, __global const int* outer, __global int* out, int n) {
    int i = get_global_id(0);
    if (i < n) out[i] = inner[outer[i]];
}

__kernel void pappus_scan_blocks(__global const int* in, __global int* out, __global int* block_sums,
                                 __local int* tmp, int n) {
    int lid = get_local_id(0);
    int wg = get_local_size(0);
    int base = get_group_id(0) * wg * 2;
    tmp[lid] = base + lid < n ? in[base + lid] : 0;
    tmp[lid + wg] = base + lid + wg < n ? in[base + lid + wg] : 0;
    int offset = 1;
    for (int d = wg; d > 0; d >>= 1) {
        barrier(CLK_LOCAL_MEM_FENCE);
        if (lid < d) {
            tmp[offset * (2 * lid + 2) - 1] += tmp[offset * (2 * lid + 1) - 1];
        }
        offset <<= 1;
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    if (lid == 0) {
        block_sums[get_group_id(0)] = tmp[2 * wg - 1];
        tmp[2 * wg - 1] = 0;
    }
    for (int d = 1; d < 2 * wg; d <<= 1) {
        offset >>= 1;
        barrier(CLK_LOCAL_MEM_FENCE);
        if (lid < d) {
            int a = offset * (2 * lid + 1) - 1;
            int b = offset * (2 * lid + 2) - 1;
            int t = tmp[a];
            tmp[a] = tmp[b];
            tmp[b] += t;
        }
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    if (base + lid < n) out[base + lid] = tmp[lid];
    if (base + lid + wg < n) out[base + lid + wg] = tmp[lid + wg];
}

__kernel void pappus_add_offsets(__global int* data, __global const int* offsets, int block, int n) {
    int i = get_global_id(0);
    if (i < n) data[i] += offsets[i / block];
}
