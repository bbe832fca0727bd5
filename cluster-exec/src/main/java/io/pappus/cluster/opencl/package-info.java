/**
 * Members run shipped pipelines on their own OpenCL device: {@link io.pappus.cluster.opencl.OclChunkRunner}
 * (the highest-priority {@link io.pappus.cluster.remote.ChunkRunner} when codegen-opencl is on the
 * member's class path) and, for {@code pappus.cluster.memberTarget=auto}, the cost model's choice
 * between the member's JVM and its device per pipeline ({@link io.pappus.cluster.opencl.MemberPlacement}).
 * The only package of cluster-exec that names the OpenCL backend, apart from the worker's device probe.
 */
package io.pappus.cluster.opencl;
