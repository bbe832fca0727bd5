package io.pappus.place;

import io.pappus.api.query.Source;
import io.pappus.exec.column.ColumnLayout;
import io.pappus.ir.Type;
import io.pappus.lift.LiftResult;
import io.pappus.plan.LambdaSite;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.Sink;
import io.pappus.plan.fragment.Stage;

/**
 * Estimates a fragment's {@link WorkEstimate} before it runs: elements from its source (a
 * breaker's or cache's input: the sum of its feeds, an upper bound), bytes from its column
 * layouts (a collect returns every element, as if no filter dropped any; a fold returns a
 * few partials), work from its lifted IR ({@link IrShape}), an opaque lambda counted as 50.
 */
public final class FragmentWork {
    /** Work charged per element for a lambda the lifter could not read. */
    static final double OPAQUE = 50;
    /** Bytes a fold's partial results take back to the host. */
    static final long FOLD_BYTES = 8 * 1024;

    private FragmentWork() {
    }

    /**
     * @param f a fragment
     * @return its estimated work
     */
    public static WorkEstimate estimate(Fragment f) {
        long n = elements(f);
        double work = 1;
        for (Stage s : f.stages()) {
            work += 1 + lambda(s.lambda());
        }
        for (LambdaSite l : FragmentSignature.sinkLambdas(f.sink())) {
            work += lambda(l);
        }
        long out = f.sink() instanceof Sink.Collect ? n * width(f.outputType()) : FOLD_BYTES;
        return new WorkEstimate(FragmentSignature.of(f), n, n * width(f.inputType()), out, work);
    }

    /** @return the fragment's input elements, estimated where not known */
    public static long elements(Fragment f) {
        if (f.input().op() instanceof Source s) {
            return s.size();
        }
        long n = 0;
        for (Fragment feed : f.feeds()) {
            n += elements(feed);
        }
        return n;
    }

    /** @return bytes per element in columns: 8 per object reference */
    static long width(Type t) {
        long w = 0;
        for (ColumnLayout.Leaf l : ColumnLayout.of(t).leaves()) {
            w += l.type() instanceof Type.Prim p ? switch (p.kind()) {
                case BOOLEAN, BYTE -> 1;
                case SHORT, CHAR -> 2;
                case INT, FLOAT -> 4;
                case LONG, DOUBLE -> 8;
            } : 8;
        }
        return Math.max(1, w);
    }

    private static double lambda(LambdaSite l) {
        return l.lift() instanceof LiftResult.Lifted lifted ? IrShape.of(lifted.ir()).work() : OPAQUE;
    }
}
