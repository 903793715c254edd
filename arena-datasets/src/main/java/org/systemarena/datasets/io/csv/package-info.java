/** Event logs from CSV ({@link org.systemarena.datasets.io.csv.CsvEventReader}), on arena-core's CSV tokenizer. */
package org.systemarena.datasets.io.csv;
