/**
 * Running the members' part of a query: splitting a source into columnar chunks
 * ({@link io.pappus.cluster.run.Chunker}), storing them with backups and running one task per
 * chunk on its owner with retries ({@link io.pappus.cluster.run.JobRunner}), and combining the
 * partial results on the caller in partition order ({@link io.pappus.cluster.run.Combiner}).
 */
package io.pappus.cluster.run;
