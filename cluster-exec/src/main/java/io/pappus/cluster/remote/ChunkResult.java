package io.pappus.cluster.remote;

import java.io.Serializable;

/** What running a pipeline over one chunk gave, in IR form. */
public sealed interface ChunkResult extends Serializable {

    /**
     * The chunk ran to the end.
     *
     * @param counts  the number of elements entering each step, then the partial aggregate
     *                ({@code steps.size() + 1} entries): the caller needs them to number elements
     *                across chunks
     * @param partial the partial aggregate in IR form: the output column for collect, a
     *                {@code Double} for sum, the fold or accumulator ({@code null} when no
     *                element reached a fold), {@code Object[]{element, key}} for an extreme
     *                ({@code null} when empty), {@code null} for count; for a stage that
     *                wrote a shuffle, the {@code Long} number of pairs it wrote
     */
    record Done(long[] counts, Object partial) implements ChunkResult {
    }

    /**
     * A lambda threw on an element: a property of the data, so the job fails as the sequential
     * run would, and the task is not retried.
     *
     * @param stage          the step that failed; {@code steps.size()} for the partial aggregate
     * @param index          the element's index in that step's input, within this chunk
     * @param element        the element, in IR form
     * @param exceptionClass the exception's class name, e.g. {@code java.lang.ArithmeticException}
     * @param message        the exception's message, or {@code null}
     */
    record ElementFailed(int stage, long index, Object element, String exceptionClass, String message)
            implements ChunkResult {
    }

    /**
     * The member refused the task: its IR or chunk failed validation. Never retried.
     *
     * @param reason what was wrong
     */
    record Rejected(String reason) implements ChunkResult {
    }

    /** The chunk was not in the map: more members left than the map has backups. */
    record Missing() implements ChunkResult {
    }
}
