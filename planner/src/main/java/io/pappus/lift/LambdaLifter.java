package io.pappus.lift;

import io.pappus.ir.LiftedLambda;
import io.pappus.ir.SourceRef;
import io.pappus.ir.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lifts the bytecode of a serializable lambda or method reference to IR. Lifting never
 * guesses: whatever it cannot translate exactly comes back as {@link LiftResult.Opaque}
 * with a one-line reason and the source line, and then runs as plain Java.
 *
 * <pre>{@code
 * LiftResult r = LambdaLifter.shared().lift((Fn<Double, Double>) x -> x * 2.0, List.of(Type.DOUBLE));
 * if (r instanceof LiftResult.Lifted l) {
 *     String ir = IrPrinter.print(l.ir());   // fn main(p0: double) -> double { return p0 * 2.0; }
 * }
 * }</pre>
 *
 * <p>The IR of a lambda is cached per implementation method, argument types and capture
 * types (per class loader); captured values are read again on every call. Thread-safe.
 */
public final class LambdaLifter {
    private static final Logger LOG = LoggerFactory.getLogger(LambdaLifter.class);
    private static final LambdaLifter SHARED = new LambdaLifter();

    /** What one implementation method lifts to, for given argument and capture types. */
    private record Key(String implClass, String implMethod, String implSignature, String instantiated,
                       List<Type> argTypes, List<Type> captureTypes, boolean fanOut) {
    }

    private final Map<ClassLoader, Map<Key, Object>> cache = Collections.synchronizedMap(new WeakHashMap<>());

    /** @return the process-wide lifter */
    public static LambdaLifter shared() {
        return SHARED;
    }

    /**
     * @param fn       a lambda or method reference of a serializable functional interface
     * @param argTypes the IR types of the interface method's arguments (not the captures); an
     *                 entry may be {@code null} to take it from the implementation's descriptor
     * @return the lambda in IR with its captured values, or why it stays opaque
     */
    public LiftResult lift(Object fn, List<Type> argTypes) {
        return lift(fn, argTypes, false);
    }

    /**
     * Lifts a flatMap function: its list literals become a {@link FanOut} value, so the
     * elements it returns run through the rest of the pipeline without a Java collection.
     *
     * @param fn       the function, returning an {@code Iterable}
     * @param argTypes the IR type of its argument
     * @return the lambda in IR returning a fan, or why it stays opaque
     */
    public LiftResult liftFlatMap(Object fn, List<Type> argTypes) {
        return lift(fn, argTypes, true);
    }

    private LiftResult lift(Object fn, List<Type> argTypes, boolean fanOut) {
        SerializedLambda sl = LambdaInfo.of(fn);
        if (sl == null) {
            String what = fn == null ? "null" : fn.getClass().getName();
            LOG.debug("opaque: {} is not a serializable lambda", what);
            return new LiftResult.Opaque("not a serializable lambda or method reference: " + what, SourceRef.UNKNOWN);
        }
        ClassLoader loader = fn.getClass().getClassLoader();
        List<Object> captures = new ArrayList<>();
        List<Type> captureTypes = new ArrayList<>();
        for (int i = 0; i < sl.getCapturedArgCount(); i++) {
            Object v = sl.getCapturedArg(i);
            Type t = JavaTypes.ofValue(v);
            String problem = Captures.problem(v, t);
            if (i == 0 && isInstanceImpl(sl) && v != null && v.getClass().getName().equals(dotted(sl.getImplClass()))
                    && !(t instanceof Type.Struct)) {
                problem = "captures this (" + v.getClass().getName() + ")";
            }
            if (problem != null) {
                return opaque(sl, problem, new LambdaCompiler(sl, loader, argTypes, captureTypes).source());
            }
            captures.add(IrValues.toIr(v, t));
            captureTypes.add(t);
        }
        Key key = new Key(sl.getImplClass(), sl.getImplMethodName(), sl.getImplMethodSignature(),
                sl.getInstantiatedMethodType(), Collections.unmodifiableList(new ArrayList<>(argTypes)),
                List.copyOf(captureTypes), fanOut);
        Map<Key, Object> perLoader = cache.computeIfAbsent(loader, l -> new ConcurrentHashMap<>());
        Object done = perLoader.get(key);
        if (done == null) {
            done = new LambdaCompiler(sl, loader, argTypes, captureTypes, fanOut).compile();
            Object raced = perLoader.putIfAbsent(key, done);
            done = raced != null ? raced : done;
        }
        if (done instanceof LiftResult.Opaque o) {
            LOG.debug("opaque: {}", o);
            return o;
        }
        LiftedLambda ir = (LiftedLambda) done;
        LOG.debug("lifted {} (captures {})", ir.source(), captureTypes);
        return new LiftResult.Lifted(ir, captures);
    }

    private static LiftResult.Opaque opaque(SerializedLambda sl, String reason, SourceRef where) {
        LiftResult.Opaque o = new LiftResult.Opaque(reason, where);
        LOG.debug("opaque: {}", o);
        return o;
    }

    private static boolean isInstanceImpl(SerializedLambda sl) {
        int k = sl.getImplMethodKind();
        return k == MethodHandleInfo.REF_invokeSpecial || k == MethodHandleInfo.REF_invokeVirtual
                || k == MethodHandleInfo.REF_invokeInterface;
    }

    static String dotted(String internal) {
        return internal.replace('/', '.');
    }
}
