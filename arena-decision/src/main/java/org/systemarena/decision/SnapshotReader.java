package org.systemarena.decision;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.systemarena.core.CaseSnapshot;

/**
 * Reads a fixed list of snapshot names from every snapshot of one extractor, each value exactly as
 * {@link CaseSnapshot#get} returns it (so with the same precedence: features, built-ins, {@code event.*} /
 * {@code state.*}, case attributes), into a {@link Sink} by index. It exists for the replay, which records such a list
 * at every decision point: each name is resolved once here instead of by string on every call, case attributes are
 * matched to the snapshot's slots once per set of names a case has (not per name and snapshot), and numbers reach the
 * sink unboxed.
 *
 * <p>A reader is immutable and may be shared; a {@link Cursor} remembers the last slot mapping and serves one thread.
 */
public final class SnapshotReader {
    /** Receives the values of one snapshot, {@code index} being the name's position in {@link #names()}. */
    public interface Sink {
        /** The name has no value (null, or not answered by this snapshot). */
        void nullValue(int index);

        void longValue(int index, long value);

        void doubleValue(int index, double value);

        void booleanValue(int index, boolean value);

        void textValue(int index, String value);

        /** Any other value: an {@code Instant}, or what a custom feature returned. */
        void objectValue(int index, Object value);
    }

    private static final byte FEATURE = 0;
    private static final byte BUILT_IN = 1;
    private static final byte ATTRIBUTE = 2;
    private static final byte LOOKUP = 3; // event.x, state.x: looked up by name (rarely asked for)

    // Built-ins read from the snapshot's running totals (see PointInTimeSnapshot#readBuiltIn)
    static final int DAYS_SINCE_LAST_CONTACT = 0;
    static final int TOTAL_INTERACTIONS = 1;
    static final int TOTAL_EVENTS = 2;
    static final int TIME_SINCE_CREATED_DAYS = 3;
    static final int TIME_IN_CURRENT_STATE_DAYS = 4;
    static final int STATUS = 5;
    static final int EVENT_TYPE = 6;
    static final int ACTIVITY = 7;

    private final List<String> names;
    // The names by where their values come from, each as (index into names, what to read): one loop per source, so
    // reading a snapshot is a few tight loops rather than a switch per name.
    private final int[] builtInIndex;
    private final int[] builtIn;
    private final int[] attributeIndex;
    private final int[] attribute; // attribute number: a slot of the cursor's mapping
    private final int[] featureIndex;
    private final int[] feature;
    private final int[] lookupIndex;
    private final Map<String, Integer> attributeNumbers;

