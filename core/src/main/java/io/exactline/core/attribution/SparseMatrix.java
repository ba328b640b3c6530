package io.exactline.core.attribution;

import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * A sparse matrix held both by columns and by rows, so that {@code A e_u} and {@code A^T e_u} cost the number of
 * non-zeros of one column or row: what incremental tangent and adjoint updates need.
 */
final class SparseMatrix {
    private final int rows;
    private final int columns;
    private final int[] columnStart;
    private final int[] columnRows;
    private final double[] columnValues;
    private final int[] rowStart;
    private final int[] rowColumns;
    private final double[] rowValues;

    /** One column's non-zeros: row indices ascending and their values. */
    record Column(int[] rows, double[] values) {
    }

    private SparseMatrix(int rows, int columns, Column[] byColumn) {
        this.rows = rows;
        this.columns = columns;
        int nonZeros = 0;
        for (Column c : byColumn) {
            nonZeros += c.rows().length;
        }
        columnStart = new int[columns + 1];
        columnRows = new int[nonZeros];
        columnValues = new double[nonZeros];
        int[] perRow = new int[rows + 1];
        int at = 0;
        for (int c = 0; c < columns; c++) {
            columnStart[c] = at;
            Column column = byColumn[c];
            System.arraycopy(column.rows(), 0, columnRows, at, column.rows().length);
            System.arraycopy(column.values(), 0, columnValues, at, column.values().length);
            at += column.rows().length;
            for (int r : column.rows()) {
                perRow[r + 1]++;
            }
        }
        columnStart[columns] = at;
        rowStart = new int[rows + 1];
        for (int r = 0; r < rows; r++) {
            rowStart[r + 1] = rowStart[r] + perRow[r + 1];
        }
        rowColumns = new int[nonZeros];
        rowValues = new double[nonZeros];
        int[] fill = rowStart.clone();
        for (int c = 0; c < columns; c++) {
            for (int k = columnStart[c]; k < columnStart[c + 1]; k++) {
                int slot = fill[columnRows[k]]++;
                rowColumns[slot] = c;
                rowValues[slot] = columnValues[k];
            }
        }
    }

    /** The {@code rows × columns} matrix whose column {@code c} is {@code column.apply(c)} (called in parallel). */
    static SparseMatrix ofColumns(int rows, int columns, IntFunction<Column> column) {
        Column[] byColumn = new Column[columns];
        IntStream.range(0, columns).parallel().forEach(c -> byColumn[c] = column.apply(c));
        return new SparseMatrix(rows, columns, byColumn);
    }

    /** The non-zeros of a dense column vector. */
    static Column nonZeros(double[] dense) {
        int count = 0;
        for (double v : dense) {
            if (v != 0) {
                count++;
            }
        }
        int[] index = new int[count];
        double[] values = new double[count];
        int k = 0;
        for (int i = 0; i < dense.length; i++) {
            if (dense[i] != 0) {
                index[k] = i;
                values[k++] = dense[i];
            }
        }
        return new Column(index, values);
    }

    int rows() {
        return rows;
    }

    int columns() {
        return columns;
    }

    /** {@code A x}. */
    double[] multiply(double[] x) {
        double[] y = new double[rows];
        for (int c = 0; c < columns; c++) {
            double v = x[c];
            if (v != 0) {
                for (int k = columnStart[c]; k < columnStart[c + 1]; k++) {
                    y[columnRows[k]] += v * columnValues[k];
                }
            }
        }
        return y;
    }

    /** {@code A^T y}. */
    double[] multiplyTransposed(double[] y) {
        double[] x = new double[columns];
        for (int r = 0; r < rows; r++) {
            double v = y[r];
            if (v != 0) {
                for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                    x[rowColumns[k]] += v * rowValues[k];
                }
            }
        }
        return x;
    }

    /** Adds {@code factor × column c} to {@code dense} and lists the entries touched in {@code touched}. */
    void addColumn(int c, double factor, double[] dense, IndexList touched) {
        for (int k = columnStart[c]; k < columnStart[c + 1]; k++) {
            int r = columnRows[k];
            dense[r] += factor * columnValues[k];
            touched.add(r);
        }
    }

    /** Adds {@code factor × row r} (a vector over the columns) to {@code dense} and lists them in {@code touched}. */
    void addRow(int r, double factor, double[] dense, IndexList touched) {
        for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
            int c = rowColumns[k];
            dense[c] += factor * rowValues[k];
            touched.add(c);
        }
    }
}
