package io.pappus.opencl.codegen;

import io.pappus.ir.PrimKind;

import java.util.EnumSet;
import java.util.Set;

/** What translating one program has needed so far: helpers and double precision. */
public final class UnitContext {
    private final Set<OclHelper> helpers = EnumSet.noneOf(OclHelper.class);
    private boolean fp64;

    /**
     * @param h a helper the code calls
     * @return its C name's call prefix, e.g. {@code pappus_div_i}
     */
    String use(OclHelper h) {
        if (helpers.add(h)) {
            fp64 |= h.needsFp64();
            for (OclHelper dep : h.uses()) {
                use(dep);
            }
        }
        return "pappus_" + h.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * @param kind a primitive kind about to appear in the code
     * @return its C type
     */
    String type(PrimKind kind) {
        fp64 |= kind == PrimKind.DOUBLE;
        return OclTypes.cType(kind);
    }

    void needFp64() {
        fp64 = true;
    }

    boolean fp64() {
        return fp64;
    }

    Set<OclHelper> helpers() {
        return helpers;
    }

    /** Merges another unit's needs into this one. */
    void addAll(UnitContext other) {
        other.helpers.forEach(this::use);
        fp64 |= other.fp64;
    }
}
