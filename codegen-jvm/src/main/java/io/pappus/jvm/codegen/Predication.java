package io.pappus.jvm.codegen;

import io.pappus.ir.BinOp;
import io.pappus.ir.Expr;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Stmt;
import io.pappus.ir.Type;
import io.pappus.lift.LiftResult;
import io.pappus.plan.LambdaSite;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.Sink;
import io.pappus.plan.fragment.Stage;

import java.util.ArrayList;
import java.util.List;

/**
 * The branch-free form of a cheap filter feeding an additive sink (W1:
 * {@code map(x -> x * x).filter(x -> x > 0.25).reduce(0.0, Double::sum)}). A filter whose
 * outcome is random mispredicts half the time; here every element is computed, and a dropped
 * one adds {@code +0.0}, selected through its raw bits ({@code bits & mask}), so NaN and
 * infinity stay correct where multiplying by 0/1 would not. Four independent accumulators
 * break the add-latency chain.
 *
 * <p>Signed zeros: {@code +0.0} is the additive identity of every double but {@code -0.0}, and a
 * sum is {@code -0.0} only when all its terms are. So a chunk whose fast total is not zero is
 * exact as it is, and a chunk whose total is zero (either sign) is summed again in element order
 * with {@code -0.0} for the dropped elements ({@code bits & mask | ~mask & SIGN}, a third slower
 * per element, measured), which keeps Java's sign of zero. Only all-zero chunks pay it.
 *
 * <p>Rule: every stage is a lifted single-expression lambda over primitives with no loops,
 * helpers, opaque calls, array reads or integer division (nothing that can throw), at least one
 * stage is a filter, and the sink is count, sum/average, or {@code reduce(identity, a + b)} on
 * double.
 *
 * <p>Error bound: the four accumulators and the chunks add the same terms in another order, so
 * {@code |result - sequential| <= 2 (n - 1) eps * sum|x_i|} with {@code eps = 2^-53} (both
 * orders are within {@code (n - 1) eps sum|x_i|} of the exact sum). Tests compare with it.
 */
final class Predication {
    private final FragmentGenerator gen;
    private final boolean vector;

    /** @param vector whether whole vectors of the chunk run first ({@link VectorLoop}) */
    Predication(FragmentGenerator gen, boolean vector) {
        this.gen = gen;
        this.vector = vector;
    }

    static boolean applies(Fragment f) {
        // a fused flatMap's inner loop runs a varying number of elements per input: no unrolled lanes
        if (!(f.inputType() instanceof Type.Prim) || f.stages().stream().noneMatch(Stage::isFilter)
                || FragmentGenerator.fusedFlatMap(f)) {
            return false;
        }
        for (Stage s : f.stages()) {
            if (!cheap(s.lambda()) || !(s.output() instanceof Type.Prim)) {
                return false;
            }
        }
        Sink k = f.sink();
        if (k instanceof Sink.Count) {
            return true;
        }
        boolean dbl = f.outputType().equals(Type.DOUBLE);
        if (k instanceof Sink.Sum s) {
            return dbl && cheap(s.f()) && s.f().resultType().equals(Type.DOUBLE);
        }
        return k instanceof Sink.Reduce r && !r.optional() && dbl && isDoubleAdd(r.op());
    }

    private static boolean cheap(LambdaSite site) {
        if (!(site.lift() instanceof LiftResult.Lifted l) || !l.ir().helpers().isEmpty()
                || !l.ir().main().locals().isEmpty() || l.ir().main().body().size() != 1
                || !(l.ir().main().body().get(0) instanceof Stmt.Return r)) {
            return false;
        }
        for (var p : l.ir().main().params()) {
            if (!(p.type() instanceof Type.Prim)) {
                return false;
            }
        }
        if (!l.ir().args().stream().map(v -> v.type()).toList().equals(site.argTypes())) {
            return false;  // a conversion at the boundary can throw, and here every stage runs on every element
        }
        return pure(r.value());
    }

