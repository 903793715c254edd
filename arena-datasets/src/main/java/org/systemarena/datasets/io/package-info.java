/**
 * What the event-file readers share, below their formats: the column mapping ({@link
 * org.systemarena.datasets.io.ColumnMapping}, public API), the row buffer every reader fills and the checks it makes
 * before a row becomes an event ({@code RowBuffer}, {@code RowChecks}, {@code PropensityCheck}), string codes
 * straight from decoded chars or bytes ({@code TextCodes}), the timestamp fast path and its error wording ({@code
 * IsoTimes}, {@code TimeText}; the grammar itself is {@link org.systemarena.core.input.IsoTimestamps}), and the
 * errors about empty, non-UTF-8 or oversized files. The formats are {@code io.csv}, {@code io.json} (JSON and JSON
 * Lines) and {@code io.parquet}.
 *
 * <p>Apart from {@code ColumnMapping} the classes here are public only so that the format packages can use them;
 * they are not API and may change in any release. Use {@link org.systemarena.datasets.Datasets} to read and write
 * logs.
 */
package org.systemarena.datasets.io;
