package io.pappus.lift;

import io.pappus.ir.Type;

import java.util.List;

/**
 * One lambda of the test corpus: its golden-file name, the lambda, the IR types of its
 * arguments and how to generate inputs for the differential test.
 */
record Case(String name, Object fn, List<Type> argTypes, List<Gen> gens) {
    @Override
    public String toString() {
        return name;
    }
}
