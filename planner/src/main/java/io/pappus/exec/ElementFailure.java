package io.pappus.exec;

/**
 * Attached with {@link Throwable#addSuppressed} to an exception a user lambda threw, so the
 * caller gets the lambda's own exception type and also learns which operator and element
 * failed.
 */
public final class ElementFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long index;

    /**
     * @param operator the operator and lambda role, e.g. {@code map}
     * @param index    the element's index in that operator's input
     * @param element  the element, shown abbreviated
     * @param where    where the lambda was written, or {@code null}
     */
    public ElementFailure(String operator, long index, Object element, String where) {
        super(operator + (where == null ? "" : " at " + where) + " failed on element " + index
                + " of its input: " + abbreviate(element), null, false, false);
        this.index = index;
    }

    /** @return the failing element's index in the operator's input */
    public long index() {
        return index;
    }

    /**
     * Adds the element's details to {@code e} and returns it for rethrowing.
     *
     * @param e        the lambda's exception
     * @param operator the operator
     * @param index    the element's index
     * @param element  the element
     * @param where    where the lambda was written, or {@code null}
     * @param <E>      the exception type
     * @return {@code e}
     */
    public static <E extends RuntimeException> E attach(E e, String operator, long index, Object element, String where) {
        for (Throwable s : e.getSuppressed()) {
            if (s instanceof ElementFailure) {
                return e;
            }
        }
        e.addSuppressed(new ElementFailure(operator, index, element, where));
        return e;
    }

    private static String abbreviate(Object element) {
        String s = String.valueOf(element);
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
