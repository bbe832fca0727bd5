package io.pappus.exec.column;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The codec of each element type, built once and kept. Small conversions use the typed
 * {@link HandleCodec} (ready at once); from {@link #GENERATE_FROM} elements a
 * {@link RowCodecFactory}'s compiled codec, when one is on the class path, since its loop runs
 * at a hand-written loop's speed and pays its compile time back. Either is guarded by the
 * {@link GenericCodec}, which redoes a range the fast one rejects (an element of another record
 * class, a null) so the caller sees exactly the per-element behaviour.
 */
final class RowCodecs {
    private static final Logger LOG = LoggerFactory.getLogger(RowCodecs.class);
    /** Conversions of at least this many elements get a compiled codec. */
    static final int GENERATE_FROM = Integer.getInteger("pappus.codec.generateFrom", 100_000);
    private static final int MAX = 1024;
    private static final Map<Key, RowCodec> TYPED = new ConcurrentHashMap<>();
    private static final Map<Key, RowCodec> GENERATED = new ConcurrentHashMap<>();
    private static final RowCodecFactory FACTORY = factory();

    /** Leaf holds an {@code int[]}, so a layout is no value key: its type is. */
    private record Key(io.pappus.ir.Type type, ClassLoader loader, BitSet reads) {
    }

    private RowCodecs() {
    }

    /**
     * @param layout the element layout
     * @param loader the loader that knows its record classes
     * @param n      how many elements are about to be converted
     * @return a codec for the type
     */
    static RowCodec of(ColumnLayout layout, ClassLoader loader, int n) {
        return of(layout, loader, n, null);
    }

    /**
     * @param layout the element layout
     * @param loader the loader that knows its record classes
     * @param n      how many elements are about to be converted
     * @param reads  the leaves to lay out (the rest stay null); null for all
     * @return a codec for the type, laying out those leaves
     */
    static RowCodec of(ColumnLayout layout, ClassLoader loader, int n, BitSet reads) {
        Key key = new Key(layout.type(), loader, reads == null ? null : (BitSet) reads.clone());
        RowCodec c = GENERATED.get(key);
        if (c != null) {
            return c;
        }
        if (n >= GENERATE_FROM && FACTORY != null) {
            return cached(GENERATED, key, () -> {
                RowCodec g = FACTORY.codec(layout, loader, key.reads());
                return g != null ? guarded(g, layout, loader) : of(layout, loader, 0, key.reads());
            });
        }
        return cached(TYPED, key, () -> {
            RowCodec typed;
            try {
                typed = HandleCodec.of(layout, loader, key.reads());
            } catch (IllegalStateException e) {
                typed = null;  // e.g. a class the loader cannot see: the generic codec says so per element
            }
            return typed != null ? guarded(typed, layout, loader) : new GenericCodec(layout, loader);
        });
    }

    private static RowCodec cached(Map<Key, RowCodec> map, Key key, java.util.function.Supplier<RowCodec> make) {
        RowCodec c = map.get(key);
        if (c == null) {
            if (map.size() >= MAX) {
                map.clear();  // the keys hold class loaders: bound them
            }
            c = make.get();
            RowCodec prev = map.putIfAbsent(key, c);
            c = prev != null ? prev : c;
        }
        return c;
    }

    private static RowCodec guarded(RowCodec fast, ColumnLayout layout, ClassLoader loader) {
        GenericCodec slow = new GenericCodec(layout, loader);
        return new RowCodec() {
            @Override
            public void layout(List<?> values, Object[] cols, int lo, int hi) {
                try {
                    fast.layout(values, cols, lo, hi);
                } catch (ClassCastException | NullPointerException e) {
                    slow.layout(values, cols, lo, hi);
                }
            }

            @Override
            public void build(Object[] cols, Object[] out, int lo, int hi) {
                fast.build(cols, out, lo, hi);
            }
        };
    }

    private static RowCodecFactory factory() {
        Iterator<RowCodecFactory> it = ServiceLoader.load(RowCodecFactory.class, RowCodecs.class.getClassLoader())
                .iterator();
        if (!it.hasNext()) {
            return null;
        }
        RowCodecFactory f = it.next();
        LOG.debug("compiled row codecs from {}", f.getClass().getName());
        return f;
    }
}
