package io.pappus.samples;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Pair;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The most frequent words of a text: lines split into words, grouped and counted, sorted, the
 * top k taken. Splitting and testing Strings calls String methods, which the lifter does not
 * translate: {@code explain()} shows those lambdas as opaque, with the reason and the line, and
 * they run on the JVM by calling the original lambda. The sort keys, plain record accessors, are
 * lifted.
 *
 * <pre>
 * java io.pappus.samples.TermFrequency --lines=100000 --top=20 --explain
 * </pre>
 */
public final class TermFrequency {
    /** Common English words, most frequent first; the corpus draws them with Zipf's law. */
    private static final String[] VOCABULARY = ("the of and to a in is it you that he was for on are with as"
            + " his they be at one have this from or had by word but what some we can out other were all"
            + " there when up use your how said an each she which do their time if will way about many then"
            + " them write would like so these her long make thing see him two has look more day could go"
            + " come did number sound no most people my over know water than call first who may down side"
            + " been now find any new work part take get place made live where after back little only round"
            + " man year came show every good me give our under name very through just form sentence great"
            + " think say help low line differ turn cause much mean before move right boy old too same tell"
            + " does set three want air well also play small end put home read hand port large spell add"
            + " even land here must big high such follow act why ask men change went light kind off need"
            + " house picture try us again animal point mother world near build self earth father").split(" ");

    private TermFrequency() {
    }

    /**
     * A text of {@code lines} lines of about twelve words each, drawn from {@link #VOCABULARY}
     * with Zipf's law (the r-th word has weight 1/r), with capitals and punctuation to strip.
     *
     * @param lines how many lines
     * @param seed  the generator's seed
     * @return the lines
     */
    static List<String> corpus(int lines, long seed) {
        double[] cumulative = new double[VOCABULARY.length];
        double total = 0;
        for (int r = 0; r < VOCABULARY.length; r++) {
            total += 1.0 / (r + 1);
            cumulative[r] = total;
        }
        Random rnd = new Random(seed);
        List<String> text = new ArrayList<>(lines);
        boolean sentenceStart = true;
        for (int l = 0; l < lines; l++) {
            StringBuilder line = new StringBuilder();
            for (int w = 8 + rnd.nextInt(9); w > 0; w--) {
                int at = Arrays.binarySearch(cumulative, rnd.nextDouble() * total);
                String word = VOCABULARY[at < 0 ? -at - 1 : at];
                line.append(sentenceStart ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                int mark = rnd.nextInt(12);
                sentenceStart = mark == 0;
                line.append(mark == 0 ? ". " : mark == 1 ? ", " : " ");
            }
            text.add(line.toString().trim());
        }
        return text;
    }

    /**
     * The query. Two stable sorts give a deterministic top k: by word, then by count descending,
     * so words with equal counts stay in alphabetical order.
     *
     * @param lines the text
     * @param top   how many words
     * @return (word, count), most frequent first
     */
    static DataSet<Pair<String, Long>> topWords(DataSet<String> lines, int top) {
        return lines.flatMap(line -> Arrays.asList(line.split("[^A-Za-z']+")))
                .filter(w -> !w.isEmpty()) // a line that starts with punctuation splits to "" first
                .map(w -> w.toLowerCase(Locale.ROOT))
                .groupBy(w -> w)
                .count()
                .orderBy(Pair::first)
                .orderByDescending(Pair::second)
                .take(top);
    }

    /** @return the same top words with a HashMap and a sort */
    static List<Pair<String, Long>> topWordsPlainJava(List<String> lines, int top) {
        Map<String, Long> counts = new HashMap<>();
        for (String line : lines) {
            for (String w : line.split("[^A-Za-z']+")) {
                if (!w.isEmpty()) {
                    counts.merge(w.toLowerCase(Locale.ROOT), 1L, Long::sum);
                }
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .map(e -> Pair.of(e.getKey(), e.getValue()))
                .toList();
    }

    /**
     * Runs the sample and checks it: the top words and their counts equal plain Java's exactly.
     *
     * @return the outcome
     */
    static Outcome run(int lines, int top, Engine engine) {
        List<String> text = corpus(lines, 11);
        long t0 = System.nanoTime();
        List<Pair<String, Long>> result = Progress.during("term frequency",
                () -> topWords(DataSet.from(text).on(engine), top).toList());
        double pappusMillis = Outcome.millisSince(t0);
        t0 = System.nanoTime();
        List<Pair<String, Long>> expected = topWordsPlainJava(text, top);
        double plainMillis = Outcome.millisSince(t0);
        StringBuilder shown = new StringBuilder();
        for (Pair<String, Long> p : result.subList(0, Math.min(5, result.size()))) {
            shown.append(p.first()).append('=').append(p.second()).append(' ');
        }
        return new Outcome("term frequency (" + lines + " lines, top " + top + ")", shown + "...",
                result.equals(expected), pappusMillis, plainMillis);
    }

    /**
     * @param args {@code --lines=N} (default 5,000), {@code --top=K} (default 10), {@code --explain}
     */
    public static void main(String[] args) {
        Flags flags = Flags.parse(args, Set.of("lines", "top"));
        int lines = flags.intValue("lines", 5_000);
        int top = flags.intValue("top", 10);
        run(lines, top, Engines.defaultEngine()).print(System.out);
        if (flags.explain()) {
            System.out.println(topWords(DataSet.from(corpus(10, 11)), top).explain());
        }
    }
}
