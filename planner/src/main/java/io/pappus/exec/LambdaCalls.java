package io.pappus.exec;

import io.pappus.api.query.Node;

/**
 * How an evaluator calls a user lambda: the reference engine calls the original object; the
 * interpreting engine evaluates its lifted IR. {@code site} and {@code role} say which lambda of
 * the plan this is (e.g. the {@code key} of a groupBy).
 */
interface LambdaCalls {

    /**
     * @param site the operator the lambda belongs to (a {@link Node}, or the terminal)
     * @param role the lambda's role in that operator, e.g. {@code fn}, {@code key}, {@code op}
     * @param fn   the user's object
     * @param args the arguments, as Java values
     * @return the result, as a Java value
     */
    Object call(Object site, String role, Object fn, Object... args);
}
