package io.pappus.lift;

import io.pappus.ir.BinOp;
import io.pappus.ir.Expr;
import io.pappus.ir.Intrinsic;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JDK methods the IR knows by meaning: {@code Math}/{@code StrictMath} functions, boxing
 * and unboxing (no-ops in the IR, where boxed and primitive values share a type), and the
 * numeric helpers of the wrapper classes ({@code Double::sum}, {@code Integer.compare}, ...).
 */
final class JdkCalls {
    private static final Map<String, Intrinsic> MATH = Map.ofEntries(
            Map.entry("sqrt", Intrinsic.SQRT), Map.entry("cbrt", Intrinsic.CBRT), Map.entry("exp", Intrinsic.EXP),
            Map.entry("expm1", Intrinsic.EXPM1), Map.entry("log", Intrinsic.LOG), Map.entry("log10", Intrinsic.LOG10),
            Map.entry("log1p", Intrinsic.LOG1P), Map.entry("pow", Intrinsic.POW), Map.entry("sin", Intrinsic.SIN),
            Map.entry("cos", Intrinsic.COS), Map.entry("tan", Intrinsic.TAN), Map.entry("asin", Intrinsic.ASIN),
            Map.entry("acos", Intrinsic.ACOS), Map.entry("atan", Intrinsic.ATAN), Map.entry("atan2", Intrinsic.ATAN2),
            Map.entry("sinh", Intrinsic.SINH), Map.entry("cosh", Intrinsic.COSH), Map.entry("tanh", Intrinsic.TANH),
            Map.entry("hypot", Intrinsic.HYPOT), Map.entry("floor", Intrinsic.FLOOR), Map.entry("ceil", Intrinsic.CEIL),
            Map.entry("rint", Intrinsic.RINT), Map.entry("round", Intrinsic.ROUND), Map.entry("abs", Intrinsic.ABS),
            Map.entry("min", Intrinsic.MIN), Map.entry("max", Intrinsic.MAX), Map.entry("signum", Intrinsic.SIGNUM),
            Map.entry("toRadians", Intrinsic.TO_RADIANS), Map.entry("toDegrees", Intrinsic.TO_DEGREES),
            Map.entry("fma", Intrinsic.FMA), Map.entry("floorDiv", Intrinsic.FLOOR_DIV),
            Map.entry("floorMod", Intrinsic.FLOOR_MOD));
    /** Static methods of the wrapper classes, by name (the owner is checked separately). */
    private static final Map<String, Intrinsic> WRAPPER = Map.ofEntries(
            Map.entry("isNaN", Intrinsic.IS_NAN), Map.entry("isInfinite", Intrinsic.IS_INFINITE),
            Map.entry("isFinite", Intrinsic.IS_FINITE), Map.entry("compare", Intrinsic.COMPARE),
            Map.entry("max", Intrinsic.MAX), Map.entry("min", Intrinsic.MIN),
            Map.entry("doubleToRawLongBits", Intrinsic.DOUBLE_TO_RAW_LONG_BITS),
            Map.entry("doubleToLongBits", Intrinsic.DOUBLE_TO_LONG_BITS),
            Map.entry("longBitsToDouble", Intrinsic.LONG_BITS_TO_DOUBLE),
            Map.entry("floatToRawIntBits", Intrinsic.FLOAT_TO_RAW_INT_BITS),
            Map.entry("floatToIntBits", Intrinsic.FLOAT_TO_INT_BITS),
            Map.entry("intBitsToFloat", Intrinsic.INT_BITS_TO_FLOAT), Map.entry("bitCount", Intrinsic.BIT_COUNT),
            Map.entry("numberOfLeadingZeros", Intrinsic.LEADING_ZEROS),
            Map.entry("numberOfTrailingZeros", Intrinsic.TRAILING_ZEROS), Map.entry("signum", Intrinsic.SIGNUM));
    private static final Set<String> WRAPPERS = Set.of("java/lang/Double", "java/lang/Float", "java/lang/Integer",
            "java/lang/Long", "java/lang/Short", "java/lang/Byte", "java/lang/Character", "java/lang/Boolean");

    private JdkCalls() {
    }

