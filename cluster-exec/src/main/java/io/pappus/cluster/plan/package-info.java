/**
 * Which part of a query runs on the members and which on the caller: the leading map/filter
 * chains over sources whose lambdas are lifted ({@link io.pappus.cluster.plan.Chain}), the
 * terminal's partial aggregate where its lambdas are lifted ({@link io.pappus.cluster.plan.Placement}),
 * and the rest, with the reason, on the caller.
 */
package io.pappus.cluster.plan;
