package io.pappus.ir;

import java.io.Serializable;
import java.util.List;

/**
 * An IR statement. Control flow is structured, in the manner of WebAssembly: a labelled
 * {@link Block} is left by {@link Break}, a labelled {@link Loop} repeats until something
 * breaks out of an enclosing block or returns. Any reducible control-flow graph maps to this.
 */
public sealed interface Stmt extends Serializable {

    /**
     * Sets a local variable.
     *
     * @param local the variable, declared in the enclosing function
     * @param value the new value
     */
    record Assign(String local, Expr value) implements Stmt {
    }

    /**
     * Evaluates an expression for the exception it may throw and drops the value.
     *
     * @param value the expression
     */
    record Eval(Expr value) implements Stmt {
    }

    /**
     * Two-way branch.
     *
     * @param cond      a boolean
     * @param then      run when true
     * @param otherwise run when false
     */
    record If(Expr cond, List<Stmt> then, List<Stmt> otherwise) implements Stmt {
        public If {
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
        }
    }

    /**
     * A sequence that {@code Break(label)} leaves.
     *
     * @param label the label
     * @param body  the statements
     */
    record Block(String label, List<Stmt> body) implements Stmt {
        public Block {
            body = List.copyOf(body);
        }
    }

    /**
     * Runs {@code body} again and again; {@code Continue(label)} starts the next round,
     * {@code Break(label)} leaves it.
     *
     * @param label the label
     * @param body  the statements
     */
    record Loop(String label, List<Stmt> body) implements Stmt {
        public Loop {
            body = List.copyOf(body);
        }
    }

    /**
     * Leaves the enclosing block or loop with this label.
     *
     * @param label the label
     */
    record Break(String label) implements Stmt {
    }

    /**
     * Starts the next round of the enclosing loop with this label.
     *
     * @param label the label
     */
    record Continue(String label) implements Stmt {
    }

    /**
     * Returns from the function.
     *
     * @param value the result
     */
    record Return(Expr value) implements Stmt {
    }
}
