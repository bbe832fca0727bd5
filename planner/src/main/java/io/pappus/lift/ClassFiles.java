package io.pappus.lift;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads class files of user classes through the class loader that defined the lambda, so the
 * lifter sees exactly the bytecode that runs. One instance serves one lift (not shared between
 * threads).
 */
final class ClassFiles {
    private final ClassLoader primary;
    private final ClassLoader fallback;
    private final Map<String, ClassNode> nodes = new HashMap<>();

    ClassFiles(ClassLoader primary, ClassLoader fallback) {
        this.primary = primary;
        this.fallback = fallback;
    }

    /**
     * @param internalName e.g. {@code com/acme/Point}
     * @return its class node, or {@code null} when no loader has its bytes
     */
    ClassNode node(String internalName) {
        if (nodes.containsKey(internalName)) {
            return nodes.get(internalName);
        }
        ClassNode cn = read(internalName);
        nodes.put(internalName, cn);
        return cn;
    }

    /** @return the method, or {@code null} */
    MethodNode method(String owner, String name, String desc) {
        ClassNode cn = node(owner);
        if (cn == null) {
            return null;
        }
        for (MethodNode m : cn.methods) {
            if (m.name.equals(name) && m.desc.equals(desc)) {
                return m;
            }
        }
        return null;
    }

    /** @return the loaded class, or {@code null} when not visible */
    Class<?> load(String internalName) {
        String dotted = internalName.replace('/', '.');
        for (ClassLoader l : new ClassLoader[] {primary, fallback, ClassFiles.class.getClassLoader()}) {
            if (l == null) {
                continue;
            }
            try {
                return Class.forName(dotted, false, l);
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next loader: the lambda's loader may not see the class, its owner's may
            }
        }
        return null;
    }

    private ClassNode read(String internalName) {
        for (ClassLoader l : new ClassLoader[] {primary, fallback, ClassLoader.getSystemClassLoader()}) {
            if (l == null) {
                continue;
            }
            try (InputStream in = l.getResourceAsStream(internalName + ".class")) {
                if (in != null) {
                    ClassNode cn = new ClassNode();
                    new ClassReader(in.readAllBytes()).accept(cn, ClassReader.SKIP_FRAMES);
                    return cn;
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read class file of " + internalName, e);
            }
        }
        return null;
    }
}
