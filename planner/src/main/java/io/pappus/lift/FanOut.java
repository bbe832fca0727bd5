package io.pappus.lift;

import io.pappus.ir.Expr;
import io.pappus.ir.Function;
import io.pappus.ir.LiftedLambda;
import io.pappus.ir.Stmt;
import io.pappus.ir.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * How a lifted flatMap function returns its elements: a struct {@code FlatMap{n:int, e0:T, ...,
 * e(K-1):T}} holding how many elements this input yields and up to K of them, K being the most
 * elements any list literal of the function holds. {@code x -> x > 0 ? List.of(x, -x) : List.of()}
 * lifts to a function returning {@code new FlatMap(2, p0, -p0)} or {@code new FlatMap(0, 0.0, 0.0)};
 * a loop runs the downstream stages for slots 0..n-1, in order, which is exactly what the list
 * would give. Slots past n hold zeros and are never read.
 *
 * <pre>{@code
 * LiftResult r = LambdaLifter.shared().liftFlatMap((Fn<Double, List<Double>>) x -> List.of(x, x * 2), List.of(Type.DOUBLE));
 * Type t = ((LiftResult.Lifted) r).resultType();   // FlatMap{n:int,e0:double,e1:double}
 * FanOut.element(t);                              // double
 * }</pre>
 *
 * <p>List literals are {@code List.of(e1, ..., ek)} (up to ten, not the varargs form),
 * {@code Collections.singletonList(e)} and {@code Collections.emptyList()}; every element must
 * have one IR type (a primitive or a record of primitives), and the lists may only be returned
 * (directly, through a local or a conditional), never read.
 */
public final class FanOut {
    /** The struct's class name; no Java class has it, so a fan value never reaches user code. */
    public static final String CLASS_NAME = "pappus.FlatMap";
    /** The most elements of one list literal ({@code List.of}'s largest fixed arity). */
    static final int MAX_SLOTS = 10;

    private FanOut() {
    }

    /**
     * @param element the elements' type
     * @param slots   the most elements one input yields
     * @return the struct type a lifted flatMap function returns
     */
    public static Type.Struct type(Type element, int slots) {
        List<Type.Field> fields = new ArrayList<>(slots + 1);
        fields.add(new Type.Field("n", Type.INT));
        for (int i = 0; i < slots; i++) {
            fields.add(new Type.Field("e" + i, element));
        }
        return new Type.Struct(CLASS_NAME, fields);
    }

    /** @param t a type @return whether it is the result of a lifted flatMap function */
    public static boolean is(Type t) {
        return t instanceof Type.Struct s && s.className().equals(CLASS_NAME);
    }

    /** @param fan a fan type @return how many element slots it has */
    public static int slots(Type fan) {
        return ((Type.Struct) fan).fields().size() - 1;
    }

    /**
     * @param fan a fan type
     * @return the elements' type, {@code null} when it has no slots (every list is empty)
     */
    public static Type element(Type fan) {
        Type.Struct s = (Type.Struct) fan;
        return s.fields().size() > 1 ? s.fields().get(1).type() : null;
    }

