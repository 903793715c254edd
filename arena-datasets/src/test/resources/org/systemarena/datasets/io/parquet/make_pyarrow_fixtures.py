"""Writes the pyarrow-*.parquet fixtures of ParquetForeignFilesTest (pyarrow 25.0.1). Run from this directory."""
import datetime as dt
import decimal

import pyarrow as pa
import pyarrow.parquet as pq

UTC = dt.timezone.utc
ref = pa.struct([("type", pa.string()), ("id", pa.string()), ("role", pa.string())])
table = pa.table({
    "case_id": pa.array(["L1", "L1", "L2"]),
    "timestamp": pa.array([dt.datetime(2024, 3, 1, 9, 0, 0, 123456, tzinfo=UTC),
                           dt.datetime(2024, 3, 1, 9, 5, tzinfo=UTC),
                           dt.datetime(2024, 2, 28, 23, 59, 59, tzinfo=UTC)], type=pa.timestamp("ns", tz="UTC")),
    "event_type": pa.array(["entity.created", "state.changed", "entity.created"]).dictionary_encode(),
    "budget": pa.array([5000, None, 120], type=pa.int64()),
    "score": pa.array([0.5, 1.25, None], type=pa.float64()),
    "vip": pa.array([True, None, False]),
    "small": pa.array([1, 2, 3], type=pa.int8()),
    "due": pa.array([dt.date(2024, 3, 10), None, None], type=pa.date32()),
    "price": pa.array([decimal.Decimal("12.34"), None, decimal.Decimal("-0.05")], type=pa.decimal128(9, 2)),
    "region": pa.array(["EMEA", None, "APAC"], type=pa.large_string()),
    "object_refs": pa.array([[{"type": "lead", "id": "L1", "role": "subject"}, {"type": "account", "id": "A1",
                                                                                  "role": None}],
                             None, []], type=pa.list_(ref)),
    "state_after": pa.array([None, '{"stage": "contacted"}', None]),
})
pq.write_table(table, "pyarrow-v1.parquet", data_page_version="1.0", compression="snappy")
pq.write_table(table, "pyarrow-v2.parquet", data_page_version="2.0", compression="zstd", use_dictionary=False)
