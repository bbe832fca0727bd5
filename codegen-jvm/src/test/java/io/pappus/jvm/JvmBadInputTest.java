package io.pappus.jvm;

import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.testing.BadInputSuite;

/** The shared BadInputSuite on Target.JVM, against the reference engine. */
class JvmBadInputTest extends BadInputSuite {
    @Override
    protected Engine engine() {
        return Engines.local(Target.JVM);
    }
}
