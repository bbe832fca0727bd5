package io.pappus.lift;

import io.pappus.ir.BinOp;
import io.pappus.ir.Expr;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Stmt;
import io.pappus.ir.Type;
import io.pappus.ir.UnOp;
import io.pappus.ir.Var;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one basic block on a symbolic operand stack: pushes build expression trees, stores and
 * dropped throwing values become statements. Expressions are evaluated later than the JVM
 * would, so two rules keep Java's meaning: before a store to a local, stack entries that read
 * it are spilled to temporaries; before a statement that may throw, stack entries that may
 * throw are spilled, so exceptions keep their order.
 */
final class BlockInterpreter implements Opcodes {
    /** What one block turned into. */
    record Result(List<Stmt> stmts, Exit exit, List<Type> exitStack, List<Expr> exitValues, Map<Integer, Var> refs) {
    }

    private final MethodLifter m;
    private final ControlFlowGraph.Block block;
    private final List<Object> stack = new ArrayList<>();
    private final List<Stmt> out = new ArrayList<>();
    private final Map<Integer, Var> refs;
    private final Calls calls;
    private int index;

    BlockInterpreter(MethodLifter m, ControlFlowGraph.Block block, List<Expr> entryStack, Map<Integer, Var> refs) {
        this.m = m;
        this.block = block;
        this.stack.addAll(entryStack);
        this.refs = new HashMap<>(refs);
        this.calls = new Calls(m, this);
    }

    Result run() {
        for (index = block.start(); index < block.end(); index++) {
            AbstractInsnNode in = m.method.instructions.get(index);
            if (in.getOpcode() < 0) {
                continue;
            }
            Exit exit = step(in);
            if (exit != null) {
                return finish(exit);
            }
        }
        int next = m.cfg.succs.get(block.id()).get(0);
        return finish(new Exit.Jump(next));
    }

    LiftException fail(String reason) {
        return m.fail(reason, index);
    }

    private Exit step(AbstractInsnNode in) {
        int op = in.getOpcode();
        if (op == NOP) {
            return null;
        } else if (op == ACONST_NULL) {
            throw fail("uses null");
        } else if (op >= ICONST_M1 && op <= ICONST_5) {
            push(Exprs.intConst(op - ICONST_0));
        } else if (op == LCONST_0 || op == LCONST_1) {
            push(new Expr.Const(Type.LONG, (long) (op - LCONST_0)));
        } else if (op >= FCONST_0 && op <= FCONST_2) {
            push(new Expr.Const(Type.FLOAT, (float) (op - FCONST_0)));
        } else if (op == DCONST_0 || op == DCONST_1) {
            push(new Expr.Const(Type.DOUBLE, (double) (op - DCONST_0)));
        } else if (op == BIPUSH || op == SIPUSH) {
            push(Exprs.intConst(((IntInsnNode) in).operand));
        } else if (op == LDC) {
            push(constant(((LdcInsnNode) in).cst));
        } else if (op >= ILOAD && op <= ALOAD) {
            push(load((VarInsnNode) in));
        } else if (op >= IALOAD && op <= SALOAD) {
            Expr idx = Exprs.coerce(pop(), Type.INT);
            Expr arr = pop();
            if (!(arr.type() instanceof Type.Array a)) {
                throw fail("reads an element of a non-array " + arr.type().show());
            }
            push(new Expr.ArrayGet(arr, idx, a.element()));
        } else if (op >= ISTORE && op <= ASTORE) {
            store((VarInsnNode) in);
        } else if (op >= IASTORE && op <= SASTORE) {
            throw fail("writes to an array (captured arrays are read-only)");
        } else if (op >= POP && op <= SWAP) {
            stackOp(op);
        } else if (op >= INEG && op <= DNEG) {
            Expr v = Exprs.coerce(pop(), op == INEG ? Type.INT : null);
            push(new Expr.Unary(UnOp.NEG, v, op == INEG ? Type.INT : v.type()));
        } else if (op >= IADD && op <= LXOR) {
            arithmetic(op);
        } else if (op == IINC) {
            IincInsnNode inc = (IincInsnNode) in;
            Var v = intLocal(inc.var, true);
            Expr sum = new Expr.Binary(BinOp.ADD, Exprs.coerce(v.read(), Type.INT), Exprs.intConst(inc.incr), Type.INT);
            assign(v, Exprs.coerce(sum, v.type()));
        } else if (op >= I2L && op <= I2S) {
            convert(op);
        } else if (op >= LCMP && op <= DCMPG) {
            Expr r = pop();
            Expr l = pop();
            int nan = op == LCMP ? 0 : (op == FCMPL || op == DCMPL) ? -1 : 1;
            stack.add(new Pending.Compare(l, r, nan));
        } else if (op >= IFEQ && op <= IF_ICMPLE) {
            return branch(op, (JumpInsnNode) in);
        } else if (op == GOTO) {
            return new Exit.Jump(m.blockOf(((JumpInsnNode) in).label));
        } else if (op >= IRETURN && op <= ARETURN) {
            return new Exit.Ret(m.returnValue(pop(), index));
        } else {
            return other(in, op);
        }
        return null;
    }

