/**
 * Event logs from JSON arrays and JSON Lines, and JSON Lines written back: Jackson for JSON, a byte scanner of its
 * own for JSON Lines (read in parallel ranges for large files), and the JSON cells of the CSV and Parquet readers.
 */
package org.systemarena.datasets.io.json;
