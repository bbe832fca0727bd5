package io.pappus.opencl;

import io.pappus.opencl.runtime.OclTimings;

import java.util.List;

/**
 * What a pipeline run gave.
 *
 * @param columns  for a column sink: one primitive array per leaf of the element type,
 *                 {@code count} long ({@code boolean[]} for booleans); empty for a reduction
 * @param count    elements that passed every filter
 * @param value    for a reduction: the reduced value as an IR value (the identity when
 *                 {@code count} is 0), or the count for COUNT; {@code null} for columns
 * @param timings  device time of this run's kernels and transfers
 * @param resident for a column sink asked to keep its output on the device: the output
 *                 columns there (then {@code columns} is empty), owned by the caller; else null
 */
public record OclResult(List<Object> columns, long count, Object value, OclTimings timings, ResidentColumns resident) {
    /** A result read back to the host. */
    public OclResult(List<Object> columns, long count, Object value, OclTimings timings) {
        this(columns, count, value, timings, null);
    }
}
