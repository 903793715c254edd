/**
 * What every reader of user input shares, written once: the CSV tokenizer ({@link
 * org.systemarena.core.input.CsvTokenizer}), the ISO-8601 timestamp grammar ({@link
 * org.systemarena.core.input.IsoTimestamps}) and the "did you mean" rule ({@link
 * org.systemarena.core.input.Suggestions}). The event-file readers (arena-datasets), the process-mining readers
 * (arena-integrations), manifests, rules files and expressions use them, so a CSV, a timestamp or a typo is read the
 * same way whichever file it is in.
 */
package org.systemarena.core.input;
