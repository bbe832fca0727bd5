package io.pappus.lift;

import io.pappus.ir.Function;
import io.pappus.ir.LiftedLambda;
import io.pappus.ir.SourceRef;
import io.pappus.ir.Type;
import io.pappus.ir.Var;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.util.ArrayList;
import java.util.List;

/**
 * Lifts one lambda's implementation to {@link LiftedLambda}. A lambda body or a method
 * reference to a user's static method is lifted from its own bytecode; any other method
 * reference ({@code Double::sum}, {@code Point::x}, {@code Point::new}) through a small
 * synthetic method that just makes the call, so one instruction translator serves all.
 */
final class LambdaCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(LambdaCompiler.class);

    private final SerializedLambda sl;
    private final List<Type> argTypes;
    private final List<Type> captureTypes;
    private final ClassFiles files;
    private final boolean fanOut;

    LambdaCompiler(SerializedLambda sl, ClassLoader loader, List<Type> argTypes, List<Type> captureTypes) {
        this(sl, loader, argTypes, captureTypes, false);
    }

    /**
     * @param fanOut whether this is a flatMap function, whose list literals lift to a {@link FanOut}
     */
    LambdaCompiler(SerializedLambda sl, ClassLoader loader, List<Type> argTypes, List<Type> captureTypes,
                   boolean fanOut) {
        this.fanOut = fanOut;
        this.sl = sl;
        this.argTypes = argTypes;
        this.captureTypes = captureTypes;
        ClassLoader fallback = null;
        try {
            fallback = Class.forName(LambdaLifter.dotted(sl.getImplClass()), false, loader).getClassLoader();
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.debug("implementation class {} not visible from the lambda's loader", sl.getImplClass());
        }
        this.files = new ClassFiles(loader, fallback);
    }

    /** @return where the lambda's body is, as well as can be told */
    SourceRef source() {
        int kind = sl.getImplMethodKind();
        if (!Calls.isJdk(sl.getImplClass())
                && (kind == MethodHandleInfo.REF_invokeStatic || kind == MethodHandleInfo.REF_invokeSpecial)) {
            MethodNode mn = files.method(sl.getImplClass(), sl.getImplMethodName(), sl.getImplMethodSignature());
            if (mn != null) {
                return MethodLifter.sourceOf(files.node(sl.getImplClass()), mn);
            }
        }
        SourceRef site = MethodRefSites.find(files, sl);
        return site != null ? site : new SourceRef(LambdaLifter.dotted(sl.getImplClass()), sl.getImplMethodName(), null, -1);
    }

    /** @return a {@link LiftedLambda}, or a {@link LiftResult.Opaque} */
    Object compile() {
        SourceRef where = source();
        try {
            if (!fanOut) {
                return compileOrThrow(new LiftContext(files));
            }
            int slots = 0;
            Type element = null;
            for (int attempt = 0; ; attempt++) {
                try {
                    return fanChecked(compileOrThrow(new LiftContext(files, slots, element)));
                } catch (FanRetry r) {
                    if (attempt > FanOut.MAX_SLOTS + 2) {
                        throw new LiftException("list literals whose slots never settle", where);
                    }
                    slots = r.slots;
                    element = r.element;
                }
            }
        } catch (LiftException e) {
            // a synthetic method reference body has no lines: the reference's own site is better
            boolean placed = e.where() != null && e.where().line() > 0;
            return new LiftResult.Opaque(e.getMessage(), placed ? e.where() : where);
        } catch (RuntimeException e) {
            // Under test (fallback off) a lifter defect fails loudly; in production it must not
            // fail the query: the lambda still runs as plain Java.
            if ("off".equals(System.getProperty("pappus.fallback"))) {
                throw new IllegalStateException("lifter failed on " + where + " (pappus.fallback=off)", e);
            }
            LOG.warn("lifter failed on {}; the lambda stays opaque", where, e);
            return new LiftResult.Opaque("lifter failed: " + e, where);
        }
    }

    private MethodNode userMethod() {
        if (sl.getImplMethodKind() != MethodHandleInfo.REF_invokeStatic || Calls.isJdk(sl.getImplClass())) {
            return null;
        }
        return files.method(sl.getImplClass(), sl.getImplMethodName(), sl.getImplMethodSignature());
    }

    private LiftedLambda fanChecked(LiftedLambda ir) {
        if (!FanOut.is(ir.main().result())) {
            throw new LiftException("returns a " + ir.main().result().show()
                    + ", not a list literal (List.of, Collections.singletonList/emptyList)", ir.source());
        }
        String misuse = FanOut.misuse(ir);
        if (misuse != null) {
            throw new LiftException(misuse, ir.source());
        }
        return ir;
    }

    private LiftedLambda compileOrThrow(LiftContext ctx) {
        SourceRef where = source();
        org.objectweb.asm.Type inst = org.objectweb.asm.Type.getMethodType(sl.getInstantiatedMethodType());
        org.objectweb.asm.Type[] instArgs = inst.getArgumentTypes();
        if (instArgs.length != argTypes.size()) {
            throw new LiftException("expects " + instArgs.length + " arguments, given " + argTypes.size() + " types", where);
        }
        List<Var> params = new ArrayList<>();
        for (int i = 0; i < captureTypes.size(); i++) {
            params.add(new Var("c" + i, captureTypes.get(i)));
        }
        for (int i = 0; i < instArgs.length; i++) {
            // null or Obj: unknown to the caller, so the descriptor must tell
            Type given = argTypes.get(i);
            Type t = given != null && !(given instanceof Type.Obj) ? given : typeOf(instArgs[i], where);
            params.add(new Var("p" + i, t));
        }
        MethodNode user = userMethod();
        ClassNode owner;
        MethodNode body;
        if (user != null) {
            owner = files.node(sl.getImplClass());
            body = user;
        } else {
            owner = new ClassNode();
            owner.name = sl.getImplClass();
            body = synthetic(params.size());
        }
        org.objectweb.asm.Type[] descArgs = org.objectweb.asm.Type.getArgumentTypes(body.desc);
        if (descArgs.length != params.size()) {
            throw new LiftException("implementation takes " + descArgs.length + " values, the lambda supplies "
                    + params.size(), where);
        }
        for (int i = 0; i < descArgs.length; i++) {
            Type prim = JdkCalls.primOf(descArgs[i]);
            if (prim != null && !prim.equals(params.get(i).type())) {
                throw new LiftException("adapts " + params.get(i).type().show() + " to " + prim.show()
                        + " for " + params.get(i).name(), where);
            }
        }
        ctx.enter(sl.getImplClass(), sl.getImplMethodName(), sl.getImplMethodSignature());
        Function main = new MethodLifter(ctx, owner, body, descArgs).lift("main", params, resultType());
        if (!JavaTypes.isComplete(main.result())) {
            throw new LiftException("returns a value of unknown type " + main.result().show(), where);
        }
        return new LiftedLambda(main, ctx.helpers, captureTypes.size(), where);
    }

    /** The primitive result the caller sees (the interface's, else the instantiated boxed type), or null. */
    private Type resultType() {
        org.objectweb.asm.Type sam = org.objectweb.asm.Type.getMethodType(sl.getFunctionalInterfaceMethodSignature())
                .getReturnType();
        Type t = JdkCalls.primOf(sam);
        if (t == null) {
            t = JdkCalls.primOf(org.objectweb.asm.Type.getMethodType(sl.getInstantiatedMethodType()).getReturnType());
        }
        return t;
    }

    private Type typeOf(org.objectweb.asm.Type t, SourceRef where) {
        Type prim = JdkCalls.primOf(t);
        if (prim != null) {
            return prim;
        }
        Class<?> cls = t.getSort() == org.objectweb.asm.Type.OBJECT ? files.load(t.getInternalName()) : null;
        Type ir = cls != null ? JavaTypes.ofClass(cls) : null;
        if (ir == null || !JavaTypes.isComplete(ir)) {
            throw new LiftException("argument of unknown type " + t.getClassName(), where);
        }
        return ir;
    }

    /** A static method whose body is just the method reference's call. */
    private MethodNode synthetic(int paramCount) {
        int kind = sl.getImplMethodKind();
        String owner = sl.getImplClass();
        org.objectweb.asm.Type impl = org.objectweb.asm.Type.getMethodType(sl.getImplMethodSignature());
        List<org.objectweb.asm.Type> args = new ArrayList<>();
        int opcode;
        org.objectweb.asm.Type ret = impl.getReturnType();
        switch (kind) {
            case MethodHandleInfo.REF_invokeStatic -> opcode = Opcodes.INVOKESTATIC;
            case MethodHandleInfo.REF_invokeVirtual -> opcode = Opcodes.INVOKEVIRTUAL;
            case MethodHandleInfo.REF_invokeInterface -> opcode = Opcodes.INVOKEINTERFACE;
            case MethodHandleInfo.REF_newInvokeSpecial -> {
                opcode = Opcodes.INVOKESPECIAL;
                ret = org.objectweb.asm.Type.getObjectType(owner);
            }
            default -> throw new LiftException("method handle kind " + kind, source());
        }
        if (opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE) {
            args.add(org.objectweb.asm.Type.getObjectType(owner));
        }
        args.addAll(List.of(impl.getArgumentTypes()));
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, sl.getImplMethodName(),
                org.objectweb.asm.Type.getMethodDescriptor(ret, args.toArray(new org.objectweb.asm.Type[0])), null, null);
        if (opcode == Opcodes.INVOKESPECIAL) {
            m.instructions.add(new TypeInsnNode(Opcodes.NEW, owner));
            m.instructions.add(new InsnNode(Opcodes.DUP));
        }
        int slot = 0;
        for (org.objectweb.asm.Type a : args) {
            m.instructions.add(new VarInsnNode(a.getOpcode(Opcodes.ILOAD), slot));
            slot += a.getSize();
        }
        m.instructions.add(new MethodInsnNode(opcode, owner, opcode == Opcodes.INVOKESPECIAL ? "<init>"
                : sl.getImplMethodName(), sl.getImplMethodSignature(), opcode == Opcodes.INVOKEINTERFACE));
        m.instructions.add(new InsnNode(ret.getOpcode(Opcodes.IRETURN)));
        m.maxLocals = slot;
        return m;
    }
}
