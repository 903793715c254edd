package org.systemarena.datasets.io;

import java.util.Arrays;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.core.EventLogBuilder.StringField;
import org.systemarena.core.StringDictionary;
import org.systemarena.core.ValueKind;

/**
 * One input row collected before it is handed to the {@link EventLogBuilder}: text formats may give the case id and
 * timestamp after other fields, and the builder needs them first. Reused for every row of one builder; holds no
 * per-row objects besides strings the parser made or cached.
 *
 * <p>String fields arrive as builder codes: each parser maps a value's chars or bytes to its code through the
 * {@link TextCodes} of its field. Text is kept only where something needs it (the row checks, state and outcome
 * labels).
 */
public final class RowBuffer {
    public static final int PAYLOAD = 0;
    public static final int STATE_BEFORE = 1;
    public static final int STATE_AFTER = 2;
    public static final int OUTCOME_LABELS = 3;
    /** The members of an object reference, as indexes of {@link #refText}. */
    public static final int REF_TYPE = 0;
    public static final int REF_ID = 1;
    public static final int REF_ROLE = 2;

    private static final StringField[] FIELD_VALUES = StringField.values();
    private static final int FIELDS = FIELD_VALUES.length;
    private static final int NULL = StringDictionary.NULL;
    private static final int EVENT_TYPE = StringField.EVENT_TYPE.ordinal();

    private final EventLogBuilder builder;
    public String caseId;
    /** The case id's code; {@link StringDictionary#NULL} when it is missing. */
    int caseCode = NULL;
    public boolean hasTimestamp;
    public long timestamp;
    public long sequence = EventLogBuilder.NO_SEQUENCE;
    public String eventId;
    /** The event type's text, for the row checks; the other string fields are kept as codes only. */
    String eventType;
    private final int[] fieldCodes = new int[FIELDS];
    /** The fields set on this row (bit {@code 1 << field}): only those are emitted and cleared. */
    private int fieldsSet;

    /** Parsing helpers reused across rows. */
    private final CharSlice slice = new CharSlice();
    public final IsoTimes times = new IsoTimes();
    /** Codes straight from decoded characters, per field (see {@link TextCodes}). */
    public final TextCodes caseIdText;
    public final TextCodes[] fieldText = new TextCodes[FIELDS];
    /** Object reference types, ids and roles, by {@link #REF_TYPE}, {@link #REF_ID} and {@link #REF_ROLE}. */
    public final TextCodes[] refText;
    public final TextCodes attributeText;

    /** Column roles by the identity of the parser's canonical field-name instances (see {@link #roleOf}). */
    private ColumnMapping roleMapping;
    private final String[] roleNames = new String[256];
    private final Canonical[] roles = new Canonical[256];
    private int roleCount;

    /** Codes of payload keys, by String instance (a parser's canonical member name, a CSV header). */
    private final CodeMemo keyMemo;

    private int[] refTypes = new int[4];
    private int[] refIds = new int[4];
    private int[] refRoles = new int[4];
    private int refCount;

    private byte[] targets = new byte[16];
    private String[] keys = new String[16];
    /** A payload key's code when it came with one, else {@link StringDictionary#NULL}. */
    private int[] keyCodes = new int[16];
    private byte[] kinds = new byte[16];
    private long[] raws = new long[16];
    private String[] texts = new String[16];
    private int attributeCount;

    public RowBuffer(EventLogBuilder builder) {
        this.builder = builder;
        caseIdText = new TextCodes(4096, builder::internCaseId);
        for (StringField f : FIELD_VALUES) {
            fieldText[f.ordinal()] = new TextCodes(f == StringField.ACTOR_ID ? 4096 : 1024,
                    value -> builder.intern(f, value));
        }
        refText = new TextCodes[] {new TextCodes(64, builder::internObjectRefType),
            new TextCodes(4096, builder::internObjectRefId), new TextCodes(64, builder::internObjectRefRole)};
        attributeText = new TextCodes(4096, builder::internAttributeString);
        keyMemo = new CodeMemo(256, builder::internPayloadKey);
        Arrays.fill(fieldCodes, NULL);
    }

    /**
     * The role of a column name. Jackson hands out one canonical String instance per field name, so an identity
     * hit skips the mapping's hash lookup; other instances (or a collision) just take the lookup.
     */
    public Canonical roleOf(ColumnMapping mapping, String name) {
        if (roleMapping != mapping) {
            roleMapping = mapping;
            java.util.Arrays.fill(roleNames, null);
            roleCount = 0;
        }
        int mask = roleNames.length - 1;
        int slot = (name.hashCode() ^ (name.hashCode() >>> 16)) & mask;
        String seen;
        while ((seen = roleNames[slot]) != null) { // linear probing; at most half full
            if (seen == name) {
                return roles[slot];
            }
            slot = (slot + 1) & mask;
        }
        Canonical role = mapping.roleOf(name);
        if (roleCount < roleNames.length / 2) {
            roleNames[slot] = name;
            roles[slot] = role;
            roleCount++;
        }
        return role;
    }

    /** The builder's code of a payload key. */
    public int payloadKey(String key) {
        return keyMemo.code(key);
    }

    public void clear() {
        caseId = null;
        caseCode = NULL;
        hasTimestamp = false;
        sequence = EventLogBuilder.NO_SEQUENCE;
        eventId = null;
        for (int set = fieldsSet; set != 0; set &= set - 1) {
            fieldCodes[Integer.numberOfTrailingZeros(set)] = NULL;
        }
        fieldsSet = 0;
        eventType = null;
        refCount = 0;
        attributeCount = 0;
    }

