package org.systemarena.datasets.io;

import java.util.Arrays;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.core.EventLogBuilder.StringField;
import org.systemarena.core.Timestamps;
import org.systemarena.core.ValueKind;

/**
 * One input row collected before it is handed to the {@link EventLogBuilder}: text formats may give the case id and
 * timestamp after other fields, and the builder needs them first. Reused for every row; holds no per-row objects
 * besides the strings the parser made.
 */
final class RowBuffer {
    static final int PAYLOAD = 0;
    static final int STATE_BEFORE = 1;
    static final int STATE_AFTER = 2;
    static final int OUTCOME_LABELS = 3;

    private static final StringField[] FIELD_VALUES = StringField.values();
    private static final int FIELDS = FIELD_VALUES.length;

    String caseId;
    boolean hasTimestamp;
    long timestamp;
    long sequence = EventLogBuilder.NO_SEQUENCE;
    String eventId;
    final String[] strings = new String[FIELDS];
    /** Slots of {@link TextCache#get(int, char[], int, int)}'s last-value memo: one per field. */
    static final int SITE_OTHER = 0;
    static final int SITE_CASE_ID = 1;
    static final int SITE_EVENT_ID = 2;
    static final int SITE_REF_TYPE = 3;
    static final int SITE_REF_ID = 4;
    static final int SITE_REF_ROLE = 5;
    static final int SITE_FIELDS = 6;

    /** Parsing helpers reused across rows. */
    final TextCache cache = new TextCache(4096, SITE_FIELDS + FIELDS);
    final CharSlice slice = new CharSlice();
    final IsoTimes times = new IsoTimes();

    /** Column roles by the identity of the parser's canonical field-name instances (see {@link #roleOf}). */
    private ColumnMapping roleMapping;
    private final String[] roleNames = new String[256];
    private final Canonical[] roles = new Canonical[256];
    private int roleCount;

    /** Codes are only valid for the builder that made them; a different builder starts fresh memos. */
    private EventLogBuilder memoBuilder;
    private CodeMemo caseCodes;
    private CodeMemo[] fieldCodes;
    private CodeMemo keyCodes;
    private CodeMemo valueCodes;
    /** The previous row's instance and code per field: consecutive events mostly repeat them. */
    private String lastCaseId;
    private int lastCaseCode;
    private final String[] lastStrings = new String[FIELDS];
    private final int[] lastCodes = new int[FIELDS];

    private String[] refTypes = new String[4];
    private String[] refIds = new String[4];
    private String[] refRoles = new String[4];
    private int refCount;

    private byte[] targets = new byte[16];
    private String[] keys = new String[16];
    private byte[] kinds = new byte[16];
    private long[] raws = new long[16];
    private String[] texts = new String[16];
    private int attributeCount;

    /**
     * The role of a column name. Jackson hands out one canonical String instance per field name, so an identity
     * hit skips the mapping's hash lookup; other instances (or a collision) just take the lookup.
     */
    Canonical roleOf(ColumnMapping mapping, String name) {
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

    void clear() {
        caseId = null;
        hasTimestamp = false;
        sequence = EventLogBuilder.NO_SEQUENCE;
        eventId = null;
        Arrays.fill(strings, null);
        refCount = 0;
        attributeCount = 0;
    }

    void objectRef(String type, String id, String role) {
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

    void string(int target, String key, String value) {
        attribute(target, key, value == null ? ValueKind.NULL : ValueKind.STRING, 0, value);
    }

    void attribute(int target, String key, ValueKind kind, long raw, String text) {
        int i = attributeCount;
        if (i == keys.length) {
            int cap = i * 2;
            targets = Arrays.copyOf(targets, cap);
            keys = Arrays.copyOf(keys, cap);
            kinds = Arrays.copyOf(kinds, cap);
            raws = Arrays.copyOf(raws, cap);
            texts = Arrays.copyOf(texts, cap);
        }
        targets[i] = (byte) target;
        keys[i] = key;
        kinds[i] = kind.code();
        raws[i] = raw;
        texts[i] = text;
        attributeCount++;
    }

    /** Starts the event in the builder and sets everything collected; case id and timestamp must be present. */
    void emit(EventLogBuilder b) {
        if (caseId == null) {
            b.startEvent(caseId, timestamp); // reports the missing id
        }
        bindMemos(b);
        int code;
        if (caseId == lastCaseId) {
            code = lastCaseCode;
        } else {
            code = caseCodes.get(caseId);
            if (code == CodeMemo.MISS) {
                code = caseCodes.put(caseId, b.internCaseId(caseId));
            }
            lastCaseId = caseId;
            lastCaseCode = code;
        }
        b.startEventForCase(code, timestamp);
        emitFields(b);
    }

    private void bindMemos(EventLogBuilder b) {
        if (memoBuilder != b) {
            memoBuilder = b;
            caseCodes = new CodeMemo(1024);
            fieldCodes = new CodeMemo[FIELDS];
            for (int f = 0; f < FIELDS; f++) {
                fieldCodes[f] = new CodeMemo(1024);
            }
            keyCodes = new CodeMemo(256);
            valueCodes = new CodeMemo(4096);
            lastCaseId = null;
            Arrays.fill(lastStrings, null);
        }
    }

    /** Sets everything collected except case id and timestamp on the builder's current event. */
    void emitFields(EventLogBuilder b) {
        bindMemos(b);
        if (sequence != EventLogBuilder.NO_SEQUENCE) {
            b.sequenceNumber(sequence);
        }
        if (eventId != null) {
            b.eventId(eventId);
        }
        StringField[] fields = FIELD_VALUES;
        for (int f = 0; f < FIELDS; f++) {
            String s = strings[f];
            if (s != null) {
                int code;
                if (s == lastStrings[f]) {
                    code = lastCodes[f];
                } else {
                    code = fieldCodes[f].get(s);
                    if (code == CodeMemo.MISS) {
                        code = fieldCodes[f].put(s, b.intern(fields[f], s));
                    }
                    lastStrings[f] = s;
                    lastCodes[f] = code;
                }
                b.stringCode(fields[f], code);
            }
        }
        for (int r = 0; r < refCount; r++) {
            b.objectRef(refTypes[r], refIds[r], refRoles[r]);
        }
        for (int a = 0; a < attributeCount; a++) {
            if (targets[a] == PAYLOAD) {
                emitPayload(b, keys[a], ValueKind.ofCode(kinds[a]), raws[a], texts[a]);
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

    private void emitPayload(EventLogBuilder b, String key, ValueKind kind, long raw, String text) {
        int keyCode = keyCodes.get(key);
        if (keyCode == CodeMemo.MISS) {
            keyCode = keyCodes.put(key, b.internPayloadKey(key));
        }
        switch (kind) {
            case STRING:
                int valueCode = valueCodes.get(text);
                if (valueCode == CodeMemo.MISS) {
                    valueCode = valueCodes.put(text, b.internAttributeString(text));
                }
                b.payloadStringCode(keyCode, valueCode);
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
