package io.pappus.samples;

import io.pappus.api.DataSet;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.samples.BlackScholes.Option;
import io.pappus.samples.BlackScholes.Price;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BlackScholesTest {
    @OnEveryEngine
    void pricesTheTextbookOption(Target target) {
        // S = K = 100, r = 5%, sigma = 20%, T = 1: call 10.4506 (Hull), put by parity
        // 10.4506 - 100 + 100 e^-0.05 = 5.5735. A&S 26.2.17 is off by < 7.5e-8 per cnd call,
        // at most ~2e-5 in a price of 100.
        Price p = DataSet.from(new Option(100, 100, 1, 0.05, 0.2)).on(Engines.local(target))
                .map(BlackScholes::price).toList().get(0);
        assertEquals(10.4506, p.call(), 5e-5);
        assertEquals(5.5735, p.put(), 5e-5);
    }

    @OnEveryEngine
    void agreesWithPlainJavaAndPutCallParity(Target target) {
        List<Option> options = BlackScholes.generate(5_000, 3);
        List<Price> prices = BlackScholes.priceAll(options, Engines.local(target));
        List<Price> expected = BlackScholes.priceAllPlainJava(options);
        assertEquals(options.size(), prices.size());
        for (int i = 0; i < options.size(); i++) {
            Option o = options.get(i);
            Price p = prices.get(i);
            assertEquals(expected.get(i).call(), p.call(), 1e-9, "call of " + o);
            assertEquals(expected.get(i).put(), p.put(), 1e-9, "put of " + o);
            // Parity holds whatever the cnd approximation, since cnd(-x) = 1 - cnd(x) by construction.
            assertEquals(o.s() - o.k() * Math.exp(-o.r() * o.t()), p.call() - p.put(), 1e-9, "parity of " + o);
        }
    }
}
