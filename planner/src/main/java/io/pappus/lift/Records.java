package io.pappus.lift;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.RecordComponentNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a record's accessor or constructor may become a plain field read or struct
 * build: only when its bytecode does exactly that. A compact constructor that validates, or an
 * accessor with logic, is user code the lifter must not skip.
 */
final class Records {
    private Records() {
    }

    /** @return the components' names, or {@code null} when {@code cn} is not a record */
    static List<String> components(ClassNode cn) {
        if (cn == null || cn.recordComponents == null || !"java/lang/Record".equals(cn.superName)) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (RecordComponentNode rc : cn.recordComponents) {
            names.add(rc.name);
        }
        return names;
    }

    /** @return whether {@code name()} only returns the field of the same name */
    static boolean isTrivialAccessor(ClassNode cn, String name, String desc) {
        MethodNode m = find(cn, name, desc);
        if (m == null) {
            return false;
        }
        List<AbstractInsnNode> code = code(m);
        return code.size() == 3
                && code.get(0) instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD && v.var == 0
                && code.get(1) instanceof FieldInsnNode f && f.getOpcode() == Opcodes.GETFIELD
                && f.owner.equals(cn.name) && f.name.equals(name)
                && code.get(2).getOpcode() >= Opcodes.IRETURN && code.get(2).getOpcode() <= Opcodes.ARETURN;
    }

    /** @return whether the constructor only calls {@code Record()} and stores its arguments in order */
    static boolean isTrivialConstructor(ClassNode cn, String desc, List<String> components) {
        MethodNode m = find(cn, "<init>", desc);
        Type[] args = Type.getArgumentTypes(desc);
        if (m == null || args.length != components.size()) {
            return false;
        }
        List<AbstractInsnNode> code = code(m);
        if (code.size() != 3 + 3 * args.length
                || !(code.get(0) instanceof VarInsnNode v0 && v0.var == 0)
                || !(code.get(1) instanceof MethodInsnNode sup && sup.owner.equals("java/lang/Record")
                && sup.name.equals("<init>"))
                || code.get(code.size() - 1).getOpcode() != Opcodes.RETURN) {
            return false;
        }
        int slot = 1;
        for (int i = 0; i < args.length; i++) {
            AbstractInsnNode self = code.get(2 + 3 * i);
            AbstractInsnNode load = code.get(3 + 3 * i);
            AbstractInsnNode put = code.get(4 + 3 * i);
            boolean ok = self instanceof VarInsnNode s && s.var == 0 && s.getOpcode() == Opcodes.ALOAD
                    && load instanceof VarInsnNode l && l.var == slot
                    && l.getOpcode() == args[i].getOpcode(Opcodes.ILOAD)
                    && put instanceof FieldInsnNode f && f.getOpcode() == Opcodes.PUTFIELD
                    && f.owner.equals(cn.name) && f.name.equals(components.get(i));
            if (!ok) {
                return false;
            }
            slot += args[i].getSize();
        }
        return true;
    }

    private static MethodNode find(ClassNode cn, String name, String desc) {
        for (MethodNode m : cn.methods) {
            if (m.name.equals(name) && m.desc.equals(desc)) {
                return m;
            }
        }
        return null;
    }

    private static List<AbstractInsnNode> code(MethodNode m) {
        List<AbstractInsnNode> out = new ArrayList<>();
        for (AbstractInsnNode in : m.instructions) {
            if (in.getOpcode() >= 0) {
                out.add(in);
            }
        }
        return out;
    }
}
