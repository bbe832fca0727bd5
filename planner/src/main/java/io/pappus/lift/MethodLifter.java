package io.pappus.lift;

import io.pappus.ir.Expr;
import io.pappus.ir.Function;
import io.pappus.ir.SourceRef;
import io.pappus.ir.Stmt;
import io.pappus.ir.Type;
import io.pappus.ir.Var;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lifts one static method (a lambda body or a helper) to an IR {@link Function}: rejects
 * what cannot be lifted, builds the control-flow graph, runs each block symbolically in
 * reverse postorder, structures the result and tidies it.
 */
final class MethodLifter {
    final LiftContext ctx;
    final ClassNode owner;
    final MethodNode method;
    final SourceRef where;
    final org.objectweb.asm.Type[] descParams;
    Locals locals;
    ControlFlowGraph cfg;
    private final int[] lines;
    private Type forcedResult;
    private Type result;

    MethodLifter(LiftContext ctx, ClassNode owner, MethodNode method, org.objectweb.asm.Type[] descParams) {
        this.ctx = ctx;
        this.owner = owner;
        this.method = method;
        this.descParams = descParams;
        this.lines = lineTable(method);
        int first = -1;
        for (int l : lines) {
            if (l > 0) {
                first = l;
                break;
            }
        }
        this.where = new SourceRef(dotted(owner.name), method.name, owner.sourceFile, first);
    }

    /** The place of a method, for messages about it. */
    static SourceRef sourceOf(ClassNode owner, MethodNode method) {
        return new MethodLifter(null, owner, method, new org.objectweb.asm.Type[0]).where;
    }

