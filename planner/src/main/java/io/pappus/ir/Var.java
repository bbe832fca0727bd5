package io.pappus.ir;

import java.io.Serializable;

/**
 * A named, typed variable: a function parameter or local.
 *
 * @param name the name, unique in its function
 * @param type the type
 */
public record Var(String name, Type type) implements Serializable {
    /** @return a read of this variable */
    public Expr.Local read() {
        return new Expr.Local(name, type);
    }
}