    private static boolean pure(Expr e) {
        if (e instanceof Expr.Const || e instanceof Expr.Local) {
            return e.type() instanceof Type.Prim;
        } else if (e instanceof Expr.Unary u) {
            return pure(u.operand());
        } else if (e instanceof Expr.Binary b) {
            boolean intDiv = (b.op() == BinOp.DIV || b.op() == BinOp.REM) && b.left().type() instanceof Type.Prim p
                    && p.kind().isIntegral();
            return !intDiv && pure(b.left()) && pure(b.right());
        } else if (e instanceof Expr.Cast c) {
            return pure(c.operand());
        } else if (e instanceof Expr.Select s) {
            return pure(s.cond()) && pure(s.ifTrue()) && pure(s.ifFalse());
        }
        return false;
    }

    private static boolean isDoubleAdd(LambdaSite op) {
        if (!cheap(op)) {
            return false;
        }
        var ir = ((LiftResult.Lifted) op.lift()).ir();
        Expr v = ((Stmt.Return) ir.main().body().get(0)).value();
        return ir.captureCount() == 0 && v instanceof Expr.Binary b && b.op() == BinOp.ADD
                && b.type() instanceof Type.Prim p && p.kind() == PrimKind.DOUBLE
                && b.left() instanceof Expr.Local && b.right() instanceof Expr.Local;
    }

    void write(JavaWriter w) {
        Sink sink = gen.fragment().sink();
        boolean count = sink instanceof Sink.Count;
        for (int a = 0; a < 4; a++) {
            w.line(count ? "long acc" + a + " = 0L;" : "double acc" + a + " = 0.0;");
            w.line("long n" + a + " = 0L;");
        }
        if (vector) {
            w.line("int i = lo;");
            new VectorLoop(gen).write(w);
            w.line("final int end = i + ((hi - i) & ~3);");
        } else {
            w.line("final int end = lo + ((hi - lo) & ~3);");
            w.line("int i = lo;");
        }
        w.open("for (; i < end; i += 4)");
        for (int a = 0; a < 4; a++) {
            w.open("");
            step(w, a == 0 ? "i" : "i + " + a, a, false);
            w.close();
        }
        w.close();
        w.open("for (; i < hi; i++)");
        step(w, "i", 0, false);
        w.close();
        String n = "(n0 + n1) + (n2 + n3)";
        String total = "(acc0 + acc1) + (acc2 + acc3)";
        if (!count) {
            w.line("double total = " + total + ";");
            w.open("if (total == 0.0)");
            w.line("// a sum of zeros: again in order, dropped elements adding -0.0, for Java's sign of zero");
            w.line("acc0 = -0.0;");
            w.line("n0 = 0L;");
            w.line("n1 = 0L;");
            w.line("n2 = 0L;");
            w.line("n3 = 0L;");
            w.open("for (i = lo; i < hi; i++)");
            step(w, "i", 0, true);
            w.close();
            w.line("total = acc0;");
            w.close();
            total = "total";
        }
        if (count) {
            w.line("return Long.valueOf(" + total + ");");
        } else if (sink instanceof Sink.Sum) {
            w.line("return new Object[] {Double.valueOf(" + total + "), Long.valueOf(" + n + ")};");
        } else {
            w.line("return new Object[] {Boolean.TRUE, Double.valueOf(" + total + ")};");
        }
        w.close();
        new SinkWriter(gen).merge(w);
    }

    /** @param signed whether a dropped element adds {@code -0.0} (the exact pass) or {@code +0.0} */
    private void step(JavaWriter w, String index, int a, boolean signed) {
        List<String> keeps = new ArrayList<>();
        List<String> v = gen.element(w, index, true, keeps);
        String keep = String.join(" & ", keeps);
        Sink sink = gen.fragment().sink();
        if (sink instanceof Sink.Count) {
            w.line("acc" + a + " += " + (keeps.size() == 1 ? keep : "(" + keep + ")") + " ? 1L : 0L;");
            return;
        }
        if (sink instanceof Sink.Sum s) {
            v = gen.call(s.f(), "sum_", List.of(v), List.of(gen.fragment().outputType()), Type.DOUBLE, w);
        }
        w.line("final long mask = " + (keeps.size() == 1 ? keep : "(" + keep + ")") + " ? -1L : 0L;");
        w.line("acc" + a + " += Double.longBitsToDouble(Double.doubleToRawLongBits(" + v.get(0)
                + ") & mask" + (signed ? " | ~mask & 0x8000000000000000L" : "") + ");");
        w.line("n" + a + " -= mask;");
    }
}
