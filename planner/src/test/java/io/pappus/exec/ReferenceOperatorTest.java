package io.pappus.exec;

import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.testing.OperatorSuite;

/** The reference engine against the obvious Java-streams programs. */
class ReferenceOperatorTest extends OperatorSuite {
    @Override
    protected Engine engine() {
        return Engines.local(Target.REFERENCE);
    }
}
