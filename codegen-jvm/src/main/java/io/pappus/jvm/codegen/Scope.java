package io.pappus.jvm.codegen;

import io.pappus.ir.LiftedLambda;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java names one inlined lambda (or helper) uses: every IR variable maps to one Java local
 * per leaf (a struct-typed variable becomes several scalars: scalar replacement), all prefixed
 * with the lambda's place, e.g. {@code map1_}.
 */
final class Scope {
    final String prefix;
    final LiftedLambda unit;
    final KernelClass kernel;
    /** Set while emitting a lambda inline: where {@code return} goes. */
    String returnLabel;
    /** The result leaves a {@code return} assigns, inline only. */
    List<String> resultNames;
    private final Map<String, List<String>> vars = new HashMap<>();
    private int temps;

    Scope(String prefix, LiftedLambda unit, KernelClass kernel) {
        this.prefix = prefix;
        this.unit = unit;
        this.kernel = kernel;
    }

    void bind(String irName, List<String> javaNames) {
        vars.put(irName, javaNames);
    }

    List<String> leaves(String irName) {
        List<String> v = vars.get(irName);
        if (v == null) {
            throw new Unsupported("undeclared local " + irName);
        }
        return v;
    }

    String name(String irName) {
        return prefix + JavaNames.ident(irName);
    }

    String label(String irLabel) {
        return prefix + "L" + JavaNames.ident(irLabel);
    }

    String temp() {
        return prefix + "t" + (temps++);
    }
}
