package io.pappus.opencl.aparapi;

import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Listens to Aparapi's own log (java.util.logging, package {@code com.aparapi}) while a kernel
 * runs, to keep the reason it gives when it reverts to the Java thread pool.
 */
final class AparapiFallbacks extends Handler implements AutoCloseable {
    private static final Logger APARAPI = Logger.getLogger("com.aparapi");
    private final java.util.Set<String> reasons = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());

    private AparapiFallbacks() {
        setLevel(Level.WARNING);
    }

    static AparapiFallbacks listen() {
        AparapiFallbacks h = new AparapiFallbacks();
        APARAPI.addHandler(h);
        return h;
    }

    /** @return Aparapi's warnings while the kernel ran, in order, joined */
    Optional<String> reason() {
        synchronized (reasons) {
            return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
        }
    }

    @Override
    public void publish(LogRecord r) {
        if (r.getLevel().intValue() >= Level.WARNING.intValue() && reasons.size() < 4) {
            String m = r.getMessage();
            reasons.add(r.getThrown() != null ? m + " (" + r.getThrown() + ")" : m);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        APARAPI.removeHandler(this);
    }
}
