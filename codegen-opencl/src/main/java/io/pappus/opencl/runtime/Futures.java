package io.pappus.opencl.runtime;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work another thread does for this one (a prefetch, a device's share of chunks). */
public final class Futures {
    private Futures() {
    }

    /**
     * @param f    the work
     * @param what what is awaited, for the message when this thread is interrupted
     * @param <T>  its result
     * @return its result
     * @throws RuntimeException what the work threw, as it was (an {@link Error} too); a checked
     *                          exception wrapped in {@link IllegalStateException}
     */
    public static <T> T await(Future<T> f, String what) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }
}
