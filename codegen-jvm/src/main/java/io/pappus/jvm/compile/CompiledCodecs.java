package io.pappus.jvm.compile;

import io.pappus.exec.Fallback;
import io.pappus.exec.column.ColumnLayout;
import io.pappus.exec.column.RowCodec;
import io.pappus.exec.column.RowCodecFactory;
import io.pappus.jvm.codegen.CodecGenerator;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Row codecs compiled with Janino (found by the planner through {@code ServiceLoader}): the
 * record-to-column copy and the rebuild run as plain loops over the record's accessors and
 * constructor, which the JIT inlines. The class loads under the record's own loader, so it can
 * name the record. Janino rejecting the source is a generator bug: under
 * {@code -Dpappus.fallback=off} it is thrown; otherwise logged, and the planner's codec serves.
 */
public final class CompiledCodecs implements RowCodecFactory {
    private static final Logger LOG = LoggerFactory.getLogger(CompiledCodecs.class);
    private static final AtomicInteger NEXT = new AtomicInteger();

    @Override
    public RowCodec codec(ColumnLayout layout, ClassLoader loader, java.util.BitSet reads) {
        ClassLoader parent = loader != null ? loader : CompiledCodecs.class.getClassLoader();
        if (!sees(parent)) {
            return null;
        }
        String className = "RowCodec" + NEXT.incrementAndGet();
        String source = CodecGenerator.source(layout, parent, className, reads);
        if (source == null) {
            return null;
        }
        long t0 = System.nanoTime();
        SimpleCompiler sc = new SimpleCompiler();
        sc.setParentClassLoader(parent);
        try {
            sc.cook(source);
            RowCodec c = (RowCodec) sc.getClassLoader().loadClass(className).getConstructor().newInstance();
            LOG.debug("row codec for {} compiled in {} ms", layout.type().show(), (System.nanoTime() - t0) / 1e6);
            return c;
        } catch (CompileException | ReflectiveOperationException | LinkageError e) {
            JaninoRejected r = new JaninoRejected(e.getMessage(), source, e);
            if (Fallback.off()) {
                throw r;
            }
            LOG.warn("row codec for {} falls back to method handles: {}", layout.type().show(), r.getMessage());
            return null;
        }
    }

    /** @return whether generated code under {@code loader} sees this module's {@code RowCodec} */
    private static boolean sees(ClassLoader loader) {
        try {
            return Class.forName(RowCodec.class.getName(), false, loader) == RowCodec.class;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
