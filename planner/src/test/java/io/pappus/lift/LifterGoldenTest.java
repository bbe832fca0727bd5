package io.pappus.lift;

import io.pappus.ir.IrPrinter;
import io.pappus.testing.Golden;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

/** The IR of every corpus lambda, as reviewed text under {@code golden/lift/}. */
class LifterGoldenTest {
    static List<Case> corpus() {
        return LiftCorpus.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void liftsToReviewedIr(Case c) {
        LiftResult r = LambdaLifter.shared().lift(c.fn(), c.argTypes());
        if (r instanceof LiftResult.Opaque o) {
            Assertions.fail(c.name() + " stayed opaque: " + o);
        }
        Golden.assertMatches("lift/" + c.name() + ".ir", IrPrinter.print(((LiftResult.Lifted) r).ir()));
    }
}
