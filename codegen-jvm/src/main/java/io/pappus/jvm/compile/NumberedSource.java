package io.pappus.jvm.compile;

/** Prints source with {@code /* 001 *}{@code /} line numbers that match compiler messages. */
public final class NumberedSource {
    private NumberedSource() {
    }

    /**
     * @param source Java source
     * @return the same lines, each prefixed with its number
     */
    public static String of(String source) {
        StringBuilder b = new StringBuilder();
        String[] lines = source.split("\n", -1);
        int n = source.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int i = 0; i < n; i++) {
            b.append(String.format("/* %03d */ ", i + 1)).append(lines[i]).append('\n');
        }
        return b.toString();
    }
}
