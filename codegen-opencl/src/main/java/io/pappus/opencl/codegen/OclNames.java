package io.pappus.opencl.codegen;

/** Deterministic C names for IR names. */
final class OclNames {
    private OclNames() {
    }

    /**
     * @param name any IR name (may hold {@code $}, {@code .}, {@code <})
     * @return a C identifier fragment with the same letters and digits
     */
    static String sanitize(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            b.append(c < 128 && Character.isLetterOrDigit(c) || c == '_' ? c : '_');
        }
        return b.toString();
    }

    /**
     * @param local an IR local or parameter
     * @return its C name; the prefix keeps clear of OpenCL keywords such as {@code global}
     */
    static String local(String local) {
        return "v_" + sanitize(local);
    }
}
