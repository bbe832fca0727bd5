package io.pappus.cluster.shuffle;

import io.pappus.cluster.remote.InvalidTaskException;
import io.pappus.cluster.remote.StageChecks;
import io.pappus.ir.Type;

import java.util.List;

/**
 * Checks a keyed operator as received against the types it will be called with, before any
 * lambda of it runs: on a target partition, and on a source partition that combines on the
 * map side.
 */
final class KeyedOpCheck {
    private KeyedOpCheck() {
    }

    /** @param fs a target @throws InvalidTaskException when its operator's lambdas do not fit its types */
    static void finish(StageInput.FromShuffle fs) {
        Type t = fs.sideTypes().get(0);
        KeyedOp op = fs.op();
        if (fs.combined()) {
            if (!(op instanceof KeyedOp.Group g)) {
                throw new InvalidTaskException("only a groupBy aggregation combines on the map side, not " + op.name());
            }
            merge(g, t);
        } else if (op instanceof KeyedOp.Group g) {
            fold(g, t);
        } else if (op instanceof KeyedOp.Join j) {
            if (fs.sideTypes().size() != 2) {
                throw new InvalidTaskException("join without a right side");
            }
            StageChecks.lambda(j.result(), List.of(t, fs.sideTypes().get(1)), "join result");
        } else if (op instanceof KeyedOp.Sort) {
            if (!(fs.keyType() instanceof Type.Prim || fs.keyType() instanceof Type.Str)) {
                throw new InvalidTaskException("sort key " + fs.keyType().show() + " is not a primitive or String");
            }
        } else if (!(op instanceof KeyedOp.Distinct)) {
            throw new InvalidTaskException("unknown keyed operator " + op);
        }
    }

    /**
     * @param op      a group aggregation
     * @param element the IR type of the elements it folds
     * @throws InvalidTaskException when its lambdas do not fit
     */
    static void fold(KeyedOp.Group op, Type element) {
        if (op instanceof KeyedOp.GroupReduce r) {
            StageChecks.lambda(r.op(), List.of(element, element), "groupBy reduce");
        } else if (op instanceof KeyedOp.GroupAggregate a) {
            StageChecks.lambda(a.accumulate(), List.of(accumulator(a), element), "groupBy aggregate");
        } else if (!(op instanceof KeyedOp.GroupCount)) {
            throw new InvalidTaskException("unknown groupBy aggregation " + op);
        }
    }

    /** Checks the operator that merges partials of the given type (map-side combining). */
    private static void merge(KeyedOp.Group op, Type partial) {
        if (op instanceof KeyedOp.GroupCount) {
            if (!partial.equals(Type.LONG)) {
                throw new InvalidTaskException("groupBy count partials are " + partial.show() + ", not long");
            }
        } else if (op instanceof KeyedOp.GroupReduce r) {
            StageChecks.lambda(r.op(), List.of(partial, partial), "groupBy reduce");
        } else if (op instanceof KeyedOp.GroupAggregate a) {
            Type acc = accumulator(a);
            if (!acc.equals(partial)) {
                throw new InvalidTaskException("groupBy aggregate partials are " + partial.show()
                        + ", not its accumulator " + acc.show());
            }
            StageChecks.lambda(a.combine(), List.of(acc, acc), "groupBy aggregate combine");
        }
    }

    /** @return the accumulator type, once the seed is checked to be one */
    private static Type accumulator(KeyedOp.GroupAggregate a) {
        if (a.accumulate() == null) {
            throw new InvalidTaskException("groupBy aggregate has no accumulate lambda");
        }
        List<Type> args = a.accumulate().ir().args().stream().map(v -> v.type()).toList();
        if (args.isEmpty() || !StageChecks.conforms(a.seed(), args.get(0))) {
            throw new InvalidTaskException("groupBy aggregate seed is not a value of its accumulator type");
        }
        return args.get(0);
    }
}
