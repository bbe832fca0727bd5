package io.pappus.place;

import io.pappus.api.DataSet;
import io.pappus.api.query.Terminal;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** History keys ignore constants and sizes, and tell different shapes apart; work follows the IR. */
class FragmentSignatureTest {
    private final double[] xs = new double[1000];
    private final double[] ys = new double[5000];

    @Test
    void constantsAndSizesDoNotChangeTheSignature() {
        String a = FragmentSignature.of(Fragments.of(DataSet.from(xs).map(x -> x * 2.0 + 1.0), new Terminal.Count()));
        String b = FragmentSignature.of(Fragments.of(DataSet.from(ys).map(x -> x * 7.5 + 3.0), new Terminal.Count()));
        assertEquals(a, b);
        double k = 4.0;
        String captured = FragmentSignature.of(Fragments.of(DataSet.from(xs).map(x -> x * k + 1.0), new Terminal.Count()));
        assertNotEquals(a, captured, "a captured value is a parameter, not a literal: a different shape");
    }

    @Test
    void differentOperationsOrSinksDiffer() {
        String mul = FragmentSignature.of(Fragments.of(DataSet.from(xs).map(x -> x * 2.0), new Terminal.Count()));
        String add = FragmentSignature.of(Fragments.of(DataSet.from(xs).map(x -> x + 2.0), new Terminal.Count()));
        String list = FragmentSignature.of(Fragments.of(DataSet.from(xs).map(x -> x * 2.0), new Terminal.ToList<>()));
        assertNotEquals(mul, add);
        assertNotEquals(mul, list);
    }

    @Test
    void workAndBytesFollowTheFragment() {
        WorkEstimate cheap = FragmentWork.estimate(Fragments.of(DataSet.from(xs).map(x -> x + 1.0), new Terminal.ToList<>()));
        WorkEstimate dear = FragmentWork.estimate(Fragments.of(DataSet.from(xs).map(x -> Math.exp(x) / Math.sqrt(x + 1.0)),
                new Terminal.ToList<>()));
        assertEquals(1000, cheap.elements());
        assertEquals(8000, cheap.bytesIn());
        assertEquals(8000, cheap.bytesOut());
        assertTrue(dear.workPerElement() >= cheap.workPerElement() + 2 * IrShape.CALL, dear + " vs " + cheap);
        WorkEstimate count = FragmentWork.estimate(Fragments.of(DataSet.from(xs).filter(x -> x > 0.5), new Terminal.Count()));
        assertEquals(FragmentWork.FOLD_BYTES, count.bytesOut());
    }
}