    private Exit other(AbstractInsnNode in, int op) {
        switch (op) {
            case IF_ACMPEQ, IF_ACMPNE -> throw fail("compares object references");
            case IFNULL, IFNONNULL -> throw fail("compares with null");
            case TABLESWITCH, LOOKUPSWITCH -> throw fail("switch statement");
            case RETURN -> throw fail("returns void");
            case GETSTATIC -> throw fail("reads static field " + m.dotted(((FieldInsnNode) in).owner) + "." + ((FieldInsnNode) in).name);
            case PUTSTATIC -> throw fail("writes static field " + m.dotted(((FieldInsnNode) in).owner) + "." + ((FieldInsnNode) in).name);
            case PUTFIELD -> throw fail("writes field " + m.dotted(((FieldInsnNode) in).owner) + "." + ((FieldInsnNode) in).name);
            case GETFIELD -> push(calls.getField((FieldInsnNode) in, pop()));
            case INVOKEVIRTUAL, INVOKESPECIAL, INVOKESTATIC, INVOKEINTERFACE -> invoke((MethodInsnNode) in);
            case INVOKEDYNAMIC -> throw fail("invokedynamic (string concatenation or a nested lambda)");
            case NEW -> {
                String cls = ((TypeInsnNode) in).desc;
                calls.checkAllocation(cls);
                stack.add(new Pending.Uninit(cls));
            }
            case NEWARRAY, ANEWARRAY, MULTIANEWARRAY -> throw fail("allocates an array");
            case ARRAYLENGTH -> {
                Expr arr = pop();
                if (!(arr.type() instanceof Type.Array)) {
                    throw fail("length of a non-array " + arr.type().show());
                }
                push(new Expr.ArrayLength(arr));
            }
            case ATHROW -> throw fail("throws an exception on purpose");
            case CHECKCAST -> push(calls.checkCast(pop(), ((TypeInsnNode) in).desc));
            case INSTANCEOF -> throw fail("instanceof test");
            case MONITORENTER, MONITOREXIT -> throw fail("synchronized");
            default -> throw fail("unsupported instruction " + "opcode " + op);
        }
        return null;
    }

    private Expr constant(Object c) {
        if (c instanceof Integer i) {
            return Exprs.intConst(i);
        } else if (c instanceof Long l) {
            return new Expr.Const(Type.LONG, l);
        } else if (c instanceof Float f) {
            return new Expr.Const(Type.FLOAT, f);
        } else if (c instanceof Double d) {
            return new Expr.Const(Type.DOUBLE, d);
        } else if (c instanceof String s) {
            return new Expr.Const(Type.STRING, s);
        }
        throw fail("loads a constant of " + c.getClass().getName() + " (class literal or dynamic constant)");
    }

    private Expr load(VarInsnNode in) {
        Var p = m.locals.param(in.var);
        if (p != null) {
            return p.read();
        }
        if (in.getOpcode() == ALOAD) {
            Var v = refs.get(in.var);
            if (v == null) {
                throw fail("reads object local slot " + in.var + " whose type differs on incoming paths");
            }
            return v.read();
        }
        if (in.getOpcode() == ILOAD) {
            return intLocal(in.var, false).read();
        }
        return m.locals.local(in.var, m.locals.primType(in.var, kindOf(in.getOpcode() - ILOAD), index, false)).read();
    }

