package io.pappus.cluster.remote;

import io.pappus.ir.Type;

import java.io.Serializable;
import java.util.List;

/**
 * A fused map/filter chain and a partial aggregate, as IR data: what a member runs over each
 * chunk it owns.
 *
 * @param input   the IR type of the source elements
 * @param steps   the element-wise operators, in order
 * @param partial the partial aggregate of the chain's output
 */
public record RemotePipeline(Type input, List<RemoteStep> steps, PartialSpec partial) implements Serializable {
    public RemotePipeline {
        steps = List.copyOf(steps);
    }
}
