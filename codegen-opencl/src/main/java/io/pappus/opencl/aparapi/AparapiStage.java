package io.pappus.opencl.aparapi;

import com.aparapi.Kernel;
import com.aparapi.Range;
import com.aparapi.device.Device;
import com.aparapi.device.OpenCLDevice;
import io.pappus.api.DataSet;
import io.pappus.exec.column.ColumnConverter;
import io.pappus.exec.column.Columns;
import io.pappus.lift.JavaTypes;
import io.pappus.opencl.OclEngine;
import io.pappus.opencl.exec.MemoryBudget;
import io.pappus.opencl.runtime.DeviceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A hand-written Aparapi kernel as a pipeline stage: the escape hatch for code Pappus cannot
 * lift, or existing Aparapi code. The upstream query runs where Pappus places it; its
 * columns then stream through the user's kernel in chunks that fit the device-memory budget,
 * on the OpenCL device Pappus placed the fragment on; the output columns feed the rest of the
 * pipeline.
 *
 * <p>Aparapi silently runs a kernel in a Java thread pool when it cannot use OpenCL (a
 * construct it does not translate, no writable {@code java.io.tmpdir}, no device). The stage
 * checks {@code isRunningCL()} after every chunk and reports a fallback once in the log (with
 * Aparapi's reason), in {@link #lastRun()} and its {@code explain()}; with
 * {@link #requireOpenCl(boolean)} (or system property {@code pappus.aparapi.requireOpenCl=true})
 * a fallback fails the stage instead.
 *
 * <pre>{@code
 * try (AparapiStage<Square> s = AparapiStage.of(new Square(), double.class)) {
 *     DataSet<Double> squares = s.mapToDouble(DataSet.from(xs).filter(x -> x > 0), Double.class, engine);
 *     double total = squares.on(engine).reduce(0.0, Double::sum);
 * }
 * }</pre>
 *
 * @param <K> the user's kernel
 */
public final class AparapiStage<K extends Kernel & ColumnKernel> implements AutoCloseable {
    /** System property: a fallback to the Java thread pool fails the stage. */
    public static final String REQUIRE_PROPERTY = "pappus.aparapi.requireOpenCl";
    private static final Logger LOG = LoggerFactory.getLogger(AparapiStage.class);
    private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

    private final K kernel;
    private final List<Class<?>> outputs;
    private boolean requireOpenCl = Boolean.getBoolean(REQUIRE_PROPERTY);
    private volatile AparapiRun last;

    private AparapiStage(K kernel, List<Class<?>> outputs) {
        this.kernel = kernel;
        this.outputs = outputs;
    }

    /**
     * @param kernel  the user's kernel
     * @param outputs the primitive type of each output column, e.g. {@code double.class}
     * @param <K>     the kernel's class
     * @return the stage
     */
    public static <K extends Kernel & ColumnKernel> AparapiStage<K> of(K kernel, Class<?>... outputs) {
        for (Class<?> c : outputs) {
            if (!c.isPrimitive() || c == void.class) {
                throw new IllegalArgumentException("Aparapi stage output columns are primitive, not " + c.getName());
            }
        }
        return new AparapiStage<>(kernel, List.of(outputs));
    }

    /**
     * @param require true to fail when Aparapi falls back to the Java thread pool
     * @return this
     */
    public AparapiStage<K> requireOpenCl(boolean require) {
        this.requireOpenCl = require;
        return this;
    }

    /** @return the last run, or null before the first */
    public AparapiRun lastRun() {
        return last;
    }

    /**
     * Runs {@code upstream} on {@code engine}, then this kernel over its columns on the engine's
     * device, and returns a data set over the single {@code double} output column.
     *
     * @param upstream    the query before the stage
     * @param elementType its element class (a boxed primitive or a record of primitives)
     * @param engine      the OpenCL engine; its device runs the kernel
     * @return the kernel's output
     */
    public DataSet<Double> mapToDouble(DataSet<?> upstream, Class<?> elementType, OclEngine engine) {
        if (outputs.size() != 1 || outputs.get(0) != double.class) {
            throw new IllegalStateException("mapToDouble needs one double output column, the stage has " + outputs);
        }
        return DataSet.from((double[]) run(upstream, elementType, engine).get(0));
    }

    /**
     * @param upstream    the query before the stage
     * @param elementType its element class
     * @param engine      the OpenCL engine
     * @return the output columns
     */
    public List<Object> run(DataSet<?> upstream, Class<?> elementType, OclEngine engine) {
        Columns c = ColumnConverter.fromObjects(upstream.on(engine).toList(), JavaTypes.ofClass(elementType));
        List<Object> cols = new ArrayList<>();
        for (Object leaf : c.leaves()) {
            cols.add(exactly(leaf, c.size()));
        }
        return run(engine.device(), cols);
    }

    /**
     * @param device  where Pappus placed the stage, or null for none
     * @param columns the input columns, all of one length
     * @return the output columns, each as long as the input
     */
    public synchronized List<Object> run(DeviceInfo device, List<Object> columns) {
        int n = columns.isEmpty() ? 0 : Array.getLength(columns.get(0));
        OpenCLDevice target = AparapiDevices.match(device);
        int chunk = chunk(device, columns, Math.max(1, n));
        List<Object> out = new ArrayList<>();
        Object[] outChunk = new Object[outputs.size()];
        for (int j = 0; j < outputs.size(); j++) {
            out.add(Array.newInstance(outputs.get(j), n));
            outChunk[j] = Array.newInstance(outputs.get(j), chunk);
        }
        Object[] inChunk = new Object[columns.size()];
        for (int j = 0; j < inChunk.length; j++) {
            inChunk[j] = Array.newInstance(columns.get(j).getClass().getComponentType(), chunk);
        }
        kernel.setExplicit(true);
        kernel.bind(inChunk, outChunk);
        boolean openCl = true;
        boolean useDevice = target != null;
        String ranOn = "nothing (empty input)";
        String why = null;
        double kernelMs = 0;
        double convertMs = 0;
        int chunks = 0;
        for (int from = 0; from < n; from += chunk) {
            int len = Math.min(chunk, n - from);
            for (int j = 0; j < inChunk.length; j++) {
                System.arraycopy(columns.get(j), from, inChunk[j], 0, len);
                Explicit.put(kernel, inChunk[j]);
            }
            try (AparapiFallbacks listen = AparapiFallbacks.listen()) {
                try {
                    kernel.execute(useDevice ? target.createRange(len) : Range.create(len));
                } catch (AssertionError e) {
                    if (!useDevice) {
                        throw e;
                    }
                    // Aparapi refuses an OpenCL range for a kernel class it already demoted to its thread pool
                    useDevice = false;
                    openCl = false;
                    why = "Aparapi keeps " + kernel.getClass().getName() + " in its Java thread pool after an earlier"
                            + " failure to use OpenCL (" + e.getMessage() + ")";
                    reportFallback(why);
                    kernel.execute(Range.create(len));
                }
                if (!kernel.isRunningCL()) {
                    openCl = false;
                    useDevice = false;
                    why = why != null ? why : listen.reason().orElse(target == null ? "Pappus's device " + name(device)
                            + " is not among Aparapi's OpenCL devices" : "Aparapi gave no reason");
                }
            }
            for (Object o : outChunk) {
                Explicit.get(kernel, o);
            }
            for (int j = 0; j < outChunk.length; j++) {
                System.arraycopy(outChunk[j], 0, out.get(j), from, len);
            }
            ranOn = describe(kernel.getTargetDevice());
            kernelMs += kernel.getExecutionTime();
            convertMs = chunks == 0 ? kernel.getConversionTime() : convertMs;
            chunks++;
            if (!openCl) {
                reportFallback(why);
            }
        }
        last = new AparapiRun(kernel.getClass().getName(), name(device), ranOn, openCl, why, chunks, n, kernelMs,
                convertMs);
        return out;
    }

    private void reportFallback(String why) {
        String msg = "Aparapi kernel " + kernel.getClass().getName() + " fell back to the Java thread pool: " + why;
        if (requireOpenCl) {
            throw new IllegalStateException(msg + " (" + REQUIRE_PROPERTY + " is set)");
        }
        if (SAID.add(kernel.getClass().getName())) {
            LOG.warn(msg);
        }
    }

    private int chunk(DeviceInfo device, List<Object> columns, int n) {
        if (device == null) {
            return n;
        }
        long perElement = 0;
        for (Object c : columns) {
            perElement += width(c.getClass().getComponentType());
        }
        for (Class<?> c : outputs) {
            perElement += width(c);
        }
        long fit = MemoryBudget.bytes(device) / Math.max(1, perElement);
        return (int) Math.max(1, Math.min(n, Math.max(256, fit)));
    }

    private static int width(Class<?> c) {
        if (c == double.class || c == long.class) {
            return 8;
        } else if (c == int.class || c == float.class) {
            return 4;
        } else if (c == short.class || c == char.class) {
            return 2;
        }
        return 1;
    }

    private static Object exactly(Object leaf, int n) {
        if (Array.getLength(leaf) == n) {
            return leaf;
        }
        Object t = Array.newInstance(leaf.getClass().getComponentType(), n);
        System.arraycopy(leaf, 0, t, 0, n);
        return t;
    }

    private static String name(DeviceInfo d) {
        return d == null ? null : d.name();
    }

    private static String describe(Device d) {
        if (d instanceof OpenCLDevice o) {
            return "OpenCL " + o.getName().trim();
        }
        return d == null ? "unknown" : d.getShortDescription();
    }

    /** Releases the kernel's OpenCL resources. */
    @Override
    public void close() {
        kernel.dispose();
    }
}