    private Var intLocal(int slot, boolean store) {
        Var p = m.locals.param(slot);
        return p != null ? p : m.locals.local(slot, m.locals.primType(slot, PrimKind.INT, index, store));
    }

    private void store(VarInsnNode in) {
        Expr value = pop();
        Var target = m.locals.param(in.var);
        if (target == null) {
            if (in.getOpcode() == ASTORE) {
                target = m.locals.local(in.var, value.type());
                refs.put(in.var, target);
            } else if (in.getOpcode() == ISTORE) {
                target = intLocal(in.var, true);
            } else {
                target = m.locals.local(in.var, Type.of(kindOf(in.getOpcode() - ISTORE)));
            }
        } else if (in.getOpcode() == ASTORE && !value.type().equals(target.type())) {
            throw fail("stores a " + value.type().show() + " into parameter " + target.name());
        }
        assign(target, Exprs.coerce(value, target.type()));
    }

    private static PrimKind kindOf(int offset) {
        return switch (offset) {
            case 0 -> PrimKind.INT;
            case 1 -> PrimKind.LONG;
            case 2 -> PrimKind.FLOAT;
            default -> PrimKind.DOUBLE;
        };
    }

    /** Emits {@code v = value}, first spilling stack entries the store would change. */
    void assign(Var v, Expr value) {
        assign(v, value, stack.size());
    }

    /** {@code before}: how many stack entries Java evaluated before {@code value}. */
    private void assign(Var v, Expr value, int before) {
        for (int i = 0; i < stack.size(); i++) {
            if (stack.get(i) instanceof Expr e && Exprs.reads(e, v.name())) {
                stack.set(i, spill(e, i));
            } else if (stack.get(i) instanceof Pending.Compare c
                    && (Exprs.reads(c.left(), v.name()) || Exprs.reads(c.right(), v.name()))) {
                stack.set(i, new Pending.Compare(spill(c.left(), i), spill(c.right(), i), c.nanResult()));
            }
        }
        emit(new Stmt.Assign(v.name(), value), value, before);
    }

    private Expr spill(Expr e, int before) {
        if (e instanceof Expr.Const) {
            return e;
        }
        Var t = m.locals.spill(e.type());
        emit(new Stmt.Assign(t.name(), e), e, before);
        return t.read();
    }

    /** Adds a statement; if it may throw, the first {@code before} stack entries that may throw go first. */
    private void emit(Stmt s, Expr value, int before) {
        if (Exprs.canThrow(value)) {
            for (int i = 0; i < before && i < stack.size(); i++) {
                if (stack.get(i) instanceof Expr e && Exprs.canThrow(e)) {
                    Var t = m.locals.spill(e.type());
                    out.add(new Stmt.Assign(t.name(), e));
                    stack.set(i, t.read());
                }
            }
        }
        out.add(s);
    }

    private void stackOp(int op) {
        switch (op) {
            case POP -> drop(popAny());
            case POP2 -> {
                Object top = popAny();
                drop(top);
                if (!isWide(top)) {
                    drop(popAny());
                }
            }
            case DUP -> {
                Object v = dupable(popAny());
                stack.add(v);
                stack.add(v);
            }
            case DUP_X1 -> {
                Object v1 = dupable(popAny());
                Object v2 = popAny();
                stack.addAll(List.of(v1, v2, v1));
            }
            case DUP_X2 -> {
                Object v1 = dupable(popAny());
                Object v2 = popAny();
                if (isWide(v2)) {
                    stack.addAll(List.of(v1, v2, v1));
                } else {
                    Object v3 = popAny();
                    stack.addAll(List.of(v1, v3, v2, v1));
                }
            }
            case DUP2 -> {
                Object v1 = dupable(popAny());
                if (isWide(v1)) {
                    stack.addAll(List.of(v1, v1));
                } else {
                    Object v2 = dupable(popAny());
                    stack.addAll(List.of(v2, v1, v2, v1));
                }
            }
            case DUP2_X1 -> {
                Object v1 = dupable(popAny());
                if (isWide(v1)) {
                    Object v2 = popAny();
                    stack.addAll(List.of(v1, v2, v1));
                } else {
                    Object v2 = dupable(popAny());
                    Object v3 = popAny();
                    stack.addAll(List.of(v2, v1, v3, v2, v1));
                }
            }
            case SWAP -> {
                Object v1 = popAny();
                Object v2 = popAny();
                stack.add(v1);
                stack.add(v2);
            }
            default -> throw fail("unsupported stack shuffle " + "opcode " + op);
        }
    }