    /**
     * @param isStatic whether the call has no receiver ({@code args} then are the arguments only)
     * @param args     the receiver, if any, then the arguments
     * @return the IR for the call, or {@code null} when it has no known meaning
     */
    static Expr map(boolean isStatic, String owner, String name, String desc, List<Expr> args) {
        org.objectweb.asm.Type[] params = org.objectweb.asm.Type.getArgumentTypes(desc);
        Type result = primOf(org.objectweb.asm.Type.getReturnType(desc));
        List<Expr> a = new ArrayList<>();
        List<Type> ptypes = new ArrayList<>();
        int offset = isStatic ? 0 : 1;
        for (int i = 0; i < params.length; i++) {
            Type pt = primOf(params[i]);
            if (pt == null) {
                return null;
            }
            a.add(Exprs.coerce(args.get(i + offset), pt));
            ptypes.add(pt);
        }
        if (isStatic) {
            return mapStatic(owner, name, a, result, ptypes);
        }
        Expr receiver = args.get(0);
        if (!(receiver.type() instanceof Type.Prim rp) || !isBoxOrNumber(owner) || result == null) {
            return null;
        }
        if (name.equals(((Type.Prim) result).kind().javaName() + "Value") && params.length == 0) {
            // unboxing, or Number's conversions (Integer.doubleValue is I2D)
            return rp.kind() == ((Type.Prim) result).kind() ? receiver
                    : new Expr.Cast(Exprs.coerce(receiver, Type.INT), result);
        }
        Intrinsic fn = WRAPPER.get(name);
        if (params.length == 0 && (fn == Intrinsic.IS_NAN || fn == Intrinsic.IS_INFINITE) && rp.kind().isFloating()) {
            return new Expr.Call(fn, List.of(receiver), Type.BOOLEAN);
        }
        return null;
    }

    private static Expr mapStatic(String owner, String name, List<Expr> a, Type result, List<Type> ptypes) {
        if (result == null || a.isEmpty()) {
            return null;
        }
        boolean math = owner.equals("java/lang/Math") || owner.equals("java/lang/StrictMath");
        if (math && MATH.containsKey(name)) {
            return mathCall(MATH.get(name), a, result, ptypes);
        }
        if (!WRAPPERS.contains(owner)) {
            return null;
        }
        PrimKind ownerKind = JavaTypes.primKind(boxClass(owner));
        if (name.equals("valueOf") && a.size() == 1 && a.get(0).type().equals(Type.of(ownerKind))) {
            return a.get(0);
        }
        if (name.equals("sum") && a.size() == 2) {
            return new Expr.Binary(BinOp.ADD, a.get(0), a.get(1), result);
        }
        if (owner.equals("java/lang/Boolean") && a.size() == 2) {
            BinOp op = switch (name) {
                case "logicalAnd" -> BinOp.AND;
                case "logicalOr" -> BinOp.OR;
                case "logicalXor" -> BinOp.XOR;
                default -> null;
            };
            return op == null ? null : new Expr.Binary(op, a.get(0), a.get(1), Type.BOOLEAN);
        }
        Intrinsic fn = WRAPPER.get(name);
        boolean numeric = ownerKind != PrimKind.BOOLEAN && ownerKind != PrimKind.CHAR
                && ownerKind != PrimKind.BYTE && ownerKind != PrimKind.SHORT;
        if (fn == null || !numeric || !a.get(0).type().equals(Type.of(ownerKind)) && fn != Intrinsic.LONG_BITS_TO_DOUBLE
                && fn != Intrinsic.INT_BITS_TO_FLOAT) {
            return null;
        }
        return new Expr.Call(fn, a, result);
    }

    /** Math overloads with mixed kinds, {@code floorMod(long, int)}, compute in long. */
    private static Expr mathCall(Intrinsic fn, List<Expr> a, Type result, List<Type> ptypes) {
        if (a.size() == 2 && !ptypes.get(0).equals(ptypes.get(1))) {
            Expr wide = new Expr.Call(fn, List.of(a.get(0), new Expr.Cast(a.get(1), ptypes.get(0))), ptypes.get(0));
            return wide.type().equals(result) ? wide : new Expr.Cast(wide, result);
        }
        return new Expr.Call(fn, a, result);
    }

    private static boolean isBoxOrNumber(String owner) {
        return WRAPPERS.contains(owner) || owner.equals("java/lang/Number");
    }

    private static Class<?> boxClass(String owner) {
        return switch (owner) {
            case "java/lang/Double" -> Double.class;
            case "java/lang/Float" -> Float.class;
            case "java/lang/Integer" -> Integer.class;
            case "java/lang/Long" -> Long.class;
            case "java/lang/Short" -> Short.class;
            case "java/lang/Byte" -> Byte.class;
            case "java/lang/Character" -> Character.class;
            default -> Boolean.class;
        };
    }

    /** @return the IR type of a primitive or boxed descriptor type, or {@code null} */
    static Type primOf(org.objectweb.asm.Type t) {
        PrimKind k = switch (t.getDescriptor()) {
            case "Z", "Ljava/lang/Boolean;" -> PrimKind.BOOLEAN;
            case "B", "Ljava/lang/Byte;" -> PrimKind.BYTE;
            case "S", "Ljava/lang/Short;" -> PrimKind.SHORT;
            case "C", "Ljava/lang/Character;" -> PrimKind.CHAR;
            case "I", "Ljava/lang/Integer;" -> PrimKind.INT;
            case "J", "Ljava/lang/Long;" -> PrimKind.LONG;
            case "F", "Ljava/lang/Float;" -> PrimKind.FLOAT;
            case "D", "Ljava/lang/Double;" -> PrimKind.DOUBLE;
            default -> null;
        };
        return k == null ? null : Type.of(k);
    }
}
