package io.pappus.cluster.remote;

import io.pappus.ir.LiftedLambda;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A lifted lambda as it travels to a member: its IR and its captured values in IR form
 * (boxed primitives, primitive arrays, {@code Object[]} for structs), never the user's object.
 *
 * @param ir       the lambda's IR
 * @param captures one IR value per captured parameter of {@code ir.main()}
 */
public record ShippedLambda(LiftedLambda ir, List<Object> captures) implements Serializable {
    public ShippedLambda {
        // List.copyOf rejects nulls; an IR capture is never null, but the validator says so
        // with a message instead of an NPE here.
        captures = Collections.unmodifiableList(new ArrayList<>(captures));
    }
}
