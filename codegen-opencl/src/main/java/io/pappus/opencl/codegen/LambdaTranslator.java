package io.pappus.opencl.codegen;

import io.pappus.ir.Expr;
import io.pappus.ir.Function;
import io.pappus.ir.LiftedLambda;
import io.pappus.ir.Stmt;
import io.pappus.ir.Type;
import io.pappus.ir.Var;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates a {@link LiftedLambda} to OpenCL C functions named {@code <prefix>_main} and
 * {@code <prefix>_<helper>}. Structured control flow becomes {@code for (;;)} loops and
 * {@code goto}s to labels placed after each block or at the end of each loop body; every
 * loop round first checks the error flag, so a failed element stops instead of spinning on
 * dummy values.
 *
 * <pre>{@code
 * TranslatedLambda t = LambdaTranslator.translate(lifted.ir(), "map1");
 * }</pre>
 */
public final class LambdaTranslator {
    private final LiftedLambda lambda;
    private final String prefix;
    private final UnitContext ctx = new UnitContext();

    private LambdaTranslator(LiftedLambda lambda, String prefix) {
        this.lambda = lambda;
        this.prefix = prefix;
    }

    /**
     * @param lambda the lambda
     * @param prefix a C identifier prefix unique in the program, e.g. {@code map1}
     * @return its translation
     * @throws OclUnsupportedException with the reason when some construct has no faithful translation
     */
    public static TranslatedLambda translate(LiftedLambda lambda, String prefix) {
        return new LambdaTranslator(lambda, prefix).run();
    }

    private TranslatedLambda run() {
        List<Function> all = new ArrayList<>();
        all.add(lambda.main());
        all.addAll(lambda.helpers());
        SourceWriter protos = new SourceWriter();
        SourceWriter defs = new SourceWriter();
        // helpers first-declared so any order of definitions compiles (they are never recursive)
        for (int i = all.size() - 1; i >= 0; i--) {
            Function f = all.get(i);
            String sig = signature(f, i == 0 ? "main" : f.name());
            protos.line(sig + ";");
            new FunctionWriter(f, sig).write(defs);
        }
        List<List<Leaf>> caps = new ArrayList<>();
        List<List<Leaf>> args = new ArrayList<>();
        List<Var> params = lambda.main().params();
        for (int i = 0; i < params.size(); i++) {
            List<Leaf> leaves = OclTypes.leaves(params.get(i).type(), OclNames.local(params.get(i).name()));
            (i < lambda.captureCount() ? caps : args).add(leaves);
        }
        Type result = lambda.main().result();
        return new TranslatedLambda(lambda, fnName("main"), protos + "\n" + defs, caps, args, result,
                OclTypes.leaves(result, "ret"), ctx);
    }

    private String fnName(String irName) {
        return prefix + "_" + OclNames.sanitize(irName);
    }

    private String signature(Function f, String irName) {
        List<String> ps = new ArrayList<>();
        ps.add("int* err");
        for (Var v : f.params()) {
            for (Leaf l : OclTypes.leaves(v.type(), OclNames.local(v.name()))) {
                ps.add(paramType(l) + " " + l.name());
            }
        }
        String ret;
        if (f.result() instanceof Type.Prim p) {
            ret = ctx.type(p.kind());
        } else {
            ret = "void";
            for (Leaf l : OclTypes.leaves(f.result(), "ret")) {
                if (l.array()) {
                    throw new OclUnsupportedException("a function returning an array (" + f.result().show() + ")");
                }
                ps.add(ctx.type(l.kind()) + "* " + l.name());
            }
        }
        return ret + " " + fnName(irName) + "(" + String.join(", ", ps) + ")";
    }

    private String paramType(Leaf l) {
        return l.array() ? l.cType() : ctx.type(l.kind());
    }

    /** Writes one function body. */
    private final class FunctionWriter {
        private final Function f;
        private final String signature;
        private final Map<String, Type> vars = new HashMap<>();
        private final Deque<String[]> labels = new ArrayDeque<>(); // {irLabel, breakTarget, continueTarget}
        private final ExprTranslator ex;
        private int labelCount;

        FunctionWriter(Function f, String signature) {
            this.f = f;
            this.signature = signature;
            for (Var v : f.params()) {
                vars.put(v.name(), v.type());
            }
            for (Var v : f.locals()) {
                vars.put(v.name(), v.type());
            }
            ex = new ExprTranslator(vars, lambda::helper, LambdaTranslator.this::fnName, ctx);
        }

        void write(SourceWriter w) {
            w.open(signature + " {");
            for (Var v : f.locals()) {
                for (Leaf l : OclTypes.leaves(v.type(), OclNames.local(v.name()))) {
                    w.line(paramType(l) + " " + l.name() + " = " + (l.array() ? "0" : OclLiterals.zero(l.kind())) + ";");
                }
            }
            stmts(f.body(), w);
            w.close("}");
            w.line("");
        }

