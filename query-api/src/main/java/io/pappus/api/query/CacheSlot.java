package io.pappus.api.query;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The storage behind {@link io.pappus.api.DataSet#cache()}: each engine keeps its own
 * materialised form (a list of objects, columns, device buffers) under its own key, computed
 * once even when queries race.
 */
public final class CacheSlot {
    private final Map<Object, Object> byEngine = new ConcurrentHashMap<>();

    /**
     * Returns what {@code engineKey} stored, computing it on first use.
     *
     * @param engineKey   the engine's key
     * @param materialise computes the value on first use
     * @param <V>         the stored type
     * @return the stored value
     */
    @SuppressWarnings("unchecked")
    public <V> V computeIfAbsent(Object engineKey, Function<Object, V> materialise) {
        return (V) byEngine.computeIfAbsent(engineKey, materialise);
    }

    /**
     * Forgets what {@code engineKey} stored (e.g. device buffers being released).
     *
     * @param engineKey the engine's key
     * @return what was stored, or {@code null}
     */
    public Object release(Object engineKey) {
        return byEngine.remove(engineKey);
    }

    /** Forgets everything every engine stored. */
    public void clear() {
        byEngine.clear();
    }
}
