package io.pappus.opencl.codegen;

/**
 * A work-efficient exclusive prefix sum of ints (Blelloch: up-sweep, down-sweep in local
 * memory) over blocks of {@code 2 * local size} elements, writing each block's total; the host
 * scans the block totals the same way and adds them back with {@code pappus_add_offsets}.
 */
final class ScanKernels {
    private ScanKernels() {
    }

    static final String SOURCE = """
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
            """;
}