    /**
     * Sets the timestamp from text in {@code chars[offset, offset + length)}: the common ISO-8601 form directly,
     * any other through {@link TimeText}, which reports one it cannot parse.
     */
    public void timestamp(char[] chars, int offset, int length, String column, Locator at) {
        long micros = times.parse(chars, offset, length);
        timestamp = micros != IsoTimes.OTHER ? micros : TimeText.parse(slice.set(chars, offset, length), column, at);
        hasTimestamp = true;
    }

    /** Sets the case id from the last {@link #caseIdText} lookup, or clears it for {@link StringDictionary#NULL}. */
    public void caseId(int code) {
        caseCode = code;
        caseId = code == NULL ? null : caseIdText.value();
    }

    /** Sets a string field from the last lookup of its {@link #fieldText}, or clears it. */
    public void field(int field, int code) {
        fieldCodes[field] = code;
        fieldsSet |= 1 << field;
        if (field == EVENT_TYPE) {
            eventType = code == NULL ? null : fieldText[field].value();
        }
    }

    /** An object reference by codes from {@link #refText}. */
    public void objectRef(int type, int id, int role) {
        if (refCount == refTypes.length) {
            refTypes = Arrays.copyOf(refTypes, refCount * 2);
            refIds = Arrays.copyOf(refIds, refCount * 2);
            refRoles = Arrays.copyOf(refRoles, refCount * 2);
        }
        refTypes[refCount] = type;
        refIds[refCount] = id;
        refRoles[refCount] = role;
        refCount++;
    }

    /**
     * A string attribute with its code from the last lookup of {@link #attributeText}, and its key's code from
     * {@link #payloadKey} (or {@link StringDictionary#NULL}). Its text is kept only for the targets the builder takes
     * as text (state and outcome labels); a payload value goes to the builder as its code.
     */
    public void string(int target, String key, int keyCode, int code) {
        attribute(target, key, keyCode, ValueKind.STRING, code, target == PAYLOAD ? null : attributeText.value());
    }

    public void attribute(int target, String key, ValueKind kind, long raw, String text) {
        attribute(target, key, NULL, kind, raw, text);
    }

    /** An attribute whose key comes with its code from {@link #payloadKey} (or {@link StringDictionary#NULL}). */
    public void attribute(int target, String key, int keyCode, ValueKind kind, long raw, String text) {
        int i = attributeCount;
        if (i == keys.length) {
            int cap = i * 2;
            targets = Arrays.copyOf(targets, cap);
            keys = Arrays.copyOf(keys, cap);
            keyCodes = Arrays.copyOf(keyCodes, cap);
            kinds = Arrays.copyOf(kinds, cap);
            raws = Arrays.copyOf(raws, cap);
            texts = Arrays.copyOf(texts, cap);
        }
        targets[i] = (byte) target;
        keys[i] = key;
        keyCodes[i] = keyCode;
        kinds[i] = kind.code();
        raws[i] = raw;
        texts[i] = text;
        attributeCount++;
    }

    /** The propensity check of {@link #checkPropensity}, made for the first mapping that asks for one. */
    private PropensityCheck propensity;
    private ColumnMapping propensityMapping;

    /** Checks the logged propensity of the row just emitted, when the mapping names one. */
    void checkPropensity(ColumnMapping mapping, Locator at) {
        if (mapping.propensityField() == null) {
            return;
        }
        if (propensityMapping != mapping) {
            propensity = PropensityCheck.of(mapping, builder);
            propensityMapping = mapping;
        }
        propensity.check(at);
    }

    /** Starts the event in the builder and sets everything collected; case id and timestamp must be present. */
    void emit() {
        builder.startEventForCase(caseCode, timestamp);
        emitFields();
    }

    /** Sets everything collected except case id and timestamp on the builder's current event. */
    public void emitFields() {
        EventLogBuilder b = builder;
        if (sequence != EventLogBuilder.NO_SEQUENCE) {
            b.sequenceNumber(sequence);
        }
        if (eventId != null) {
            b.eventId(eventId);
        }
        StringField[] fields = FIELD_VALUES;
        for (int set = fieldsSet; set != 0; set &= set - 1) {
            int f = Integer.numberOfTrailingZeros(set);
            if (fieldCodes[f] != NULL) {
                b.stringCode(fields[f], fieldCodes[f]);
            }
        }
        for (int r = 0; r < refCount; r++) {
            b.objectRefCodes(refTypes[r], refIds[r], refRoles[r]);
        }
        for (int a = 0; a < attributeCount; a++) {
            if (targets[a] == PAYLOAD) {
                int keyCode = keyCodes[a];
                emitPayload(keyCode != NULL ? keyCode : keyMemo.code(keys[a]), ValueKind.ofCode(kinds[a]), raws[a],
                        texts[a]);
            } else {
                Object v = ValueKind.ofCode(kinds[a]).decode(raws[a], texts[a]);
                if (targets[a] == STATE_BEFORE) {
                    b.stateBefore(keys[a], v);
                } else if (targets[a] == STATE_AFTER) {
                    b.stateAfter(keys[a], v);
                } else {
                    b.outcomeLabel(keys[a], v);
                }
            }
        }
    }

    private void emitPayload(int keyCode, ValueKind kind, long raw, String text) {
        EventLogBuilder b = builder;
        switch (kind) {
            case STRING:
                b.payloadStringCode(keyCode, (int) raw);
                break;
            case LONG:
                b.payloadLong(keyCode, raw);
                break;
            case DOUBLE:
                b.payloadDouble(keyCode, Double.longBitsToDouble(raw));
                break;
            case BOOLEAN:
                b.payloadBoolean(keyCode, raw != 0);
                break;
            case INSTANT:
                b.payloadInstant(keyCode, raw);
                break;
            default:
                b.payloadNull(keyCode);
        }
    }
}
