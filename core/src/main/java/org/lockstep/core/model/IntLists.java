package org.lockstep.core.model;

/**
 * A compact list-of-int-lists (CSR layout): the values of row {@code r} are
 * {@code values[offsets[r] .. offsets[r+1])}. Immutable once built.
 */
public final class IntLists {
    private final int[] offsets;
    private final int[] values;

    IntLists(int[] offsets, int[] values) {
        this.offsets = offsets;
        this.values = values;
    }

    public int rows() { return offsets.length - 1; }
    public int start(int row) { return offsets[row]; }
    public int end(int row) { return offsets[row + 1]; }
    public int size(int row) { return offsets[row + 1] - offsets[row]; }
    public int value(int index) { return values[index]; }
    /** Total number of values over all rows. */
    public int total() { return offsets[offsets.length - 1]; }

    /** Appends rows of ints; used by {@link PostTable.Builder}. */
    static final class Builder {
        private int[] offsets = new int[1024];
        private int[] values = new int[1024];
        private int rows;
        private int size;

        void add(int v) {
            if (size == values.length) values = java.util.Arrays.copyOf(values, values.length * 2);
            values[size++] = v;
        }

        /** Closes the current row. */
        void endRow() {
            rows++;
            if (rows == offsets.length) offsets = java.util.Arrays.copyOf(offsets, offsets.length * 2);
            offsets[rows] = size;
        }

        /** Whether the open row already holds {@code v}. */
        boolean rowContains(int v) {
            for (int i = offsets[rows]; i < size; i++) if (values[i] == v) return true;
            return false;
        }

        IntLists build() {
            return new IntLists(java.util.Arrays.copyOf(offsets, rows + 1), java.util.Arrays.copyOf(values, size));
        }
    }
}
