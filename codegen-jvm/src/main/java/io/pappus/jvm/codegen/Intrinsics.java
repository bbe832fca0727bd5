package io.pappus.jvm.codegen;

import io.pappus.ir.Intrinsic;
import io.pappus.ir.PrimKind;

import java.util.List;

/** Spells each {@link Intrinsic} as the Java method it stands for, choosing the overload. */
final class Intrinsics {
    private Intrinsics() {
    }

    static JExpr call(Intrinsic fn, List<JExpr> args, PrimKind argKind) {
        PrimKind k = argKind == null ? PrimKind.DOUBLE : argKind.computational();
        String owner = switch (k) {
            case LONG -> "Long";
            case FLOAT -> "Float";
            case DOUBLE -> "Double";
            default -> "Integer";
        };
        String name = switch (fn) {
            case SIGNUM -> k == PrimKind.INT || k == PrimKind.LONG ? owner + ".signum" : "Math.signum";
            case COMPARE -> (argKind == PrimKind.BOOLEAN ? "Boolean" : owner) + ".compare";
            case IS_NAN, IS_INFINITE, IS_FINITE -> (k == PrimKind.FLOAT ? "Float" : "Double") + "."
                    + fn.javaName().substring("Double.".length());
            case BIT_COUNT, LEADING_ZEROS, TRAILING_ZEROS -> owner + "." + fn.javaName();
            default -> fn.javaName();
        };
        StringBuilder b = new StringBuilder(name).append('(');
        for (int i = 0; i < args.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(args.get(i).text());
        }
        return JExpr.atom(b.append(')').toString());
    }
}
