/**
 * Event logs from and to Parquet: the columnar reader (one decoder per leaf column), the check of the sizes a footer
 * and its page headers declare before anything is allocated, and the row writer the decision traces (arena-replay)
 * share.
 */
package org.systemarena.datasets.io.parquet;
