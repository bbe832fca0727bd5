package io.pappus.lift;

import io.pappus.ir.Expr;

/** How a basic block ends, after symbolic execution; block numbers are reverse postorder. */
sealed interface Exit {

    /** Continues at {@code target}. */
    record Jump(int target) implements Exit {
    }

    /** Goes to {@code ifTrue} when {@code cond} holds, else to {@code ifFalse} (javac's fall-through). */
    record Branch(Expr cond, int ifTrue, int ifFalse) implements Exit {
    }

    /** Returns {@code value}. */
    record Ret(Expr value) implements Exit {
    }
}
