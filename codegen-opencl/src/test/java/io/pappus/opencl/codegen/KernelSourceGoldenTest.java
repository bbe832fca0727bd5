package io.pappus.opencl.codegen;

import io.pappus.ir.LiftedLambda;
import io.pappus.opencl.Lambdas;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Generated OpenCL C compared with files under {@code src/test/resources/golden/opencl/};
 * {@code -Dpappus.golden.update=true} rewrites them (review the diff in the commit).
 */
class KernelSourceGoldenTest {
    private static final Path DIR = Path.of("src/test/resources/golden/opencl");

    @Test
    void mapSquare() throws IOException {
        golden("map_square", List.of(Lambdas.square()), List.of(false), null);
    }

    @Test
    void mapThenFilter() throws IOException {
        golden("map_square_filter_above_quarter", List.of(Lambdas.square(), Lambdas.aboveQuarter()),
                List.of(false, true), null);
    }

    @Test
    void recordMap() throws IOException {
        golden("map_point_struct", List.of(Lambdas.swapPoint()), List.of(false), null);
    }

    @Test
    void loopOverCapturedArrayThenSum() throws IOException {
        golden("loop_captured_array_sum", List.of(Lambdas.weightedByCapturedArray()), List.of(false), ReduceOp.SUM);
    }

    @Test
    void intDivisionAndHelper() throws IOException {
        golden("int_division", List.of(Lambdas.divideBySeven()), List.of(false), null);
        golden("long_helper_max", List.of(Lambdas.withHelper()), List.of(false), ReduceOp.MAX);
    }

    @Test
    void flatMapFusedIntoASumAndACollect() throws IOException {
        golden("fused_flatmap_square_sum", List.of(Lambdas.pairOrNothing(), Lambdas.square()), List.of(false, false),
                ReduceOp.SUM, true);
        golden("fused_flatmap_filter_collect", List.of(Lambdas.pairOrNothing(), Lambdas.aboveQuarter()),
                List.of(false, true), null, true);
    }

    private static void golden(String name, List<LiftedLambda> lambdas, List<Boolean> filters, ReduceOp op)
            throws IOException {
        golden(name, lambdas, filters, op, false);
    }

    private static void golden(String name, List<LiftedLambda> lambdas, List<Boolean> filters, ReduceOp op, boolean fan)
            throws IOException {
        String actual = KernelSourceWriter.write(name, lambdas, filters, op, fan).source();
        Path file = DIR.resolve(name + ".cl");
        if (Boolean.getBoolean("pappus.golden.update") || !Files.exists(file)) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            if (!Boolean.getBoolean("pappus.golden.update")) {
                fail("golden file " + file + " was missing and has been written; review it and rerun");
            }
            return;
        }
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail("generated OpenCL differs from " + file + " (rerun with -Dpappus.golden.update=true to accept):\n"
                    + diff(expected, actual));
        }
    }

    private static String diff(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String x = i < e.length ? e[i] : "<none>";
            String y = i < a.length ? a[i] : "<none>";
            if (!x.equals(y)) {
                b.append(String.format("line %d%n- %s%n+ %s%n", i + 1, x, y));
            }
        }
        return b.toString();
    }
}