    /**
     * @param name         the function's IR name
     * @param params       its parameters (IR types already decided), one per descriptor argument
     * @param forcedResult the primitive result type the caller expects, or {@code null} to infer it
     */
    Function lift(String name, List<Var> params, Type forcedResult) {
        this.forcedResult = forcedResult;
        List<Integer> sizes = new ArrayList<>();
        for (org.objectweb.asm.Type t : descParams) {
            sizes.add(t.getSize());
        }
        locals = new Locals(method, params, sizes, (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1);
        preScan();
        cfg = new ControlFlowGraph(method.instructions);
        if (!cfg.isReducible()) {
            throw new LiftException("irreducible control flow", where);
        }
        List<BlockInterpreter.Result> results = new ArrayList<>();
        for (ControlFlowGraph.Block b : cfg.blocks) {
            results.add(translate(b, results));
        }
        List<Stmt> body = Cleanup.run(new Structurer(cfg, results).run());
        Type rt = forcedResult != null ? forcedResult : result;
        return new Function(name, params, rt, Cleanup.usedLocals(body, locals.all()), body);
    }

    private BlockInterpreter.Result translate(ControlFlowGraph.Block b, List<BlockInterpreter.Result> done) {
        List<Type> stackTypes = null;
        Map<Integer, Var> refs = null;
        for (int p : cfg.preds.get(b.id())) {
            if (cfg.isBackEdge(p, b.id())) {
                continue;
            }
            BlockInterpreter.Result r = done.get(p);
            if (stackTypes == null) {
                stackTypes = r.exitStack();
                refs = new HashMap<>(r.refs());
            } else {
                if (!stackTypes.equals(r.exitStack())) {
                    throw fail("operand stack differs on paths that meet", b.start());
                }
                refs.entrySet().removeIf(e -> !e.getValue().equals(r.refs().get(e.getKey())));
            }
        }
        List<Expr> entry = new ArrayList<>();
        if (stackTypes != null) {
            for (int k = 0; k < stackTypes.size(); k++) {
                Var temp = locals.stackTemp(b.id(), k, stackTypes.get(k));
                Expr same = sameOnEveryPath(b, k, done);
                if (same != null) {
                    // e.g. the left operand of `x > a | x < b`, pushed before the right one branched:
                    // reading it directly keeps the join to one temporary, so the block folds to one value
                    dropTempAssignments(b, temp, done);
                    entry.add(same);
                } else {
                    entry.add(temp.read());
                }
            }
        }
        return new BlockInterpreter(this, b, entry, refs == null ? Map.of() : refs).run();
    }

    /**
     * @return the value every forward predecessor leaves in stack slot {@code k} when it is one
     *         and the same local read or constant (evaluating it again cannot throw or change), else null
     */
    private Expr sameOnEveryPath(ControlFlowGraph.Block b, int k, List<BlockInterpreter.Result> done) {
        Expr same = null;
        for (int p : cfg.preds.get(b.id())) {
            if (cfg.isBackEdge(p, b.id())) {
                return null;
            }
            List<Expr> values = done.get(p).exitValues();
            Expr v = k < values.size() ? values.get(k) : null;
            if (!(v instanceof Expr.Local || v instanceof Expr.Const) || same != null && !same.equals(v)) {
                return null;
            }
            same = v;
        }
        return same;
    }

    /** Removes the predecessors' assignments of a temporary that block {@code b} no longer reads. */
    private void dropTempAssignments(ControlFlowGraph.Block b, Var temp, List<BlockInterpreter.Result> done) {
        for (int p : cfg.preds.get(b.id())) {
            BlockInterpreter.Result r = done.get(p);
            List<Stmt> kept = new ArrayList<>(r.stmts());
            kept.removeIf(st -> st instanceof Stmt.Assign a && a.local().equals(temp.name()));
            done.set(p, new BlockInterpreter.Result(kept, r.exit(), r.exitStack(), r.exitValues(), r.refs()));
        }
    }

    /** Constructs that are rejected wherever they are, reported with their own words. */
    private void preScan() {
        for (int i = 0; i < method.instructions.size(); i++) {
            if (method.instructions.get(i).getOpcode() == Opcodes.MONITORENTER) {
                throw fail("synchronized", i);
            }
        }
        for (TryCatchBlockNode tc : method.tryCatchBlocks) {
            int s = method.instructions.indexOf(tc.start);
            int e = method.instructions.indexOf(tc.end);
            for (int i = s; i < e; i++) {
                if (method.instructions.get(i).getOpcode() >= 0) {
                    throw fail("try/catch" + (tc.type == null ? " or finally" : " of " + dotted(tc.type)), i);
                }
            }
        }
        for (int i = 0; i < method.instructions.size(); i++) {
            AbstractInsnNode in = method.instructions.get(i);
            if (in.getOpcode() == Opcodes.ATHROW) {
                throw fail("throws " + thrownClass(i) + " on purpose", i);
            } else if (in instanceof InvokeDynamicInsnNode indy) {
                Handle bsm = indy.bsm;
                String what = bsm.getOwner().equals("java/lang/invoke/StringConcatFactory") ? "string concatenation"
                        : bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory") ? "creates a nested lambda"
                        : "invokedynamic " + indy.name;
                throw fail(what, i);
            } else if (in.getOpcode() == Opcodes.TABLESWITCH || in.getOpcode() == Opcodes.LOOKUPSWITCH) {
                throw fail("switch statement", i);
            }
        }
    }

    private String thrownClass(int athrow) {
        for (int i = athrow - 1; i >= 0; i--) {
            if (method.instructions.get(i) instanceof TypeInsnNode t && t.getOpcode() == Opcodes.NEW) {
                return dotted(t.desc);
            }
        }
        return "an exception";
    }

    /** Checks and converts a returned value to the function's result type. */
    Expr returnValue(Expr v, int index) {
        if (forcedResult != null) {
            if (!(v.type() instanceof Type.Prim)) {
                throw fail("returns a " + v.type().show() + " where " + forcedResult.show() + " is expected", index);
            }
            if (Exprs.isIntCategory(v.type()) && Exprs.isIntCategory(forcedResult)) {
                return Exprs.coerce(v, forcedResult);
            }
            // a method reference may widen its result (int to double for ToDoubleFn)
            return v.type().equals(forcedResult) ? v : new Expr.Cast(v, forcedResult);
        }
        if (result == null) {
            result = v.type();
        } else if (!result.equals(v.type())) {
            throw fail("returns different types: " + result.show() + " and " + v.type().show(), index);
        }
        return v;
    }

    int blockOf(LabelNode label) {
        return cfg.blockOfInsn[method.instructions.indexOf(label)];
    }

    LiftException fail(String reason, int index) {
        int line = index >= 0 && index < lines.length ? lines[index] : where.line();
        return new LiftException(reason, where.atLine(line > 0 ? line : where.line()));
    }

    String dotted(String internalName) {
        return internalName.replace('/', '.');
    }

    private static int[] lineTable(MethodNode m) {
        int[] out = new int[m.instructions.size()];
        int line = -1;
        for (int i = 0; i < out.length; i++) {
            if (m.instructions.get(i) instanceof LineNumberNode ln) {
                line = ln.line;
            }
            out[i] = line;
        }
        int firstKnown = -1;
        for (int l : out) {
            if (l > 0) {
                firstKnown = l;
                break;
            }
        }
        for (int i = 0; i < out.length && out[i] < 0; i++) {
            out[i] = firstKnown;
        }
        return out;
    }
}
