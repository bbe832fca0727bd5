package io.pappus.lift;

import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;
import io.pappus.ir.Var;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names the IR variables of one method. A JVM slot becomes one IR local per type it holds
 * ({@code l3_d}, {@code l3_i}), so a slot that javac reuses for another variable in a later
 * scope is a different IR local. The local variable table, when the class has one, refines
 * int slots to boolean, byte, short or char. Stack temporaries are {@code s<block>_<type>},
 * spills {@code t<n>_<type>}.
 */
final class Locals {
    private final InsnList insns;
    private final List<LocalVariableNode> table;
    private final Var[] paramBySlot;
    private final Map<String, Var> declared = new LinkedHashMap<>();
    private final java.util.Set<String> names = new java.util.HashSet<>();
    private int spills;

    /**
     * @param sizes     the slot size of each parameter, from the method descriptor
     * @param firstSlot 0 for a static method
     */
    Locals(MethodNode m, List<Var> params, List<Integer> sizes, int firstSlot) {
        this.insns = m.instructions;
        this.table = m.localVariables == null ? List.of() : m.localVariables;
        int slots = firstSlot;
        for (int s : sizes) {
            slots += s;
        }
        paramBySlot = new Var[Math.max(slots, m.maxLocals)];
        int slot = firstSlot;
        for (int i = 0; i < params.size(); i++) {
            paramBySlot[slot] = params.get(i);
            slot += sizes.get(i);
        }
    }

    static int size(Type t) {
        return Exprs.isKind(t, PrimKind.LONG) || Exprs.isKind(t, PrimKind.DOUBLE) ? 2 : 1;
    }

    /** @return the parameter in {@code slot}, or {@code null} */
    Var param(int slot) {
        return slot < paramBySlot.length ? paramBySlot[slot] : null;
    }

    /**
     * @param slot  the JVM slot
     * @param kind  the category the opcode says (INT for ILOAD/ISTORE)
     * @param index the instruction's index
     * @param store whether it is a store (the variable's scope starts just after it)
     * @return the primitive type, refined by the local variable table
     */
    Type primType(int slot, PrimKind kind, int index, boolean store) {
        if (kind != PrimKind.INT) {
            return Type.of(kind);
        }
        LocalVariableNode lv = entry(slot, index);
        if (lv == null && store) {
            lv = entry(slot, nextReal(index));
        }
        if (lv != null && lv.desc.length() == 1) {
            PrimKind k = switch (lv.desc.charAt(0)) {
                case 'Z' -> PrimKind.BOOLEAN;
                case 'B' -> PrimKind.BYTE;
                case 'S' -> PrimKind.SHORT;
                case 'C' -> PrimKind.CHAR;
                default -> PrimKind.INT;
            };
            return Type.of(k);
        }
        return Type.INT;
    }

    private LocalVariableNode entry(int slot, int index) {
        for (LocalVariableNode lv : table) {
            if (lv.index == slot && insns.indexOf(lv.start) <= index && index < insns.indexOf(lv.end)) {
                return lv;
            }
        }
        return null;
    }

    private int nextReal(int index) {
        int i = index + 1;
        while (i < insns.size() && insns.get(i).getOpcode() < 0) {
            i++;
        }
        return i;
    }

    /** @return the IR local for {@code slot} holding {@code t} */
    Var local(int slot, Type t) {
        return declare("l" + slot + "_" + code(t), t);
    }

    /** @return the temporary that carries stack entry {@code depth} into {@code block} */
    Var stackTemp(int block, int depth, Type t) {
        return declare("s" + block + (depth == 0 ? "" : "d" + depth) + "_" + code(t), t);
    }

    /** @return a fresh temporary for a value that must be computed now */
    Var spill(Type t) {
        return declare("t" + spills++ + "_" + code(t), t);
    }

    private Var declare(String name, Type t) {
        Var v = declared.get(name + "|" + t);
        if (v == null) {
            // two struct types with one simple name (Pair<Double,..> and Pair<Integer,..>)
            String unique = name;
            for (int k = 1; names.contains(unique); k++) {
                unique = name + "_" + k;
            }
            names.add(unique);
            v = new Var(unique, t);
            declared.put(name + "|" + t, v);
        }
        return v;
    }

    /** @return every local declared so far, in order of first use */
    List<Var> all() {
        return new ArrayList<>(declared.values());
    }

    static String code(Type t) {
        if (t instanceof Type.Prim p) {
            return switch (p.kind()) {
                case BOOLEAN -> "z";
                case BYTE -> "b";
                case SHORT -> "s";
                case CHAR -> "c";
                case INT -> "i";
                case LONG -> "l";
                case FLOAT -> "f";
                case DOUBLE -> "d";
            };
        }
        if (t instanceof Type.Array a) {
            return "a" + code(a.element());
        }
        if (t instanceof Type.Struct s) {
            return s.simpleName();
        }
        return t instanceof Type.Str ? "str" : "obj";
    }
}
