package io.pappus.exec;

import io.pappus.api.Fn;
import io.pappus.api.Fn2;
import io.pappus.api.Pred;
import io.pappus.api.ToDoubleFn;

/** Calls the user's original lambda objects: the reference engine's way, and the fallback for opaque ones. */
final class OriginalCalls implements LambdaCalls {
    static final OriginalCalls INSTANCE = new OriginalCalls();

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object call(Object site, String role, Object fn, Object... args) {
        if (fn instanceof Fn f) {
            return f.apply(args[0]);
        } else if (fn instanceof Pred p) {
            return p.test(args[0]);
        } else if (fn instanceof Fn2 f) {
            return f.apply(args[0], args[1]);
        } else if (fn instanceof ToDoubleFn f) {
            return f.applyAsDouble(args[0]);
        }
        throw new IllegalArgumentException("not a Pappus function: " + fn);
    }
}