    private SnapshotReader(List<String> names, List<String> featureNames) {
        this.names = List.copyOf(names);
        int n = this.names.size();
        byte[] source = new byte[n];
        int[] arg = new int[n];
        int[] count = new int[4];
        attributeNumbers = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String name = Objects.requireNonNull(this.names.get(i), "name");
            int f = featureNames.indexOf(name);
            int b = builtIn(name);
            if (f >= 0) {
                source[i] = FEATURE;
                arg[i] = f;
            } else if (b >= 0) {
                source[i] = BUILT_IN;
                arg[i] = b;
            } else if (name.startsWith(SnapshotNames.EVENT_PREFIX) || name.startsWith(SnapshotNames.STATE_PREFIX)) {
                source[i] = LOOKUP;
            } else {
                source[i] = ATTRIBUTE;
                arg[i] = attributeNumbers.computeIfAbsent(name, k -> attributeNumbers.size());
            }
            count[source[i]]++;
        }
        featureIndex = new int[count[FEATURE]];
        feature = new int[count[FEATURE]];
        builtInIndex = new int[count[BUILT_IN]];
        builtIn = new int[count[BUILT_IN]];
        attributeIndex = new int[count[ATTRIBUTE]];
        attribute = new int[count[ATTRIBUTE]];
        lookupIndex = new int[count[LOOKUP]];
        Arrays.fill(count, 0);
        for (int i = 0; i < n; i++) {
            int k = count[source[i]]++;
            switch (source[i]) {
                case FEATURE -> {
                    featureIndex[k] = i;
                    feature[k] = arg[i];
                }
                case BUILT_IN -> {
                    builtInIndex[k] = i;
                    builtIn[k] = arg[i];
                }
                case ATTRIBUTE -> {
                    attributeIndex[k] = i;
                    attribute[k] = arg[i];
                }
                default -> lookupIndex[k] = i;
            }
        }
    }

    /** A reader of {@code names} (any strings: a name no snapshot answers reads as null) on the extractor's points. */
    public static SnapshotReader of(DecisionPointExtractor extractor, List<String> names) {
        return new SnapshotReader(Objects.requireNonNull(names, "names"), extractor.featureNames);
    }

    public List<String> names() {
        return names;
    }

    /** A cursor for one thread. */
    public Cursor cursor() {
        return new Cursor();
    }

    private static int builtIn(String name) {
        return switch (name) {
            case SnapshotNames.DAYS_SINCE_LAST_CONTACT, SnapshotNames.DAYS_SINCE_LAST_INTERACTION ->
                    DAYS_SINCE_LAST_CONTACT;
            case SnapshotNames.TOTAL_INTERACTIONS -> TOTAL_INTERACTIONS;
            case SnapshotNames.TOTAL_EVENTS -> TOTAL_EVENTS;
            case SnapshotNames.TIME_SINCE_CREATED_DAYS -> TIME_SINCE_CREATED_DAYS;
            case SnapshotNames.TIME_IN_CURRENT_STATE_DAYS -> TIME_IN_CURRENT_STATE_DAYS;
            case SnapshotNames.STATUS -> STATUS;
            case SnapshotNames.EVENT_TYPE -> EVENT_TYPE;
            case SnapshotNames.ACTIVITY -> ACTIVITY;
            default -> -1;
        };
    }

    static void emit(Object value, int index, Sink sink) {
        if (value == null) {
            sink.nullValue(index);
        } else if (value instanceof String s) {
            sink.textValue(index, s);
        } else if (value instanceof Long l) {
            sink.longValue(index, l);
        } else if (value instanceof Double d) {
            sink.doubleValue(index, d);
        } else if (value instanceof Boolean b) {
            sink.booleanValue(index, b);
        } else {
            sink.objectValue(index, value);
        }
    }

    /** Reads snapshots for one thread. */
    public final class Cursor {
        // The attribute names, slot by slot, the mapping was made for: consecutive snapshots of a case share one
        // array until a new field appears, and it is never written after it is made (CaseWalker), so identity says
        // the mapping holds. The names are the log's dictionary instances, and cases mostly meet their fields in the
        // same order, so a new array usually starts with the same instances: only the slots after them are looked up.
        private String[] mappedNames = new String[0];
        private int[] numberAt = new int[8]; // slot -> attribute number, -1 when not read
        private final int[] slotOf = new int[attributeNumbers.size()]; // attribute number -> slot, -1 when absent
        // Slot names met so far, by identity (open addressing on the cached hash), with their attribute number or -1:
        // a log has one instance per field name, so this stays small and spares a lookup by content per new slot.
        private String[] known = new String[32];
        private int[] knownNumber = new int[32];
        private int knownCount;

        private Cursor() {
            Arrays.fill(slotOf, -1);
        }

        /**
         * Hands the value of every name in {@code snapshot} to {@code sink}, each index exactly once (grouped by
         * where the values come from, not in the order of {@link #names()}).
         */
        public void read(CaseSnapshot snapshot, Sink sink) {
            if (!(snapshot instanceof PointInTimeSnapshot s)) {
                for (int i = 0; i < names.size(); i++) {
                    emit(snapshot.get(names.get(i)), i, sink);
                }
                return;
            }
            for (int k = 0; k < builtIn.length; k++) {
                s.readBuiltIn(builtIn[k], builtInIndex[k], sink);
            }
            if (attribute.length > 0) {
                ValueSlots attributes = s.attributes();
                if (attributes.names() != mappedNames) {
                    map(attributes.names());
                }
                for (int k = 0; k < attribute.length; k++) {
                    int slot = slotOf[attribute[k]];
                    if (slot < 0) {
                        sink.nullValue(attributeIndex[k]);
                    } else {
                        attributes.read(slot, attributeIndex[k], sink);
                    }
                }
            }
            for (int k = 0; k < feature.length; k++) {
                emit(s.featureValue(feature[k]), featureIndex[k], sink);
            }
            for (int i : lookupIndex) {
                emit(s.get(names.get(i)), i, sink);
            }
        }

        private void map(String[] slotNames) {
            int same = 0;
            int common = Math.min(slotNames.length, mappedNames.length);
            while (same < common && slotNames[same] == mappedNames[same]) {
                same++;
            }
            for (int slot = same; slot < mappedNames.length; slot++) {
                if (numberAt[slot] >= 0) {
                    slotOf[numberAt[slot]] = -1;
                }
            }
            if (numberAt.length < slotNames.length) {
                numberAt = Arrays.copyOf(numberAt, Math.max(slotNames.length, 2 * numberAt.length));
            }
            for (int slot = same; slot < slotNames.length; slot++) {
                int number = number(slotNames[slot]);
                numberAt[slot] = number;
                if (number >= 0) {
                    slotOf[number] = slot;
                }
            }
            mappedNames = slotNames;
        }

        private int number(String name) {
            int mask = known.length - 1;
            int h = name.hashCode();
            int i = (h ^ (h >>> 16)) & mask;
            for (String k; (k = known[i]) != null; i = (i + 1) & mask) {
                if (k == name) {
                    return knownNumber[i];
                }
            }
            Integer n = attributeNumbers.get(name);
            int number = n == null ? -1 : n;
            if (2 * (knownCount + 1) > known.length) {
                String[] oldNames = known;
                int[] oldNumbers = knownNumber;
                known = new String[oldNames.length * 2];
                knownNumber = new int[oldNames.length * 2];
                knownCount = 0;
                for (int j = 0; j < oldNames.length; j++) {
                    if (oldNames[j] != null) {
                        remember(oldNames[j], oldNumbers[j]);
                    }
                }
            }
            remember(name, number);
            return number;
        }

        private void remember(String name, int number) {
            int mask = known.length - 1;
            int h = name.hashCode();
            int i = (h ^ (h >>> 16)) & mask;
            while (known[i] != null) {
                i = (i + 1) & mask;
            }
            known[i] = name;
            knownNumber[i] = number;
            knownCount++;
        }
    }
}
