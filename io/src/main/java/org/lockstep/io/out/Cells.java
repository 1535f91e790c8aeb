package org.lockstep.io.out;

/**
 * A row-by-row table sink: the same row code writes a CSV for people ({@link CsvWriter}) and a Parquet file
 * for machines ({@link ParquetWriter}). A null text is a missing value; so are non-finite numbers.
 */
public interface Cells {
    Cells cell(String value);

    Cells cell(long value);

    Cells cell(double value);

    Cells cell(boolean value);

    Cells endRow();
}
