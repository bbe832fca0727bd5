package io.pappus.opencl.codegen;

import io.pappus.ir.PrimKind;

/**
 * One scalar C variable that a (possibly struct or array) IR value is split into: structs are
 * scalar-replaced, one leaf per primitive field; an array is a {@code __global const} pointer
 * leaf and an {@code int} length leaf.
 *
 * @param name   the C name
 * @param cType  the C type, e.g. {@code double} or {@code __global const double*}
 * @param kind   the primitive kind of the value, or of the array's elements
 * @param array  whether this leaf is an array pointer
 */
public record Leaf(String name, String cType, PrimKind kind, boolean array) {
}
