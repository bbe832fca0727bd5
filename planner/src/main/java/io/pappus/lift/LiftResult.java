package io.pappus.lift;

import io.pappus.ir.LiftedLambda;
import io.pappus.ir.SourceRef;
import io.pappus.ir.Type;

import java.util.List;

/** What lifting one lambda gave: its IR, or the reason it stays opaque. */
public sealed interface LiftResult {

    /** @return where the lambda was written */
    SourceRef source();

    /**
     * The lambda in IR, with its captured values.
     *
     * @param ir       the IR
     * @param captures the captured values in IR form (boxed primitives, primitive arrays,
     *                 {@code Object[]} for structs and arrays of arrays), one per captured
     *                 parameter of {@code ir.main()}
     */
    record Lifted(LiftedLambda ir, List<Object> captures) implements LiftResult {
        @Override
        public SourceRef source() {
            return ir.source();
        }

        /** @return the type of the lambda's result */
        public Type resultType() {
            return ir.main().result();
        }
    }

    /**
     * A lambda the lifter cannot translate: it runs on the JVM only, by calling the original
     * object.
     *
     * @param reason one line saying what construct stopped the lifter
     * @param source where it was written, with the line of that construct where known
     */
    record Opaque(String reason, SourceRef source) implements LiftResult {
        @Override
        public String toString() {
            return "opaque at " + source + ": " + reason;
        }
    }
}
