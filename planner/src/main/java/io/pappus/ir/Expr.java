package io.pappus.ir;

import java.io.Serializable;
import java.util.List;

/**
 * An IR expression: side-effect free but for the exceptions Java would throw (integer
 * division by zero, array index out of bounds). Every node carries its type.
 */
public sealed interface Expr extends Serializable {

    /** @return the type of the value */
    Type type();

    /**
     * @param e an expression
     * @return its direct sub-expressions, in evaluation order
     */
    static List<Expr> children(Expr e) {
        if (e instanceof Expr.Unary u) {
            return List.of(u.operand());
        } else if (e instanceof Expr.Binary b) {
            return List.of(b.left(), b.right());
        } else if (e instanceof Expr.Cast c) {
            return List.of(c.operand());
        } else if (e instanceof Expr.Select s) {
            return List.of(s.cond(), s.ifTrue(), s.ifFalse());
        } else if (e instanceof Expr.Call c) {
            return c.args();
        } else if (e instanceof Expr.Invoke i) {
            return i.args();
        } else if (e instanceof Expr.GetField g) {
            return List.of(g.target());
        } else if (e instanceof Expr.New n) {
            return n.args();
        } else if (e instanceof Expr.ArrayLength a) {
            return List.of(a.array());
        } else if (e instanceof Expr.ArrayGet a) {
            return List.of(a.array(), a.index());
        } else if (e instanceof Expr.Const || e instanceof Expr.Local) {
            return List.of();
        }
        throw new AssertionError(e);
    }

    /**
     * A literal. Values: {@code Boolean}; {@code Integer} for byte, short, char and int;
     * {@code Long}; {@code Float}; {@code Double}; {@code String}.
     *
     * @param type  the type
     * @param value the value
     */
    record Const(Type type, Object value) implements Expr {
    }

    /**
     * Reads a local variable or parameter of the enclosing function.
     *
     * @param name the variable
     * @param type its type
     */
    record Local(String name, Type type) implements Expr {
    }

    /**
     * A unary operation.
     *
     * @param op      the operator
     * @param operand the operand
     * @param type    the result type
     */
    record Unary(UnOp op, Expr operand, Type type) implements Expr {
    }

    /**
     * A binary operation with Java semantics: int and long wrap, integer division and
     * remainder by zero throw {@link ArithmeticException}, shifts mask their count, float
     * comparisons with NaN are false except {@code !=}.
     *
     * @param op    the operator
     * @param left  the left operand
     * @param right the right operand
     * @param type  the result type (boolean for comparisons)
     */
    record Binary(BinOp op, Expr left, Expr right, Type type) implements Expr {
    }

    /**
     * A primitive conversion with Java semantics (float to int saturates, NaN to 0; int to
     * byte truncates).
     *
     * @param operand the value
     * @param type    the target type
     */
    record Cast(Expr operand, Type type) implements Expr {
    }

    /**
     * {@code cond ? ifTrue : ifFalse}; evaluates only the chosen side.
     *
     * @param cond    a boolean
     * @param ifTrue  the value when true
     * @param ifFalse the value when false
     * @param type    the result type
     */
    record Select(Expr cond, Expr ifTrue, Expr ifFalse, Type type) implements Expr {
    }

    /**
     * A library function with known meaning.
     *
     * @param fn   the function
     * @param args its arguments
     * @param type the result type
     */
    record Call(Intrinsic fn, List<Expr> args, Type type) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /**
     * A call of a helper function lifted into the same unit (a static method of a user
     * class); never recursive.
     *
     * @param function the helper's name in {@link LiftedLambda#helpers()}
     * @param args     its arguments
     * @param type     the result type
     */
    record Invoke(String function, List<Expr> args, Type type) implements Expr {
        public Invoke {
            args = List.copyOf(args);
        }
    }

    /**
     * Reads one field of a struct (a record accessor).
     *
     * @param target the struct
     * @param index  the field's index
     * @param type   the field's type
     */
    record GetField(Expr target, int index, Type type) implements Expr {
    }

    /**
     * Builds a struct (a record's canonical constructor).
     *
     * @param type the struct type
     * @param args one value per field
     */
    record New(Type.Struct type, List<Expr> args) implements Expr {
        public New {
            args = List.copyOf(args);
        }
    }

    /**
     * The length of an array.
     *
     * @param array the array
     */
    record ArrayLength(Expr array) implements Expr {
        @Override
        public Type type() {
            return Type.INT;
        }
    }

    /**
     * Reads one element of a read-only array; out of range throws
     * {@link ArrayIndexOutOfBoundsException}.
     *
     * @param array the array
     * @param index the index
     * @param type  the element type
     */
    record ArrayGet(Expr array, Expr index, Type type) implements Expr {
    }
}
