package io.pappus.jvm;

import io.pappus.api.Pair;
import io.pappus.exec.column.ColumnConverter;
import io.pappus.exec.column.ColumnLayout;
import io.pappus.exec.column.Columns;
import io.pappus.exec.column.RowCodec;
import io.pappus.ir.Type;
import io.pappus.jvm.codegen.CodecGenerator;
import io.pappus.jvm.compile.CompiledCodecs;
import io.pappus.lift.JavaTypes;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Janino-compiled row codecs against the planner's own conversion: the same columns and the
 * same records back, for every primitive kind, boxed and generic components, nested records;
 * and no generated codec where the record is not public.
 */
public class CompiledCodecsTest {
    /** Every kind, a string, a boxed component and an array. */
    public record Kinds(boolean z, byte b, short s, char c, int i, long l, float f, double d, String str,
                        Integer boxed, double[] ds) {
    }

    /** A point. */
    public record Point(double x, double y) {
    }

    /** Nesting, directly and through a generic pair. */
    public record Tagged(int id, Point at, Pair<Long, Point> extra, Pair<Character, String> label) {
    }

    private record Hidden(int a) {
    }

    private static final double[] SHARED = {1, 2};

    @Test
    void sameColumnsAndRecordsAsThePlannersCodec() {
        check(i -> new Kinds(i % 3 == 0, (byte) i, (short) (i * 7), (char) ('a' + i % 26), i * 31, i * 1_000_003L,
                i / 3f, Math.sqrt(i), i % 5 == 0 ? null : "s" + i, -i, SHARED));
        check(i -> new Tagged(i, new Point(i, -i), new Pair<>((long) i * i, new Point(0.5 * i, i % 11)),
                new Pair<>((char) ('A' + i % 20), "t" + i)));
        check(i -> i * 0.5);
        check(i -> "s" + i);
    }

    @Test
    void sourceIsTheLoopAPersonWouldWrite() {
        ColumnLayout l = ColumnLayout.of(JavaTypes.ofValue(new Tagged(1, new Point(1, 2),
                new Pair<>(3L, new Point(4, 5)), new Pair<>('c', "s"))));
        String src = CodecGenerator.source(l, getClass().getClassLoader(), "C", null);
        assertTrue(src.contains("c1[i] = e.at().x();"), src);
        assertTrue(src.contains("c3[i] = ((Long) e.extra().first()).longValue();"), src);
        assertTrue(src.contains("c5[i] = ((io.pappus.jvm.CompiledCodecsTest.Point) e.extra().second()).y();"), src);
        assertTrue(src.contains("new io.pappus.jvm.CompiledCodecsTest.Tagged(c0[i], new io.pappus.jvm."
                + "CompiledCodecsTest.Point(c1[i], c2[i]), new io.pappus.api.Pair(Long.valueOf(c3[i])"), src);
    }

    @Test
    void nonPublicRecordGetsNoGeneratedCodecButStillConverts() {
        ColumnLayout l = ColumnLayout.of(JavaTypes.ofValue(new Hidden(1)));
        assertNull(new CompiledCodecs().codec(l, getClass().getClassLoader()));
        List<Hidden> xs = new ArrayList<>();
        for (int i = 0; i < 120_000; i++) {
            xs.add(new Hidden(i));
        }
        assertEquals(xs, ColumnConverter.toObjects(ColumnConverter.fromObjects(xs, l.type()),
                getClass().getClassLoader()));
    }

    private <T> void check(IntFunction<T> gen) {
        int n = 5_000;
        List<T> xs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            xs.add(gen.apply(i));
        }
        Type t = JavaTypes.ofValue(xs.get(0));
        ColumnLayout layout = ColumnLayout.of(t);
        ClassLoader loader = getClass().getClassLoader();
        Columns expected = ColumnConverter.fromObjects(xs, t);  // below the compile threshold
        RowCodec codec = new CompiledCodecs().codec(layout, loader);
        assertNotNull(codec, t.show());
        Columns got = Columns.allocate(layout, n);
        codec.layout(xs, got.leaves(), 0, n);
        for (int k = 0; k < layout.leaves().size(); k++) {
            for (int i = 0; i < n; i++) {
                assertEquals(Array.get(expected.leaves()[k], i), Array.get(got.leaves()[k], i),
                        layout.leaves().get(k).name() + " at " + i);
            }
        }
        Object[] back = new Object[n];
        codec.build(got.leaves(), back, 0, n);
        assertEquals(xs, List.of(back));
        // Above the threshold the converter picks the compiled codec itself.
        List<T> big = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            big.add(gen.apply(i));
        }
        assertEquals(big, ColumnConverter.toObjects(ColumnConverter.fromObjects(big, t), loader));
    }
}
