package io.pappus.cluster.remote;

import java.io.Serializable;

/**
 * One element-wise operator of a shipped pipeline.
 *
 * @param kind   map or filter
 * @param lambda the operator's lifted lambda
 */
public record RemoteStep(Kind kind, ShippedLambda lambda) implements Serializable {

    /** The element-wise operators a member runs. */
    public enum Kind {
        /** One output per element: the lambda's result. */
        MAP,
        /** The elements the lambda (a boolean predicate) accepts, in order. */
        FILTER;

        /** @return the operator's name as the API spells it */
        public String opName() {
            return this == MAP ? "map" : "filter";
        }
    }
}
