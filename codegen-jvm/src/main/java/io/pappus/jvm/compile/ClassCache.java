package io.pappus.jvm.compile;

import io.pappus.jvm.runtime.Kernel;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

import java.lang.reflect.Constructor;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles generated fragment classes with Janino and keeps them by source text, so a query of
 * the same shape with new captured values (which live in {@code refs[]}, never in the source)
 * reuses the class: Spark keys its code cache the same way.
 */
public final class ClassCache {
    private static final ClassCache SHARED = new ClassCache();
    /** Test seam: what Janino is given for a generated source (the source itself in production). */
    static volatile java.util.function.UnaryOperator<String> toCompile = java.util.function.UnaryOperator.identity();
    /** Keyed by source text, or by {@link Under} for a class compiled under a user's loader. */
    private final ConcurrentHashMap<Object, Compiled> classes = new ConcurrentHashMap<>();

    /** A class compiled under another loader than this backend's (it names a user's record). */
    private record Under(ClassLoader loader, String source) {
    }

    /** @return the process-wide cache */
    public static ClassCache shared() {
        return SHARED;
    }

    /**
     * A compiled fragment class.
     *
     * @param ctor          its {@code (Object[] refs)} constructor
     * @param compileMillis how long Janino took
     */
    public record Compiled(Constructor<? extends Kernel> ctor, double compileMillis) {
        /**
         * @param refs this run's references
         * @return a kernel bound to them
         */
        public Kernel bind(Object[] refs) {
            try {
                return ctor.newInstance((Object) refs);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot instantiate " + ctor.getDeclaringClass().getName(), e);
            }
        }
    }

    /**
     * The result of a lookup.
     *
     * @param compiled the class
     * @param hit      whether it came from the cache
     */
    public record Lookup(Compiled compiled, boolean hit) {
    }

    /**
     * @param className the class's simple name in {@code source}
     * @param source    the compilation unit
     * @return the compiled class, and whether the cache had it
     * @throws JaninoRejected if Janino does not accept the source (a code generator bug)
     */
    public Lookup get(String className, String source) {
        return get(className, source, null);
    }

    /**
     * @param className the class's simple name in {@code source}
     * @param source    the compilation unit
     * @param parent    the loader to compile under (one that sees both this backend and the
     *                  user's classes the source names), or null for this backend's own
     * @return the compiled class, and whether the cache had it
     * @throws JaninoRejected if Janino does not accept the source (a code generator bug)
     */
    public Lookup get(String className, String source, ClassLoader parent) {
        ClassLoader own = ClassCache.class.getClassLoader();
        ClassLoader under = parent == null ? own : parent;
        Object key = under == own ? source : new Under(under, source);
        Compiled c = classes.get(key);
        if (c != null) {
            return new Lookup(c, true);
        }
        Compiled fresh = compile(className, source, under);
        Compiled prev = classes.putIfAbsent(key, fresh);
        return new Lookup(prev != null ? prev : fresh, prev != null);
    }

    /** @return how many classes are cached */
    public int size() {
        return classes.size();
    }

    @SuppressWarnings("unchecked")
    private static Compiled compile(String className, String source, ClassLoader parent) {
        long t0 = System.nanoTime();
        SimpleCompiler sc = new SimpleCompiler();
        sc.setParentClassLoader(parent);
        try {
            sc.cook(toCompile.apply(source));
            Class<?> cls = sc.getClassLoader().loadClass(className);
            Constructor<? extends Kernel> ctor = (Constructor<? extends Kernel>) cls.getConstructor(Object[].class);
            return new Compiled(ctor, (System.nanoTime() - t0) / 1e6);
        } catch (CompileException | ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            throw new JaninoRejected(e.getMessage(), source, e);
        }
    }
}
