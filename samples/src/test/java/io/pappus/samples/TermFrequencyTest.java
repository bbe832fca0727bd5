package io.pappus.samples;

import io.pappus.api.DataSet;
import io.pappus.api.Engines;
import io.pappus.api.Pair;
import io.pappus.api.Target;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TermFrequencyTest {
    @OnEveryEngine
    void countsAHandWrittenText(Target target) {
        List<String> text = List.of("The cat sat. The dog sat, too!", "A cat's hat; the END", "", "  dog  ");
        List<Pair<String, Long>> top = TermFrequency.topWords(DataSet.from(text).on(Engines.local(target)), 4)
                .toList();
        // the=3; dog=2 and sat=2 in alphabetical order; then of the words seen once "a" comes first
        assertEquals(List.of(Pair.of("the", 3L), Pair.of("dog", 2L), Pair.of("sat", 2L), Pair.of("a", 1L)), top);
    }

    @OnEveryEngine
    void agreesWithPlainJavaOnTheGeneratedCorpus(Target target) {
        List<String> corpus = TermFrequency.corpus(1_000, 11);
        List<Pair<String, Long>> top = TermFrequency.topWords(DataSet.from(corpus).on(Engines.local(target)), 15)
                .toList();
        assertEquals(TermFrequency.topWordsPlainJava(corpus, 15), top);
        assertEquals("the", top.get(0).first(), "Zipf's law puts the first word of the vocabulary first");
    }

    @Test
    void explainSaysTheSplittingLambdaRunsOnTheJvm() {
        String plan = TermFrequency.topWords(DataSet.from("a b").on(Engines.local(Target.AUTO)), 3).explain();
        assertTrue(plan.contains("flatMap") && plan.contains("opaque") && plan.contains("JVM"), plan);
    }
}
