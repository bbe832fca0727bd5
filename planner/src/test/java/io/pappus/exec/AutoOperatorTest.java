package io.pappus.exec;

import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.testing.OperatorSuite;

/** The local engine (lifted IR on the interpreter, for now) against the obvious Java-streams programs. */
class AutoOperatorTest extends OperatorSuite {
    @Override
    protected Engine engine() {
        return Engines.local(Target.AUTO);
    }
}
