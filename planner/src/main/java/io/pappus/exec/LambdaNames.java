package io.pappus.exec;

import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

/** Human-readable names of user lambdas for messages, e.g. {@code com.acme.Prices.lambda$main$0}. */
final class LambdaNames {
    private static final ClassValue<String> NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return null;
        }
    };

    private LambdaNames() {
    }

    /**
     * @param fn a lambda, method reference or other function object
     * @return where its code lives
     */
    static String describe(Object fn) {
        String cached = NAMES.get(fn.getClass());
        return cached != null ? cached : compute(fn);
    }

    private static String compute(Object fn) {
        try {
            Method m = fn.getClass().getDeclaredMethod("writeReplace");
            m.setAccessible(true);
            if (m.invoke(fn) instanceof SerializedLambda sl) {
                String owner = sl.getImplClass().replace('/', '.');
                String name = sl.getImplMethodName();
                return name.startsWith("lambda$") ? owner + "." + name : owner + "::" + name;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Not a serializable lambda: fall through to its class name.
        }
        return fn.getClass().getName();
    }
}