    /** A copied value must be computed once: non-trivial expressions go to a temporary. */
    private Object dupable(Object v) {
        if (v instanceof Expr e && !(e instanceof Expr.Local || e instanceof Expr.Const)) {
            return spill(e, stack.size());
        }
        return v instanceof Pending.Compare c ? spill(c.value(), stack.size()) : v;
    }

    private static boolean isWide(Object v) {
        return v instanceof Expr e && Locals.size(e.type()) == 2;
    }

    private void drop(Object v) {
        if (v instanceof Expr e && Exprs.canThrow(e)) {
            emit(new Stmt.Eval(e), e, stack.size());
        }
    }

    private void arithmetic(int op) {
        Expr r = pop();
        Expr l = pop();
        BinOp bop;
        if (op <= DREM) {
            bop = BinOp.values()[(op - IADD) / 4];
        } else if (op <= LUSHR) {
            bop = new BinOp[] {BinOp.SHL, BinOp.SHR, BinOp.USHR}[(op - ISHL) / 2];
        } else {
            bop = new BinOp[] {BinOp.AND, BinOp.OR, BinOp.XOR}[(op - IAND) / 2];
        }
        if (Exprs.isIntCategory(l.type()) && Exprs.isIntCategory(r.type())) {
            boolean logical = bop == BinOp.AND || bop == BinOp.OR || bop == BinOp.XOR;
            if (logical && booleanish(l, r) && booleanish(r, l)) {
                push(new Expr.Binary(bop, Exprs.coerce(l, Type.BOOLEAN), Exprs.coerce(r, Type.BOOLEAN), Type.BOOLEAN));
                return;
            }
            l = Exprs.coerce(l, Type.INT);
            r = Exprs.coerce(r, Type.INT);
        } else if (Exprs.isIntCategory(r.type())) {
            r = Exprs.coerce(r, Type.INT);
        }
        Type t = Exprs.isIntCategory(l.type()) ? Type.INT : l.type();
        push(new Expr.Binary(bop, l, r, t));
    }

    /** {@code a} can be a boolean operand next to {@code other}: javac's {@code b ^ true} is IXOR with 1. */
    private static boolean booleanish(Expr a, Expr other) {
        return a.type().equals(Type.BOOLEAN) || other.type().equals(Type.BOOLEAN)
                && a instanceof Expr.Const c && c.value() instanceof Integer i && (i == 0 || i == 1);
    }

    private void convert(int op) {
        Expr v = pop();
        Type to = switch (op) {
            case L2I, F2I, D2I -> Type.INT;
            case I2L, F2L, D2L -> Type.LONG;
            case I2F, L2F, D2F -> Type.FLOAT;
            case I2D, L2D, F2D -> Type.DOUBLE;
            case I2B -> Type.BYTE;
            case I2C -> Type.CHAR;
            default -> Type.SHORT;
        };
        push(new Expr.Cast(Exprs.coerce(v, Type.INT), to));
    }

