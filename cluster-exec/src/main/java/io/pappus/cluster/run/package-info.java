/**
 * Running the members' part of a query: splitting a source into columnar chunks sized by each
 * owner's advertised throughput ({@link io.pappus.cluster.run.Chunker},
 * {@link io.pappus.cluster.run.JobRunner}), running one wave of tasks on the partitions' owners
 * with retries, eager re-execution of stragglers and cancellation
 * ({@link io.pappus.cluster.run.TaskScheduler}, {@link io.pappus.cluster.run.JobContext}),
 * shuffles stage by stage ({@link io.pappus.cluster.run.ShuffleRunner}), and combining the
 * partial results on the caller in partition order ({@link io.pappus.cluster.run.Combiner}).
 */
package io.pappus.cluster.run;
