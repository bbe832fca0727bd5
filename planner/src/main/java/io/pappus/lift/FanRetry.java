package io.pappus.lift;

import io.pappus.ir.Type;

/**
 * Thrown while lifting a flatMap function when a list literal needs more slots or another
 * element type than the fan was given; the lifter starts again with {@link #slots} and
 * {@link #element}. Never leaves the lifter.
 */
final class FanRetry extends RuntimeException {
    final int slots;
    final transient Type element;

    FanRetry(int slots, Type element) {
        super(null, null, false, false);
        this.slots = slots;
        this.element = element;
    }
}
