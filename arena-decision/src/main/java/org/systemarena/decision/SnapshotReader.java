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
    private final byte[] source;
    private final int[] arg; // feature index, built-in number or attribute number
    private final Map<String, Integer> attributeNumbers;

    private SnapshotReader(List<String> names, List<String> featureNames) {
        this.names = List.copyOf(names);
        int n = this.names.size();
        source = new byte[n];
        arg = new int[n];
        attributeNumbers = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String name = Objects.requireNonNull(this.names.get(i), "name");
            int feature = featureNames.indexOf(name);
            int builtIn = builtIn(name);
            if (feature >= 0) {
                source[i] = FEATURE;
                arg[i] = feature;
            } else if (builtIn >= 0) {
                source[i] = BUILT_IN;
                arg[i] = builtIn;
            } else if (name.startsWith(SnapshotNames.EVENT_PREFIX) || name.startsWith(SnapshotNames.STATE_PREFIX)) {
                source[i] = LOOKUP;
            } else {
                source[i] = ATTRIBUTE;
                arg[i] = attributeNumbers.computeIfAbsent(name, k -> attributeNumbers.size());
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
        // The attribute names array the mapping was made for: consecutive snapshots of a case share it until a new
        // field appears, and it is never written after it is made (CaseWalker), so identity says the mapping holds.
        private String[] mappedNames;
        private final int[] slotOf = new int[attributeNumbers.size()];

        private Cursor() {
        }

        /** Hands every name's value in {@code snapshot} to {@code sink}, in the order of {@link #names()}. */
        public void read(CaseSnapshot snapshot, Sink sink) {
            if (!(snapshot instanceof PointInTimeSnapshot s)) {
                for (int i = 0; i < source.length; i++) {
                    emit(snapshot.get(names.get(i)), i, sink);
                }
                return;
            }
            ValueSlots attributes = s.attributes();
            if (slotOf.length > 0 && attributes.names() != mappedNames) {
                map(attributes.names());
            }
            for (int i = 0; i < source.length; i++) {
                switch (source[i]) {
                    case FEATURE -> emit(s.featureValue(arg[i]), i, sink);
                    case BUILT_IN -> s.readBuiltIn(arg[i], i, sink);
                    case ATTRIBUTE -> {
                        int slot = slotOf[arg[i]];
                        if (slot < 0) {
                            sink.nullValue(i);
                        } else {
                            attributes.read(slot, i, sink);
                        }
                    }
                    default -> emit(s.get(names.get(i)), i, sink);
                }
            }
        }

        private void map(String[] slotNames) {
            Arrays.fill(slotOf, -1);
            for (int slot = 0; slot < slotNames.length; slot++) {
                Integer number = attributeNumbers.get(slotNames[slot]);
                if (number != null) {
                    slotOf[number] = slot;
                }
            }
            mappedNames = slotNames;
        }
    }
}
