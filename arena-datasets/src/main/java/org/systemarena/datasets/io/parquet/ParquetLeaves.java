package org.systemarena.datasets.io.parquet;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.core.EventLogBuilder.StringField;
import org.systemarena.datasets.io.Canonical;
import org.systemarena.datasets.io.RowBuffer;
import org.systemarena.datasets.io.TimeText;
import org.systemarena.datasets.io.json.JsonCells;
import org.systemarena.datasets.io.parquet.ParquetValues.Shape;

/**
 * The leaf handlers of the Parquet reader. String columns are dictionary-aware: a page dictionary is decoded once
 * into builder codes, and each row then costs an array lookup instead of a UTF-8 decode and a hash lookup.
 */
final class ParquetLeaves {
    private ParquetLeaves() {
    }

    private static String utf8(Binary v) {
        return v.toStringUsingUTF8();
    }

    private static String utf8(byte[] b, int offset, int length) {
        return new String(b, offset, length, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static PrimitiveType typeOf(ColumnDescriptor d) {
        return d.getPrimitiveType();
    }

    /** The case id: strings, or integers taken as their decimal text. Feeds {@link #pending}. */
    static final class CaseId extends ParquetLeaf {
        private static final int EMPTY = -2;
        private final boolean binary;
        private int[] codes;
        private Binary last;
        private int lastCode;
        private final LastBytes lastBytes = new LastBytes();
        int pending;

        CaseId(ColumnDescriptor d, String column, ParquetReadContext context) {
            super(d, column, context);
            PrimitiveTypeName p = typeOf(d).getPrimitiveTypeName();
            Shape shape = ParquetValues.shapeOf(typeOf(d));
            if (!(shape == Shape.STRING || shape == Shape.LONG)) {
                throw context.error("unsupported type " + ParquetValues.describe(typeOf(d))
                        + " for the case id (expected a string or integer column)", column, null);
            }
            binary = p == PrimitiveTypeName.BINARY;
        }

        @Override
        public boolean hasDictionarySupport() {
            return binary;
        }

        @Override
        public void setDictionary(Dictionary dictionary) {
            codes = new int[dictionary.getMaxId() + 1];
            for (int i = 0; i < codes.length; i++) {
                String s = utf8(dictionary.decodeToBinary(i));
                codes[i] = s.isEmpty() ? EMPTY : context.builder.internCaseId(s);
            }
        }

        @Override
        public void addValueFromDictionary(int id) {
            int code = codes[id];
            if (code == EMPTY) {
                throw context.error("empty case id", column, "");
            }
            pending = code;
        }

        @Override
        public void addBinary(Binary value) {
            // Plain-encoded pages (a case-id dictionary overflows on big logs): consecutive rows of one case
            // repeat the id, so compare bytes before decoding and hashing.
            if (last != null && last.equals(value)) {
                pending = lastCode;
                return;
            }
            String s = utf8(value);
            if (s.isEmpty()) {
                throw context.error("empty case id", column, "");
            }
            pending = context.builder.internCaseId(s);
            last = value.copy();
            lastCode = pending;
        }

        @Override
        void addBytes(byte[] b, int offset, int length) {
            if (lastBytes.same(b, offset, length)) {
                pending = lastBytes.code;
                return;
            }
            if (length == 0) {
                throw context.error("empty case id", column, "");
            }
            String id = utf8(b, offset, length);
            if (id.isBlank()) {
                throw context.error("blank case id (only spaces)", column, id);
            }
            pending = context.builder.internCaseId(id);
            lastBytes.set(b, offset, length, pending);
        }

        @Override
        public void addInt(int value) {
            pending = context.builder.internCaseId(Integer.toString(value));
        }

        @Override
        public void addLong(long value) {
            pending = context.builder.internCaseId(Long.toString(value));
        }

        @Override
        void onNull() {
            throw context.error("missing case id", column, null);
        }

        @Override
        boolean ignoresNulls() {
            return false;
        }
    }

    /**
     * The event time: INT64 TIMESTAMP(MILLIS|MICROS|NANOS), plain INT64 as epoch millis, INT32 DATE, INT96, or
     * ISO-8601 text. Feeds {@link #micros}.
     */
    static final class Time extends ParquetLeaf {
        private final Shape shape;
        private final TimeUnit unit;
        private final boolean int96;
        private long[] dictionaryMicros;
        private String[] dictionaryBad;
        long micros;

        Time(ColumnDescriptor d, String column, ParquetReadContext context) {
            super(d, column, context);
            PrimitiveType type = typeOf(d);
            shape = ParquetValues.shapeOf(type);
            unit = ParquetValues.unitOf(type);
            int96 = type.getPrimitiveTypeName() == PrimitiveTypeName.INT96;
            boolean int64 = type.getPrimitiveTypeName() == PrimitiveTypeName.INT64;
            if (!(shape == Shape.INSTANT || shape == Shape.STRING || (shape == Shape.LONG && int64))) {
                throw context.error("unsupported type " + ParquetValues.describe(type) + " for the timestamp "
                        + "(expected INT64 TIMESTAMP, INT64 epoch millis, DATE, INT96 or ISO-8601 text)", column, null);
            }
        }

        @Override
        public boolean hasDictionarySupport() {
            return shape == Shape.STRING;
        }

        @Override
        public void setDictionary(Dictionary dictionary) {
            int n = dictionary.getMaxId() + 1;
            dictionaryMicros = new long[n];
            dictionaryBad = new String[n];
            for (int i = 0; i < n; i++) {
                String s = utf8(dictionary.decodeToBinary(i));
                try {
                    dictionaryMicros[i] = TimeText.parseText(s);
                } catch (IllegalArgumentException e) {
                    dictionaryBad[i] = s; // reported with its row when a row uses it
                }
            }
        }

        @Override
        public void addValueFromDictionary(int id) {
            if (dictionaryBad[id] != null) {
                micros = TimeText.parse(dictionaryBad[id], column, context.locator());
            } else {
                micros = dictionaryMicros[id];
            }
        }

        @Override
        public void addBinary(Binary value) {
            micros = int96 ? ParquetValues.int96ToMicros(value)
                    : TimeText.parse(utf8(value), column, context.locator());
        }

        @Override
        public void addLong(long value) {
            try {
                micros = unit == null ? Math.multiplyExact(value, 1000L) : ParquetValues.timestampToMicros(value, unit);
            } catch (ArithmeticException e) {
                throw context.error("timestamp out of range", column, Long.toString(value));
            }
        }

        @Override
        public void addInt(int value) {
            micros = ParquetValues.dateToMicros(value);
        }

        @Override
        void onNull() {
            throw context.error("missing timestamp", column, null);
        }

        @Override
        boolean ignoresNulls() {
            return false;
        }
    }

    static final class Sequence extends ParquetLeaf {
        Sequence(ColumnDescriptor d, String column, ParquetReadContext context) {
            super(d, column, context);
            Shape shape = ParquetValues.shapeOf(typeOf(d));
            if (shape != Shape.LONG && shape != Shape.DOUBLE) {
                throw context.error("unsupported type " + ParquetValues.describe(typeOf(d))
                        + " for the sequence number (expected an integer column)", column, null);
            }
        }

        /** pandas stores an integer column with gaps as doubles; whole numbers are accepted. */
        @Override
        public void addDouble(double value) {
            if (value != Math.rint(value) || Math.abs(value) >= 0x1p53) {
                throw context.error("expected an integer sequence number", column, Double.toString(value));
            }
            context.builder.sequenceNumber((long) value);
        }

        @Override
        public void addFloat(float value) {
            addDouble(value);
        }

        @Override
        public void addInt(int value) {
            context.builder.sequenceNumber(value);
        }

        @Override
        public void addLong(long value) {
            context.builder.sequenceNumber(value);
        }
    }

    static final class EventId extends ParquetLeaf {
        EventId(ColumnDescriptor d, String column, ParquetReadContext context) {
            super(d, column, context);
            requireTextual(d, column, context, "event id");
        }

        @Override
        public void addBinary(Binary value) {
            context.builder.eventId(utf8(value));
        }

        @Override
        public void addInt(int value) {
            context.builder.eventId(Integer.toString(value));
        }

        @Override
        public void addLong(long value) {
            context.builder.eventId(Long.toString(value));
        }
    }

    private static void requireTextual(ColumnDescriptor d, String column, ParquetReadContext context, String what) {
        Shape shape = ParquetValues.shapeOf(typeOf(d));
        if (!(shape == Shape.STRING || shape == Shape.LONG)) {
            throw context.error("unsupported type " + ParquetValues.describe(typeOf(d)) + " for the " + what
                    + " (expected a string or integer column)", column, null);
        }
    }

    /** A dictionary-encoded string field of the log (event type, channel, actor, ...). */
    static final class Text extends ParquetLeaf {
        private static final int BLANK = -2;
        private final StringField field;
        private final boolean required;
        private final boolean binary;
        private int[] codes;
        private Binary last;
        private int lastCode;
        private final LastBytes lastBytes = new LastBytes();

        Text(ColumnDescriptor d, String column, ParquetReadContext context, StringField field) {
            super(d, column, context);
            requireTextual(d, column, context, field.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            this.field = field;
            this.required = field == StringField.EVENT_TYPE;
            this.binary = typeOf(d).getPrimitiveTypeName() == PrimitiveTypeName.BINARY;
        }

        @Override
        public boolean hasDictionarySupport() {
            return binary;
        }

        @Override
        public void setDictionary(Dictionary dictionary) {
            codes = new int[dictionary.getMaxId() + 1];
            EventLogBuilder b = context.builder;
            for (int i = 0; i < codes.length; i++) {
                String s = utf8(dictionary.decodeToBinary(i));
                codes[i] = required && s.isBlank() ? BLANK : b.intern(field, s);
            }
        }

        @Override
        public void addValueFromDictionary(int id) {
            int code = codes[id];
            if (code == BLANK) {
                throw context.error("blank event type", column, "");
            }
            context.builder.stringCode(field, code);
        }

        @Override
        public void addBinary(Binary value) {
            if (last != null && last.equals(value)) {
                context.builder.stringCode(field, lastCode);
                return;
            }
            String s = utf8(value);
            set(s);
            last = value.copy();
            lastCode = context.builder.intern(field, s);
        }

        @Override
        void addBytes(byte[] b, int offset, int length) {
            if (!lastBytes.same(b, offset, length)) {
                String s = utf8(b, offset, length);
                if (required && s.isBlank()) {
                    throw context.error("blank event type", column, s);
                }
                lastBytes.set(b, offset, length, context.builder.intern(field, s));
            }
            context.builder.stringCode(field, lastBytes.code);
        }

        @Override
        public void addInt(int value) {
            set(Integer.toString(value));
        }

        @Override
        public void addLong(long value) {
            set(Long.toString(value));
        }

        private void set(String s) {
            if (required && s.isBlank()) {
                throw context.error("blank event type", column, s);
            }
            context.builder.string(field, s);
        }

        @Override
        void onNull() {
            if (required) {
                throw context.error("missing event type", column, null);
            }
        }

        @Override
        boolean ignoresNulls() {
            return !required;
        }
    }

    /** A payload attribute column with its value type kept; null cells leave the attribute absent. */
    static final class Attribute extends ParquetLeaf {
        private final Shape shape;
        private final TimeUnit unit;
        private final boolean int96;
        private final int scale;
        private final int keyCode;
        private int[] codes;
        private Binary last;
        private int lastCode;
        private final LastBytes lastBytes = new LastBytes();

        Attribute(ColumnDescriptor d, String column, ParquetReadContext context) {
            super(d, column, context);
            PrimitiveType type = typeOf(d);
            shape = ParquetValues.shapeOf(type);
            if (shape == Shape.UNSUPPORTED) {
                throw context.error("unsupported column type " + ParquetValues.describe(type)
                        + " (supported: strings, integers, floating point, booleans, decimals, timestamps, dates)",
                        column, null);
            }
            unit = ParquetValues.unitOf(type);
            int96 = type.getPrimitiveTypeName() == PrimitiveTypeName.INT96;
            scale = shape == Shape.DECIMAL ? ParquetValues.scaleOf(type) : 0;
            keyCode = context.builder.internPayloadKey(column);
        }

        @Override
        public boolean hasDictionarySupport() {
            return shape == Shape.STRING;
        }

        @Override
        public void setDictionary(Dictionary dictionary) {
            codes = new int[dictionary.getMaxId() + 1];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = context.builder.internAttributeString(utf8(dictionary.decodeToBinary(i)));
            }
        }

        @Override
        public void addValueFromDictionary(int id) {
            context.builder.payloadStringCode(keyCode, codes[id]);
        }

        @Override
        public void addBinary(Binary value) {
            EventLogBuilder b = context.builder;
            if (shape == Shape.DECIMAL) {
                b.payloadDouble(keyCode, ParquetValues.decimal(value, scale));
            } else if (int96) {
                b.payloadInstant(keyCode, ParquetValues.int96ToMicros(value));
            } else {
                if (last == null || !last.equals(value)) {
                    lastCode = b.internAttributeString(utf8(value));
                    last = value.copy();
                }
                b.payloadStringCode(keyCode, lastCode);
            }
        }

        @Override
        void addBytes(byte[] bytes, int offset, int length) {
            if (shape != Shape.STRING) {
                super.addBytes(bytes, offset, length);
                return;
            }
            if (!lastBytes.same(bytes, offset, length)) {
                lastBytes.set(bytes, offset, length,
                        context.builder.internAttributeString(utf8(bytes, offset, length)));
            }
            context.builder.payloadStringCode(keyCode, lastBytes.code);
        }

        @Override
        public void addLong(long value) {
            EventLogBuilder b = context.builder;
            if (shape == Shape.INSTANT) {
                b.payloadInstant(keyCode, ParquetValues.timestampToMicros(value, unit));
            } else if (shape == Shape.DECIMAL) {
                b.payloadDouble(keyCode, ParquetValues.decimal(value, scale));
            } else {
                b.payloadLong(keyCode, value);
            }
        }

        @Override
        public void addInt(int value) {
            EventLogBuilder b = context.builder;
            if (shape == Shape.INSTANT) {
                b.payloadInstant(keyCode, ParquetValues.dateToMicros(value));
            } else if (shape == Shape.DECIMAL) {
                b.payloadDouble(keyCode, ParquetValues.decimal(value, scale));
            } else {
                b.payloadLong(keyCode, value);
            }
        }

        @Override
        public void addDouble(double value) {
            context.builder.payloadDouble(keyCode, value);
        }

        @Override
        public void addFloat(float value) {
            context.builder.payloadDouble(keyCode, value);
        }

        @Override
        public void addBoolean(boolean value) {
            context.builder.payloadBoolean(keyCode, value);
        }
    }

    /**
     * A column holding JSON text for a structured field ({@code object_refs}, {@code actor}, {@code state_before},
     * {@code state_after}, {@code outcome_labels}, {@code payload}).
     */
    static final class JsonText extends ParquetLeaf {
        private final Canonical role;
        private final RowBuffer row;

        JsonText(ColumnDescriptor d, String column, ParquetReadContext context, Canonical role) {
            super(d, column, context);
            if (ParquetValues.shapeOf(typeOf(d)) != Shape.STRING) {
                throw context.error("unsupported type " + ParquetValues.describe(typeOf(d)) + " for " + column
                        + " (expected JSON text in a string column, or for object_refs a list of struct)",
                        column, null);
            }
            this.role = role;
            this.row = new RowBuffer(context.builder);
        }

        @Override
        public void addBinary(Binary value) {
            row.clear();
            JsonCells.parse(value.getBytes(), role, column, row, context.locator());
            row.emitFields();
        }
    }

    /** Captures the last value written to a leaf of a nested group (object references). */
    static final class Capture extends ParquetLeaf {
        private final boolean binary;
        private String[] strings;
        private String value;

        Capture(ColumnDescriptor d, String column, ParquetReadContext context) {
            super(d, column, context);
            requireTextual(d, column, context, "object reference field");
            binary = typeOf(d).getPrimitiveTypeName() == PrimitiveTypeName.BINARY;
        }

        @Override
        public boolean hasDictionarySupport() {
            return binary;
        }

        /** Each entry is decoded once; the object reference table then hashes the same String instances. */
        @Override
        public void setDictionary(Dictionary dictionary) {
            strings = new String[dictionary.getMaxId() + 1];
            for (int i = 0; i < strings.length; i++) {
                strings[i] = utf8(dictionary.decodeToBinary(i));
            }
        }

        @Override
        public void addValueFromDictionary(int id) {
            value = strings[id];
        }

        @Override
        void addBytes(byte[] b, int offset, int length) {
            value = utf8(b, offset, length);
        }

        /** The current value of this leaf (null when not defined) without consuming it. */
        String current() {
            value = null;
            if (reader.isDefined()) {
                reader.write();
            }
            return value;
        }

        @Override
        public void addBinary(Binary v) {
            value = utf8(v);
        }

        @Override
        public void addInt(int v) {
            value = Integer.toString(v);
        }

        @Override
        public void addLong(long v) {
            value = Long.toString(v);
        }
    }
}
