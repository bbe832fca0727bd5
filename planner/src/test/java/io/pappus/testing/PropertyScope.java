package io.pappus.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * System properties changed for one test and put back afterwards, for the settings the suites
 * fix in the build (e.g. {@code pappus.jvm.compileFrom=0}) that a test needs at their defaults.
 *
 * <pre>{@code
 * PropertyScope scope = PropertyScope.cleared("pappus.jvm.compileFrom");   // in @BeforeEach
 * scope.close();                                                          // in @AfterEach
 * }</pre>
 */
public final class PropertyScope implements AutoCloseable {
    private final Map<String, String> saved = new LinkedHashMap<>();

    private PropertyScope() {
    }

    /** @return a scope in which the properties are unset */
    public static PropertyScope cleared(String... names) {
        PropertyScope s = new PropertyScope();
        for (String n : names) {
            s.saved.put(n, System.clearProperty(n));
        }
        return s;
    }

    /** @return a scope in which the property has the value */
    public static PropertyScope set(String name, String value) {
        PropertyScope s = new PropertyScope();
        s.saved.put(name, System.setProperty(name, value));
        return s;
    }

    /** Puts back every property as it was before the scope. */
    @Override
    public void close() {
        saved.forEach((n, v) -> {
            if (v == null) {
                System.clearProperty(n);
            } else {
                System.setProperty(n, v);
            }
        });
    }
}