    private Exit branch(int op, JumpInsnNode in) {
        int target = m.blockOf(in.label);
        int next = m.cfg.succs.get(block.id()).get(0);
        Expr cond;
        if (op <= IFLE) {
            BinOp bop = cmpOp(op - IFEQ);
            Object v = popAny();
            if (v instanceof Pending.Compare c) {
                cond = c.test(bop);
            } else {
                Expr e = asExpr(v);
                if (e.type().equals(Type.BOOLEAN) && (bop == BinOp.EQ || bop == BinOp.NE)) {
                    cond = bop == BinOp.NE ? e : Exprs.not(e);
                } else {
                    cond = new Expr.Binary(bop, Exprs.coerce(e, Type.INT), Exprs.intConst(0), Type.BOOLEAN);
                }
            }
        } else {
            BinOp bop = cmpOp(op - IF_ICMPEQ);
            Expr r = pop();
            Expr l = pop();
            if (booleanish(l, r) && booleanish(r, l) && (bop == BinOp.EQ || bop == BinOp.NE)) {
                cond = new Expr.Binary(bop, Exprs.coerce(l, Type.BOOLEAN), Exprs.coerce(r, Type.BOOLEAN), Type.BOOLEAN);
            } else {
                cond = new Expr.Binary(bop, Exprs.coerce(l, Type.INT), Exprs.coerce(r, Type.INT), Type.BOOLEAN);
            }
        }
        if (target == next) {
            // both ways lead to the same block: keep only what the test may throw
            if (Exprs.canThrow(cond)) {
                emit(new Stmt.Eval(cond), cond, stack.size());
            }
            return new Exit.Jump(target);
        }
        return new Exit.Branch(cond, target, next);
    }

    private static BinOp cmpOp(int i) {
        return new BinOp[] {BinOp.EQ, BinOp.NE, BinOp.LT, BinOp.GE, BinOp.GT, BinOp.LE}[i];
    }

    private void invoke(MethodInsnNode in) {
        org.objectweb.asm.Type[] argTypes = org.objectweb.asm.Type.getArgumentTypes(in.desc);
        List<Expr> args = new ArrayList<>();
        for (int i = 0; i < argTypes.length; i++) {
            args.add(0, pop());
        }
        if (in.getOpcode() == INVOKESPECIAL && in.name.equals("<init>")) {
            Object receiver = popAny();
            if (!(receiver instanceof Pending.Uninit u) || !u.internalName.equals(in.owner)) {
                throw fail("calls constructor " + m.dotted(in.owner) + " on an unexpected receiver");
            }
            Expr built = calls.construct(in.owner, in.desc, args);
            for (int i = 0; i < stack.size(); i++) {
                if (stack.get(i) == u) {
                    stack.set(i, built);
                }
            }
            return;
        }
        if (in.getOpcode() != INVOKESTATIC) {
            args.add(0, pop());
        }
        Expr result = calls.invoke(in.getOpcode(), in.owner, in.name, in.desc, args);
        push(result);
    }

    private Result finish(Exit exit) {
        List<Integer> succs = m.cfg.succs.get(block.id());
        if (!stack.isEmpty() && !(exit instanceof Exit.Ret)) {
            for (int s : succs) {
                if (m.cfg.isBackEdge(block.id(), s)) {
                    throw fail("keeps a value on the operand stack across a loop edge");
                }
            }
        }
        List<Type> types = new ArrayList<>();
        if (exit instanceof Exit.Ret) {
            out.add(new Stmt.Return(((Exit.Ret) exit).value()));
            return new Result(out, exit, types, List.of(), refs);
        }
        // Temporaries are named by the block they enter, so no assignment here can clobber a
        // value still to be read: this block reads only its own entry temporaries.
        List<Expr> values = new ArrayList<>();
        for (Object v : stack) {
            Expr e = asExpr(v);
            values.add(e);
            types.add(Exprs.isIntCategory(e.type()) ? Type.INT : e.type());
        }
        List<Expr> exitValues = new ArrayList<>();
        for (int k = 0; k < values.size(); k++) {
            exitValues.add(Exprs.coerce(values.get(k), types.get(k)));
        }
        for (int s : new java.util.LinkedHashSet<>(succs)) {
            for (int k = 0; k < values.size(); k++) {
                Var temp = m.locals.stackTemp(s, k, types.get(k));
                out.add(new Stmt.Assign(temp.name(), exitValues.get(k)));
            }
        }
        return new Result(out, exit, types, exitValues, refs);
    }

    void push(Expr e) {
        stack.add(e);
    }

    private Object popAny() {
        if (stack.isEmpty()) {
            throw fail("operand stack underflow");
        }
        return stack.remove(stack.size() - 1);
    }

    Expr pop() {
        return asExpr(popAny());
    }

    private Expr asExpr(Object v) {
        if (v instanceof Expr e) {
            return e;
        }
        if (v instanceof Pending.Compare c) {
            return c.value();
        }
        throw fail("uses an object before its constructor ran");
    }
}