    /**
     * @param value  an IR value of a fan type
     * @param fan    the type
     * @param loader where the elements' record classes are
     * @return the Java elements it holds, in order
     */
    public static List<Object> toJava(Object value, Type fan, ClassLoader loader) {
        Object[] v = (Object[]) value;
        int n = (Integer) v[0];
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(IrValues.toJava(v[1 + i], element(fan), loader));
        }
        return out;
    }

    /**
     * @param args    the list literal's elements, already IR of one type
     * @param element the elements' type
     * @param slots   the fan's slots, at least {@code args.size()}
     * @return the fan value: the count, the elements, zeros for the rest
     */
    static Expr literal(List<Expr> args, Type element, int slots) {
        List<Expr> values = new ArrayList<>(slots + 1);
        values.add(new Expr.Const(Type.INT, args.size()));
        values.addAll(args);
        while (values.size() < slots + 1) {
            values.add(zero(element));
        }
        return new Expr.New(type(element, slots), values);
    }

    private static Expr zero(Type t) {
        if (t instanceof Type.Prim) {
            return Exprs.zeroOf(t);
        }
        Type.Struct s = (Type.Struct) t;
        List<Expr> fields = new ArrayList<>();
        for (Type.Field f : s.fields()) {
            fields.add(zero(f.type()));
        }
        return new Expr.New(s, fields);
    }

    /** @return whether {@code t} can be a fan's element: a primitive or a record of them */
    static boolean elementOk(Type t) {
        if (t instanceof Type.Prim) {
            return true;
        }
        if (t instanceof Type.Struct s && !is(s)) {
            return s.fields().stream().allMatch(f -> elementOk(f.type()));
        }
        return false;
    }

    /**
     * @param owner an internal class name
     * @param name  a static method's name
     * @param desc  its descriptor
     * @return how many elements the call's list holds, or -1 when it is no list literal
     */
    static int literalArity(String owner, String name, String desc) {
        org.objectweb.asm.Type[] params = org.objectweb.asm.Type.getArgumentTypes(desc);
        for (org.objectweb.asm.Type p : params) {
            if (!p.getDescriptor().equals("Ljava/lang/Object;")) {
                return -1;  // List.of(E...) takes an array: not a literal the lifter reads
            }
        }
        if (owner.equals("java/util/List") && name.equals("of")) {
            return params.length;
        }
        if (owner.equals("java/util/Collections")) {
            if (name.equals("singletonList") && params.length == 1) {
                return 1;
            }
            if (name.equals("emptyList") && params.length == 0) {
                return 0;
            }
        }
        return -1;
    }

    /**
     * Checks that fan values are only returned: a lambda that reads its list (its size, an
     * element) or passes it on is not a plain list literal and stays opaque.
     *
     * @param ir a lambda lifted in fan mode
     * @return the first misuse, or null
     */
    static String misuse(LiftedLambda ir) {
        List<Function> all = new ArrayList<>(ir.helpers());
        all.add(ir.main());
        for (Function f : all) {
            String why = misuse(f.body());
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    private static String misuse(List<Stmt> body) {
        for (Stmt s : body) {
            String why = null;
            if (s instanceof Stmt.Assign a) {
                why = carried(a.value());
            } else if (s instanceof Stmt.Return r) {
                why = r.value() == null ? null : carried(r.value());
            } else if (s instanceof Stmt.Eval e) {
                why = used(e.value());
            } else if (s instanceof Stmt.If i) {
                why = first(used(i.cond()), misuse(i.then()), misuse(i.otherwise()));
            } else if (s instanceof Stmt.Block b) {
                why = misuse(b.body());
            } else if (s instanceof Stmt.Loop l) {
                why = misuse(l.body());
            }
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    /** A value that may itself be a fan (returned or stored), but whose parts may not use one. */
    private static String carried(Expr e) {
        if (e instanceof Expr.Select s && is(s.type())) {
            return first(used(s.cond()), carried(s.ifTrue()), carried(s.ifFalse()));
        }
        if (e instanceof Expr.New n && is(n.type())) {
            return usedAll(n.args());
        }
        if (e instanceof Expr.Invoke i && is(i.type())) {
            return usedAll(i.args());
        }
        return e instanceof Expr.Local ? null : used(e);
    }

    /** A value computed from others, none of which may be a fan. */
    private static String used(Expr e) {
        if (is(e.type())) {
            return "uses the list it builds (" + e.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                    + ") other than returning it";
        }
        return usedAll(Expr.children(e));
    }

    private static String usedAll(List<Expr> args) {
        for (Expr a : args) {
            String why = used(a);
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    private static String first(String... whys) {
        for (String w : whys) {
            if (w != null) {
                return w;
            }
        }
        return null;
    }
}
