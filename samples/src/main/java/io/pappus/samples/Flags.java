package io.pappus.samples;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A sample's command line: {@code --name=value} settings and bare switches such as
 * {@code --explain}. Sizes are flags with small defaults, so every sample runs in seconds on the
 * slowest engine and scales up on request:
 *
 * <pre>{@code
 * Flags f = Flags.parse(args, Set.of("points", "k"));
 * int n = f.intValue("points", 10_000);
 * }</pre>
 */
final class Flags {
    private final Map<String, String> values;

    private Flags(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param args  the program's arguments
     * @param known the names of the settings this sample reads; {@code explain} is always known
     * @return the parsed flags
     * @throws IllegalArgumentException naming the argument, when it is not {@code --name[=value]}
     *                                  with a known name
     */
    static Flags parse(String[] args, Set<String> known) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "': use --name=value");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            if (!name.equals("explain") && !known.contains(name)) {
                throw new IllegalArgumentException("unknown flag --" + name + ": this sample knows --explain and --"
                        + String.join(", --", known.stream().sorted().toList()));
            }
            values.put(name, eq < 0 ? "true" : arg.substring(eq + 1));
        }
        return new Flags(values);
    }

    /** @return whether {@code --explain} was given: print the query's plan too */
    boolean explain() {
        return values.containsKey("explain");
    }

    int intValue(String name, int fallback) {
        String v = values.get(name);
        return v == null ? fallback : Integer.parseInt(v.replace("_", ""));
    }

    double doubleValue(String name, double fallback) {
        String v = values.get(name);
        return v == null ? fallback : Double.parseDouble(v);
    }
}
