/**
 * A shipped pipeline as the planner's {@link io.pappus.plan.fragment.Fragment}, for the member-side
 * runners that compile it (JVM, OpenCL): the fragment itself
 * ({@link io.pappus.cluster.fragment.PipelineFragment}), a chunk's IR values as kernel columns and
 * back ({@link io.pappus.cluster.fragment.IrColumns}), and the per-step counts a compiled run
 * owes the caller ({@link io.pappus.cluster.fragment.StepCounts}).
 */
package io.pappus.cluster.fragment;
