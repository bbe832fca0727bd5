package io.pappus.lift;

import io.pappus.ir.SourceRef;
import org.objectweb.asm.Handle;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

import java.lang.invoke.SerializedLambda;

/**
 * Finds where a method reference such as {@code Double::sum} was written: the
 * {@code invokedynamic} in the capturing class whose implementation handle it is. The target
 * method itself (a JDK method, a record accessor) says nothing about the user's code.
 */
final class MethodRefSites {
    private MethodRefSites() {
    }

    /** @return the capturing method and line, or {@code null} when not found */
    static SourceRef find(ClassFiles files, SerializedLambda sl) {
        ClassNode cn = files.node(sl.getCapturingClass());
        if (cn == null) {
            return null;
        }
        for (MethodNode m : cn.methods) {
            int line = -1;
            for (AbstractInsnNode in : m.instructions) {
                if (in instanceof LineNumberNode ln) {
                    line = ln.line;
                } else if (in instanceof InvokeDynamicInsnNode indy && indy.bsmArgs.length > 1
                        && indy.bsmArgs[1] instanceof Handle h && h.getOwner().equals(sl.getImplClass())
                        && h.getName().equals(sl.getImplMethodName()) && h.getDesc().equals(sl.getImplMethodSignature())
                        && indy.desc.contains(")L" + sl.getFunctionalInterfaceClass() + ";")) {
                    return new SourceRef(cn.name.replace('/', '.'), m.name, cn.sourceFile, line);
                }
            }
        }
        return null;
    }
}
