package io.pappus.place;

import java.util.function.Supplier;

/**
 * The one line that says why a {@link Decision} was made, written on first use: a query is
 * placed far more often than anyone reads why (explain, debug logging), and formatting the
 * predictions into text cost AUTO more than the rest of its decision.
 *
 * <pre>{@code
 * Reason r = Reason.later(() -> String.format("fastest predicted (%s)", runnerUp));
 * r.written();  // false until text() is first called
 * }</pre>
 */
public final class Reason {
    private Supplier<String> writer;
    private volatile String text;

    private Reason(Supplier<String> writer, String text) {
        this.writer = writer;
        this.text = text;
    }

    /**
     * @param text the line, already written
     * @return a reason with that text
     */
    public static Reason of(String text) {
        return new Reason(null, text);
    }

    /**
     * @param writer writes the line from values captured when the decision was made (never from
     *               state that changes afterwards: the text must say what was decided then)
     * @return a reason written on the first {@link #text()}
     */
    public static Reason later(Supplier<String> writer) {
        return new Reason(writer, null);
    }

    /** @return the line, written now if it was not yet */
    public String text() {
        String t = text;
        if (t == null) {
            synchronized (this) {
                if (text == null) {
                    text = writer.get();
                    writer = null;  // what it captured can go
                }
                t = text;
            }
        }
        return t;
    }

    /** @return whether the line has been written (structural tests: placing a query must not write it) */
    public boolean written() {
        return text != null;
    }

    /** Reasons are equal when their texts are (which writes both): a decision's equality includes why. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Reason r && text().equals(r.text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
