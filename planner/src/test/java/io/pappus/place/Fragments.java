package io.pappus.place;

import io.pappus.api.DataSet;
import io.pappus.api.query.Terminal;
import io.pappus.lift.LambdaLifter;
import io.pappus.plan.LogicalPlanner;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.FragmentPlanner;

/** Real fragments for tests: a data set's query, lifted and cut. */
final class Fragments {
    private Fragments() {
    }

    static Fragment of(DataSet<?> ds, Terminal<?> terminal) {
        return new FragmentPlanner().cut(new LogicalPlanner(LambdaLifter.shared()::lift).plan(ds.node(), terminal));
    }
}
