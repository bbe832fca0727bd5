package io.pappus.jvm;

import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.testing.OperatorSuite;

/** The shared OperatorSuite on Target.JVM, against the reference engine. */
class JvmOperatorTest extends OperatorSuite {
    @Override
    protected Engine engine() {
        return Engines.local(Target.JVM);
    }
}
