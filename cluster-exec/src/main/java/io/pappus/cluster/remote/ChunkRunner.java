package io.pappus.cluster.remote;

/**
 * Evaluates a shipped pipeline over one chunk on a member: the plug-in point for member-side
 * backends. The IR interpreter is the default; a compiling backend (JVM, OpenCL) registers
 * one through {@link java.util.ServiceLoader} with a higher {@link #priority()}.
 * Implementations must be thread-safe: a member runs many chunks at once.
 *
 * <pre>{@code
 * ChunkRun r = ChunkRunners.get().run(pipeline, chunk);   // r.on(): which runner and device
 * }</pre>
 */
public interface ChunkRunner {

    /**
     * @param pipeline a validated pipeline
     * @param chunk    a chunk of the pipeline's input type
     * @return {@link ChunkResult.Done}, or {@link ChunkResult.ElementFailed} when a lambda threw,
     *         with the runner and device that evaluated the chunk (a runner may hand a chunk it
     *         cannot run on to a lesser one, and says why)
     */
    ChunkRun run(RemotePipeline pipeline, Chunk chunk);

    /** @return a short name for replies and logs, e.g. {@code ir-interpreter} */
    String name();

    /** @return what this runner does with shipped pipelines, in a line for logs and the worker's ready line */
    default String describe() {
        return name();
    }

    /**
     * @param pipeline a validated pipeline
     * @return where this runner would run it and, when not on its best device, why; for {@code explain()}
     */
    default String describe(RemotePipeline pipeline) {
        return name();
    }

    /** @return the runner with the highest priority on a member wins */
    default int priority() {
        return 0;
    }
}
