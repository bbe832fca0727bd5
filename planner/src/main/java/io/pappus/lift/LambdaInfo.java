package io.pappus.lift;

import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

/** Finds the {@link SerializedLambda} behind a serializable lambda or method reference. */
final class LambdaInfo {
    private LambdaInfo() {
    }

    /**
     * @param fn a lambda object
     * @return its serialized form, or {@code null} when {@code fn} is not a serializable lambda
     */
    static SerializedLambda of(Object fn) {
        if (fn == null) {
            return null;
        }
        try {
            // javac adds a private writeReplace to serializable lambda classes; calling it is
            // the only portable way to learn the implementation method.
            Method m = fn.getClass().getDeclaredMethod("writeReplace");
            m.setAccessible(true);
            Object r = m.invoke(fn);
            return r instanceof SerializedLambda sl ? sl : null;
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read the serialized form of " + fn.getClass().getName(), e);
        }
    }
}
