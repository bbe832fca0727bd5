package io.pappus.lift;

import io.pappus.ir.Expr;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Method calls, field reads, casts and allocations met while lifting one method: JDK methods
 * with a known meaning, record accessors and constructors, and static methods of user
 * classes (lifted as helpers). Everything else stops the lift with a reason.
 */
final class Calls {
    private final MethodLifter m;
    private final BlockInterpreter bi;

    Calls(MethodLifter m, BlockInterpreter bi) {
        this.m = m;
        this.bi = bi;
    }

    static boolean isJdk(String owner) {
        return owner.startsWith("java/") || owner.startsWith("javax/") || owner.startsWith("jdk/")
                || owner.startsWith("sun/") || owner.startsWith("com/sun/");
    }

    Expr invoke(int opcode, String owner, String name, String desc, List<Expr> args) {
        String what = m.dotted(owner) + "." + name;
        if (isJdk(owner)) {
            int arity = m.ctx.fanSlots >= 0 && opcode == Opcodes.INVOKESTATIC ? FanOut.literalArity(owner, name, desc) : -1;
            if (arity >= 0) {
                return m.ctx.fanLiteral(args, what, bi);
            }
            Expr e = JdkCalls.map(opcode == Opcodes.INVOKESTATIC, owner, name, desc, args);
            if (e == null) {
                throw bi.fail("calls " + what);
            }
            return e;
        }
        if (opcode == Opcodes.INVOKESTATIC) {
            if (owner.equals("io/pappus/api/Pair") && name.equals("of")) {
                return construct(owner, "(Ljava/lang/Object;Ljava/lang/Object;)V", args);
            }
            return m.ctx.callHelper(owner, name, desc, args, m, bi);
        }
        if (opcode == Opcodes.INVOKEVIRTUAL && args.size() == 1 && args.get(0).type() instanceof Type.Struct s
                && s.className().equals(m.dotted(owner))) {
            ClassNode cn = m.ctx.files.node(owner);
            List<String> comps = Records.components(cn);
            int idx = comps == null ? -1 : comps.indexOf(name);
            if (idx >= 0 && Records.isTrivialAccessor(cn, name, desc)) {
                return field(args.get(0), s, idx);
            }
            if (idx >= 0) {
                throw bi.fail("record accessor " + what + " has logic (not a plain field read)");
            }
        }
        throw bi.fail((opcode == Opcodes.INVOKEINTERFACE ? "calls interface method " : "calls instance method ") + what);
    }

    private Expr field(Expr target, Type.Struct s, int idx) {
        Type ft = s.fields().get(idx).type();
        if (!JavaTypes.isComplete(ft)) {
            throw bi.fail("reads " + s.simpleName() + "." + s.fields().get(idx).name() + " whose type is unknown");
        }
        return new Expr.GetField(target, idx, ft);
    }

    Expr getField(FieldInsnNode in, Expr target) {
        // javac reads record fields directly only inside the record's own (static) methods
        if (target.type() instanceof Type.Struct s && s.className().equals(m.dotted(in.owner)) && s.indexOf(in.name) >= 0) {
            return field(target, s, s.indexOf(in.name));
        }
        throw bi.fail("reads field " + m.dotted(in.owner) + "." + in.name + " of a non-record object");
    }

    void checkAllocation(String owner) {
        if (Records.components(m.ctx.files.node(owner)) == null) {
            throw bi.fail("allocates " + m.dotted(owner));
        }
    }

    Expr construct(String owner, String desc, List<Expr> args) {
        ClassNode cn = m.ctx.files.node(owner);
        List<String> comps = Records.components(cn);
        Class<?> cls = m.ctx.files.load(owner);
        if (comps == null || cls == null) {
            throw bi.fail("allocates " + m.dotted(owner));
        }
        if (!Records.isTrivialConstructor(cn, desc, comps)) {
            throw bi.fail("constructor of record " + m.dotted(owner) + " has logic or is not canonical");
        }
        Type.Struct declared = (Type.Struct) JavaTypes.ofClass(cls);
        List<Type.Field> fields = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        for (int i = 0; i < comps.size(); i++) {
            Type dt = declared.fields().get(i).type();
            Expr a = args.get(i);
            if (JavaTypes.isComplete(dt)) {
                a = Exprs.coerce(a, dt);
                if (!a.type().equals(dt)) {
                    throw bi.fail("passes " + a.type().show() + " for " + declared.simpleName() + "." + comps.get(i));
                }
            } else {
                dt = a.type();
            }
            fields.add(new Type.Field(comps.get(i), dt));
            values.add(a);
        }
        return new Expr.New(new Type.Struct(declared.className(), fields), values);
    }

    Expr checkCast(Expr e, String internalName) {
        Type t = e.type();
        Type boxed = JdkCalls.primOf(org.objectweb.asm.Type.getObjectType(internalName));
        boolean ok = switch (internalName) {
            case "java/lang/Object" -> true;
            case "java/lang/Number" -> t instanceof Type.Prim p && p.kind() != PrimKind.BOOLEAN && p.kind() != PrimKind.CHAR;
            case "java/lang/String", "java/lang/CharSequence" -> t instanceof Type.Str;
            default -> boxed != null ? boxed.equals(t)
                    : t instanceof Type.Struct s ? s.className().equals(m.dotted(internalName))
                    : t instanceof Type.Array && internalName.equals(descriptor(t));
        };
        if (!ok) {
            throw bi.fail("casts a " + t.show() + " to " + m.dotted(internalName));
        }
        return e;
    }

    private static String descriptor(Type t) {
        if (t instanceof Type.Prim p) {
            return org.objectweb.asm.Type.getDescriptor(JavaTypes.primitiveClass(p.kind()));
        } else if (t instanceof Type.Array a) {
            return "[" + descriptor(a.element());
        } else if (t instanceof Type.Struct s) {
            return "L" + s.className().replace('.', '/') + ";";
        }
        return "Ljava/lang/String;";
    }
}
