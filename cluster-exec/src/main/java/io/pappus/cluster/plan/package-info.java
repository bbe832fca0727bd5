/**
 * Which part of a query runs on the members and which on the caller: chains of lifted
 * map/filter lambdas over sources or over keyed operators that shuffle across the members
 * ({@link io.pappus.cluster.plan.Chain}, {@link io.pappus.cluster.plan.ShufflePlacement}), the
 * terminal's partial aggregate where its lambdas are lifted
 * ({@link io.pappus.cluster.plan.Placement}), and the rest, with the reason, on the caller.
 */
package io.pappus.cluster.plan;
