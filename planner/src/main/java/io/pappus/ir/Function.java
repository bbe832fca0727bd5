package io.pappus.ir;

import java.io.Serializable;
import java.util.List;

/**
 * A lifted function: typed parameters, locals (all start at zero/false/null, like Java's
 * defaults), and a structured body that ends in {@link Stmt.Return} on every path.
 *
 * @param name   a deterministic name, e.g. {@code main} or the helper's Java name
 * @param params the parameters, in order
 * @param result the result type
 * @param locals the locals besides the parameters
 * @param body   the statements
 */
public record Function(String name, List<Var> params, Type result, List<Var> locals, List<Stmt> body)
        implements Serializable {
    public Function {
        params = List.copyOf(params);
        locals = List.copyOf(locals);
        body = List.copyOf(body);
    }
}
