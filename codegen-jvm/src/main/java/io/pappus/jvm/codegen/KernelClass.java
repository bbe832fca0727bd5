package io.pappus.jvm.codegen;

import io.pappus.exec.column.ColumnLayout;
import io.pappus.ir.Function;
import io.pappus.ir.Type;
import io.pappus.ir.Var;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of one generated class besides its loop: fields bound from the run-time
 * {@code refs[]} array (captured values, opaque lambda objects, edge converters), helper
 * methods, and the Java type of every local, for temporaries. Values never appear in the
 * source, so the class cache hits when only they change.
 */
final class KernelClass {
    private final List<Object> refs = new ArrayList<>();
    private final List<RefSource> sources = new ArrayList<>();
    private List<io.pappus.plan.LambdaSite> sites = List.of();
    private final List<String> fieldDecls = new ArrayList<>();
    private final List<String> ctorLines = new ArrayList<>();
    private final Map<String, String> helpers = new LinkedHashMap<>();
    private final Map<String, String> localTypes = new HashMap<>();

    /**
     * Adds a field bound from {@code refs[k]}.
     *
     * @param name     the field's name
     * @param javaType its Java type
     * @param value    the value this run binds
     * @param unbox    how {@code refs[k]} becomes the field, {@code %s} standing for it
     * @param source   where the value comes from when the class is bound again
     * @return the field's name
     */
    String field(String name, String javaType, Object value, String unbox, RefSource source) {
        if (localTypes.containsKey(name) && fieldDecls.contains("private final " + javaType + " " + name + ";")) {
            return name;  // the same lambda written again (unrolled loop copies): one field
        }
        int k = refs.size();
        refs.add(value);
        sources.add(source);
        fieldDecls.add("private final " + javaType + " " + name + ";");
        ctorLines.add("this." + name + " = " + String.format(unbox, "refs[" + k + "]") + ";");
        localTypes.put(name, javaType);
        return name;
    }

    /**
     * Adds a field for one scalar IR value (a captured value, a seed leaf).
     *
     * @param name    the field's name
     * @param t       the value's IR type (scalar)
     * @param irValue the IR value
     * @param source  where the value comes from when the class is bound again
     * @return the field's name
     */
    String valueField(String name, Type t, Object irValue, RefSource source) {
        String jt = JavaNames.local(t);
        String unbox;
        if (t instanceof Type.Prim p) {
            unbox = switch (p.kind()) {
                case BOOLEAN -> "((Boolean) %s).booleanValue()";
                case BYTE, SHORT, CHAR, INT -> "((Integer) %s).intValue()";
                default -> "((" + JavaNames.box(p.kind()) + ") %s)." + p.kind().javaName() + "Value()";
            };
        } else {
            unbox = jt.equals("Object") ? "%s" : "(" + jt + ") %s";
        }
        return field(name, jt, irValue, unbox, source);
    }

    /** Records the Java type of a local, for temporaries of the same type. */
    void local(String name, String javaType) {
        localTypes.put(name, javaType);
    }

    String javaTypeOf(String name) {
        String t = localTypes.get(name);
        if (t == null) {
            throw new IllegalStateException("no type recorded for " + name);
        }
        return t;
    }

    /**
     * Emits a lifted helper as a private static method, once per lambda.
     *
     * @param caller the calling lambda's scope
     * @param name   the helper's IR name
     * @return the method's name
     */
    String helper(Scope caller, String name) {
        String method = caller.prefix + "h_" + JavaNames.ident(name);
        if (helpers.containsKey(method)) {
            return method;
        }
        helpers.put(method, "");
        Function f = caller.unit.helper(name);
        if (f.result() instanceof Type.Struct) {
            throw new Unsupported("helper " + name + " returns a struct");
        }
        Scope s = new Scope(method + "_", caller.unit, this);
        StringBuilder sig = new StringBuilder("private static " + JavaNames.local(f.result()) + " " + method + "(");
        String sep = "";
        for (Var p : f.params()) {
            // a struct parameter is scalar-replaced: one Java parameter per leaf
            ColumnLayout layout = ColumnLayout.of(p.type());
            List<String> names = new ArrayList<>();
            for (ColumnLayout.Leaf leaf : layout.leaves()) {
                String pn = s.name(p.name()) + (layout.leaves().size() == 1 ? "" : "_" + leaf.name());
                String jt = JavaNames.local(leaf.type());
                sig.append(sep).append(jt).append(' ').append(pn);
                sep = ", ";
                local(pn, jt);
                names.add(pn);
            }
            s.bind(p.name(), names);
        }
        JavaWriter w = JavaWriter.at(1).open(sig + ")");
        LambdaEmitter.declareLocals(s, f.locals(), w);
        BodyEmitter body = new BodyEmitter(s);
        if (body.emit(f.body(), w)) {
            w.line("throw new IllegalStateException(\"" + name + " ended without return\");");
        }
        helpers.put(method, w.close().toString());
        return method;
    }

    /** @return a mark to {@link #reset} to when translating a lambda fails halfway */
    int[] mark() {
        return new int[] {refs.size(), fieldDecls.size(), ctorLines.size(), helpers.size()};
    }

    void reset(int[] mark) {
        refs.subList(mark[0], refs.size()).clear();
        sources.subList(mark[0], sources.size()).clear();
        fieldDecls.subList(mark[1], fieldDecls.size()).clear();
        ctorLines.subList(mark[2], ctorLines.size()).clear();
        List<String> keys = new ArrayList<>(helpers.keySet());
        for (String k : keys.subList(mark[3], keys.size())) {
            helpers.remove(k);
        }
    }

    /** @return where each {@code refs[]} slot's value comes from */
    List<RefSource> sources() {
        return List.copyOf(sources);
    }

    /** Sets the fragment's lambdas, in {@link FragmentShape#sites} order. */
    void sites(List<io.pappus.plan.LambdaSite> s) {
        this.sites = s;
    }

    /** @return the index of {@code site} among the fragment's lambdas */
    int siteIndex(io.pappus.plan.LambdaSite site) {
        for (int i = 0; i < sites.size(); i++) {
            if (sites.get(i) == site) {
                return i;
            }
        }
        throw new IllegalStateException("lambda not in its fragment: " + site);
    }

    /** @return the values for this run's {@code refs[]} */
    Object[] refs() {
        return refs.toArray();
    }

    void writeMembers(JavaWriter w, String className) {
        for (String f : fieldDecls) {
            w.line(f);
        }
        w.line("");
        w.open("public " + className + "(Object[] refs)");
        for (String l : ctorLines) {
            w.line(l);
        }
        w.close();
    }

    void writeHelpers(JavaWriter w) {
        for (String h : helpers.values()) {
            w.line("");
            w.append(JavaWriter.at(0).line(h.stripTrailing()));
        }
    }
}
