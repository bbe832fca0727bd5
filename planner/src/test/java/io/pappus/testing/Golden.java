package io.pappus.testing;

import org.junit.jupiter.api.Assertions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Golden-file assertions: compares text with {@code src/test/resources/golden/<path>} of the
 * module under test. Run with {@code -Dpappus.golden.update=true} to (re)write the files, then
 * review the change in the commit like code.
 *
 * <pre>{@code
 * Golden.assertMatches("lift/arithmetic.ir", IrPrinter.print(ir));
 * }</pre>
 */
public final class Golden {
    /** The system property that switches from checking to writing golden files. */
    public static final String UPDATE = "pappus.golden.update";

    private Golden() {
    }

    /**
     * @param relativePath the file under {@code src/test/resources/golden/}
     * @param actual       the text produced now
     */
    public static void assertMatches(String relativePath, String actual) {
        Path file = Path.of("src/test/resources/golden", relativePath);
        try {
            if (Boolean.getBoolean(UPDATE)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                Assertions.fail("no golden file " + file.toAbsolutePath() + "; create it by running the test with -D"
                        + UPDATE + "=true, then review it. Actual text:\n" + actual);
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) {
                Assertions.fail("output differs from golden file " + file + " (rerun with -D" + UPDATE
                        + "=true to accept):\n" + diff(expected, actual));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line diff: the common prefix and suffix are skipped, the middle shown as -/+ lines. */
    static String diff(String expected, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        StringBuilder out = new StringBuilder("@@ -" + (start + 1) + "," + (endA - start) + " +" + (start + 1) + ","
                + (endB - start) + " @@\n");
        for (int i = Math.max(0, start - 2); i < start; i++) {
            out.append("  ").append(a.get(i)).append('\n');
        }
        for (int i = start; i < endA; i++) {
            out.append("- ").append(a.get(i)).append('\n');
        }
        for (int i = start; i < endB; i++) {
            out.append("+ ").append(b.get(i)).append('\n');
        }
        for (int i = endA; i < Math.min(a.size(), endA + 2); i++) {
            out.append("  ").append(a.get(i)).append('\n');
        }
        return out.toString();
    }
}
