package io.pappus.exec;

import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.testing.BadInputSuite;

/** Errors from the reference engine. */
class ReferenceBadInputTest extends BadInputSuite {
    @Override
    protected Engine engine() {
        return Engines.local(Target.REFERENCE);
    }
}
