package io.exactline.core.attribution;

/**
 * The entries of a vector touched since the last {@link #clear()}, as a list that may repeat an entry and that
 * stops growing once it is as long as the vector: from then on it stands for "possibly every entry"
 * ({@link #saturated()}). Appending without looking for repeats keeps the innermost loops free of unpredictable
 * branches; consumers compare against the value last propagated, so a repeated entry costs little.
 */
final class IndexList {
    private final int[] values;
    private int size;

    /** A list for a vector of {@code length} entries. */
    IndexList(int length) {
        values = new int[length];
    }

    void add(int i) {
        if (size < values.length) {
            values[size++] = i;
        }
    }

    /** Whether the list stands for every entry, so that the whole vector has to be scanned. */
    boolean saturated() {
        return size == values.length;
    }

    int size() {
        return size;
    }

    int get(int k) {
        return values[k];
    }

    void clear() {
        size = 0;
    }
}
