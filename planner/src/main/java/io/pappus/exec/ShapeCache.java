package io.pappus.exec;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a backend derived from a query shape (a generated class, a device verdict), kept per shape
 * key so a query of the same shape with new captured values reuses it. The keys hold lambda
 * classes and IR, so the map is bounded: when full it is cleared, which is crude but enough, as a
 * program has far fewer shapes than the bound.
 *
 * @param <V> what is kept per shape
 */
public final class ShapeCache<V> {
    private final int max;
    private final ConcurrentHashMap<List<Object>, V> map = new ConcurrentHashMap<>();

    /** @param max how many shapes to keep before starting again */
    public ShapeCache(int max) {
        this.max = max;
    }

    /** @return what is kept for the shape, or null */
    public V get(List<Object> key) {
        return map.get(key);
    }

    /** Keeps {@code value} for the shape, clearing the cache first when it is full. */
    public void put(List<Object> key, V value) {
        if (map.size() >= max) {
            map.clear();
        }
        map.put(key, value);
    }
}