        private void stmts(List<Stmt> body, SourceWriter w) {
            for (Stmt s : body) {
                stmt(s, w);
            }
        }

        private void stmt(Stmt s, SourceWriter w) {
            if (s instanceof Stmt.Assign a) {
                assign(a, w);
            } else if (s instanceof Stmt.Eval e) {
                for (String leaf : ex.leaves(e.value())) {
                    w.line("(void) " + leaf + ";");
                }
            } else if (s instanceof Stmt.If i) {
                w.open("if (" + strip(ex.scalar(i.cond())) + ") {");
                stmts(i.then(), w);
                if (!i.otherwise().isEmpty()) {
                    w.middle("} else {");
                    stmts(i.otherwise(), w);
                }
                w.close("}");
            } else if (s instanceof Stmt.Block b) {
                String brk = label(b.label()) + "_end";
                labels.push(new String[] {b.label(), brk, null});
                w.open("{");
                stmts(b.body(), w);
                w.close("}");
                labels.pop();
                w.line(brk + ": ;");
            } else if (s instanceof Stmt.Loop l) {
                String base = label(l.label());
                labels.push(new String[] {l.label(), base + "_end", base + "_next"});
                w.open("for (;;) {");
                w.line("if (*err != 0) " + dummyReturn());
                stmts(l.body(), w);
                w.label(base + "_next");
                w.close("}");
                labels.pop();
                w.line(base + "_end: ;");
            } else if (s instanceof Stmt.Break b) {
                w.line("goto " + target(b.label(), 1) + ";");
            } else if (s instanceof Stmt.Continue c) {
                w.line("goto " + target(c.label(), 2) + ";");
            } else if (s instanceof Stmt.Return r) {
                ret(r.value(), w);
            } else {
                throw new AssertionError(s);
            }
        }

        private void assign(Stmt.Assign a, SourceWriter w) {
            Type t = vars.get(a.local());
            List<Leaf> target = OclTypes.leaves(t, OclNames.local(a.local()));
            if (a.value() instanceof Expr.Invoke inv && !(t instanceof Type.Prim)) {
                List<String> args = ex.invokeArgs(inv);
                for (Leaf l : target) {
                    args.add("&" + l.name());
                }
                w.line(fnName(inv.function()) + "(" + String.join(", ", args) + ");");
                return;
            }
            List<String> values = ex.leaves(a.value());
            if (values.size() == 1) {
                w.line(target.get(0).name() + " = " + strip(values.get(0)) + ";");
                return;
            }
            // through temporaries: the value may read the fields it overwrites (a swap)
            w.open("{");
            for (int i = 0; i < values.size(); i++) {
                w.line(paramType(target.get(i)) + " t" + i + " = " + strip(values.get(i)) + ";");
            }
            for (int i = 0; i < values.size(); i++) {
                w.line(target.get(i).name() + " = t" + i + ";");
            }
            w.close("}");
        }

        private void ret(Expr value, SourceWriter w) {
            if (f.result() instanceof Type.Prim) {
                w.line("return " + strip(ex.scalar(value)) + ";");
                return;
            }
            List<Leaf> out = OclTypes.leaves(f.result(), "ret");
            if (value instanceof Expr.Invoke inv) {
                List<String> args = ex.invokeArgs(inv);
                out.forEach(l -> args.add(l.name()));
                w.line(fnName(inv.function()) + "(" + String.join(", ", args) + ");");
            } else {
                List<String> values = ex.leaves(value);
                for (int i = 0; i < out.size(); i++) {
                    w.line("*" + out.get(i).name() + " = " + strip(values.get(i)) + ";");
                }
            }
            w.line("return;");
        }

        private String dummyReturn() {
            return f.result() instanceof Type.Prim p ? "return " + OclLiterals.zero(p.kind()) + ";" : "return;";
        }

        private String label(String irLabel) {
            return "L" + (labelCount++) + "_" + OclNames.sanitize(irLabel);
        }

        private String target(String irLabel, int slot) {
            for (String[] l : labels) {
                if (l[0].equals(irLabel) && l[slot] != null) {
                    return l[slot];
                }
            }
            throw new OclUnsupportedException((slot == 1 ? "break" : "continue") + " to unknown label " + irLabel
                    + " in " + f.name());
        }
    }

    /** Drops one pair of outer parentheses that spans the whole expression. */
    static String strip(String e) {
        if (e.length() < 2 || e.charAt(0) != '(' || e.charAt(e.length() - 1) != ')') {
            return e;
        }
        int depth = 0;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0 && i < e.length() - 1) {
                return e; // "(a) + (b)"
            }
        }
        return e.substring(1, e.length() - 1);
    }
}
