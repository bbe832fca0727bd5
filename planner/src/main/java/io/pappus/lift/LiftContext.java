package io.pappus.lift;

import io.pappus.ir.Expr;
import io.pappus.ir.Function;
import io.pappus.ir.Type;
import io.pappus.ir.Var;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * State shared by all methods lifted for one lambda: class files, the helper functions lifted
 * so far (callees before callers, named deterministically) and the methods being lifted now,
 * which is how recursion is found.
 */
final class LiftContext {
    final ClassFiles files;
    final List<Function> helpers = new ArrayList<>();
    private final Map<String, Function> byKey = new HashMap<>();
    private final Set<String> names = new HashSet<>();
    private final Deque<String> active = new ArrayDeque<>();
    /** Fan mode (a flatMap function): its slots, or -1 when list literals are not lifted. */
    final int fanSlots;
    /** The fan's element type; null until a literal with elements tells it. */
    Type fanElement;
    private boolean fanGuessed;

    LiftContext(ClassFiles files) {
        this(files, -1, null);
    }

    LiftContext(ClassFiles files, int fanSlots, Type fanElement) {
        this.files = files;
        this.fanSlots = fanSlots;
        this.fanElement = fanElement;
    }

    /**
     * A list literal of a flatMap function, as its fan value.
     *
     * @throws FanRetry when the literal holds more elements than the fan has slots, or its
     *                  elements show that an earlier empty literal guessed the wrong type: the
     *                  lambda is lifted again knowing that
     */
    Expr fanLiteral(List<Expr> args, String what, BlockInterpreter at) {
        Type t = null;
        for (Expr a : args) {
            if (t == null) {
                t = a.type();
            } else if (!a.type().equals(t)) {
                throw at.fail(what + " mixes elements of types " + t.show() + " and " + a.type().show());
            }
        }
        if (t != null && !FanOut.elementOk(t)) {
            throw at.fail("flatMap elements of type " + t.show() + " (only primitives and records of them are lifted)");
        }
        if (t != null && fanElement != null && !t.equals(fanElement)) {
            if (!fanGuessed) {
                throw at.fail("flatMap returns lists of " + fanElement.show() + " and of " + t.show());
            }
            throw new FanRetry(Math.max(fanSlots, args.size()), t);
        }
        if (args.size() > fanSlots) {
            throw new FanRetry(args.size(), t != null ? t : fanElement);
        }
        if (fanElement == null) {
            // an empty list before any element: guess int, and lift again if an element says otherwise
            fanElement = t != null ? t : Type.INT;
            fanGuessed = t == null;
        }
        return FanOut.literal(args, fanElement, fanSlots);
    }

    /** Marks {@code owner.name desc} as being lifted until {@link #leave()}. */
    void enter(String owner, String name, String desc) {
        active.push(owner + "." + name + desc);
    }

    void leave() {
        active.pop();
    }

    Expr.Invoke callHelper(String owner, String name, String desc, List<Expr> args, MethodLifter caller,
                           BlockInterpreter at) {
        String what = owner.replace('/', '.') + "." + name;
        if (active.contains(owner + "." + name + desc)) {
            throw at.fail("recursive call to " + what);
        }
        ClassNode cn = files.node(owner);
        MethodNode mn = files.method(owner, name, desc);
        if (cn == null || mn == null) {
            throw at.fail("calls " + what + " whose bytecode is not available");
        }
        org.objectweb.asm.Type[] pt = org.objectweb.asm.Type.getArgumentTypes(desc);
        List<Var> params = new ArrayList<>();
        List<Expr> actual = new ArrayList<>();
        for (int i = 0; i < pt.length; i++) {
            Type prim = JdkCalls.primOf(pt[i]);
            Expr a = prim != null ? Exprs.coerce(args.get(i), prim) : args.get(i);
            if (prim != null && !a.type().equals(prim)) {
                throw at.fail("passes " + a.type().show() + " to " + what);
            }
            params.add(new Var("p" + i, a.type()));
            actual.add(a);
        }
        org.objectweb.asm.Type rt = org.objectweb.asm.Type.getReturnType(desc);
        if (rt.getSort() == org.objectweb.asm.Type.VOID) {
            throw at.fail("calls void method " + what);
        }
        String key = owner + "." + name + desc + params;
        Function f = byKey.get(key);
        if (f == null) {
            enter(owner, name, desc);
            try {
                f = new MethodLifter(this, cn, mn, pt).lift(helperName(owner, name), params, JdkCalls.primOf(rt));
            } finally {
                leave();
            }
            byKey.put(key, f);
            helpers.add(f);
        }
        return new Expr.Invoke(f.name(), actual, f.result());
    }

    private String helperName(String owner, String name) {
        String simple = owner.substring(owner.lastIndexOf('/') + 1);
        simple = simple.substring(simple.lastIndexOf('$') + 1);
        String base = simple + "_" + name;
        String n = base;
        for (int k = 2; names.contains(n); k++) {
            n = base + "_" + k;
        }
        names.add(n);
        return n;
    }
}
