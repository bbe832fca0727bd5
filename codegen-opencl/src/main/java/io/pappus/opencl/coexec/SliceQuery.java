package io.pappus.opencl.coexec;

import io.pappus.api.query.FilterOp;
import io.pappus.api.query.MapOp;
import io.pappus.api.query.Node;
import io.pappus.api.query.Source;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.Stage;

import java.util.Arrays;
import java.util.List;

/** A fragment's map/filter chain as a query over a range of its source, for the JVM engine. */
final class SliceQuery {
    private SliceQuery() {
    }

    /**
     * @param f    a fragment that reads a source
     * @param from the first element
     * @param to   one past the last
     * @return the query over {@code [from, to)}
     */
    static Node of(Fragment f, int from, int to) {
        Node n = slice((Source) f.input().op(), from, to);
        for (Stage s : f.stages()) {
            Node op = s.node().op();
            n = op instanceof MapOp m ? new MapOp(n, m.fn()) : new FilterOp(n, ((FilterOp) op).pred());
        }
        return n;
    }

    static Source slice(Source s, int from, int to) {
        Object data = switch (s.kind()) {
            case DOUBLES -> Arrays.copyOfRange((double[]) s.data(), from, to);
            case FLOATS -> Arrays.copyOfRange((float[]) s.data(), from, to);
            case INTS -> Arrays.copyOfRange((int[]) s.data(), from, to);
            case LONGS -> Arrays.copyOfRange((long[]) s.data(), from, to);
            case OBJECTS -> ((List<?>) s.data()).subList(from, to);
            case RANGE -> null;
        };
        return new Source(s.kind(), data, s.elementType(), to - from, s.kind() == Source.Kind.RANGE ? s.rangeStart() + from : 0);
    }
}
