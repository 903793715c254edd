package org.systemarena.datasets.io.parquet;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.systemarena.core.Timestamps;

/** How a Parquet primitive type maps to an attribute value, and the conversions it needs. */
final class ParquetValues {
    /** Julian day number of 1970-01-01, the epoch of INT96 timestamps' day part. */
    private static final long JULIAN_EPOCH_DAY = 2_440_588L;

    enum Shape {
        STRING, LONG, DOUBLE, BOOLEAN, INSTANT, DECIMAL, UNSUPPORTED
    }

    private ParquetValues() {
    }

    static Shape shapeOf(PrimitiveType type) {
        LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
        PrimitiveTypeName p = type.getPrimitiveTypeName();
        if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
            return Shape.DECIMAL;
        }
        switch (p) {
            case BINARY:
                return a == null || a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                        || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                        || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation ? Shape.STRING
                        : Shape.UNSUPPORTED;
            case INT32:
                return a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation ? Shape.INSTANT
                        : a == null || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation ? Shape.LONG
                        : Shape.UNSUPPORTED;
            case INT64:
                return a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ? Shape.INSTANT
                        : a == null || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation ? Shape.LONG
                        : Shape.UNSUPPORTED;
            case INT96:
                return Shape.INSTANT;
            case FLOAT:
            case DOUBLE:
                return Shape.DOUBLE;
            case BOOLEAN:
                return Shape.BOOLEAN;
            default:
                return Shape.UNSUPPORTED;
        }
    }

    /** A readable name of a column's type for error messages, e.g. {@code INT64 TIMESTAMP(MICROS,true)}. */
    static String describe(PrimitiveType type) {
        LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
        return type.getPrimitiveTypeName() + (a == null ? "" : " " + a);
    }

    /** An INT64 timestamp value in the column's unit to micros; plain INT64 is not a timestamp type here. */
    static long timestampToMicros(long value, TimeUnit unit) {
        switch (unit) {
            case MILLIS:
                return Math.multiplyExact(value, 1000L);
            case NANOS:
                return Math.floorDiv(value, 1000L);
            default:
                return value;
        }
    }

    /** The unit of an INT64 TIMESTAMP column, or null for a plain INT64 (taken as epoch millis). */
    static TimeUnit unitOf(PrimitiveType type) {
        LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
        return a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t ? t.getUnit() : null;
    }

    /** INT96 (legacy Impala/Spark): 8 bytes nanos of day then 4 bytes Julian day, little-endian. */
    static long int96ToMicros(Binary value) {
        ByteBuffer buf = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = buf.getLong();
        long julianDay = Integer.toUnsignedLong(buf.getInt());
        return (julianDay - JULIAN_EPOCH_DAY) * Timestamps.MICROS_PER_DAY + nanosOfDay / 1000L;
    }

    static long dateToMicros(int days) {
        return days * Timestamps.MICROS_PER_DAY;
    }

    static int scaleOf(PrimitiveType type) {
        return ((LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) type.getLogicalTypeAnnotation()).getScale();
    }

    static double decimal(long unscaled, int scale) {
        return BigDecimal.valueOf(unscaled, scale).doubleValue();
    }

    static double decimal(Binary unscaled, int scale) {
        return new BigDecimal(new BigInteger(unscaled.getBytes()), scale).doubleValue();
    }
}
