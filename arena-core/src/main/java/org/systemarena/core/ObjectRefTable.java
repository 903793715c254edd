package org.systemarena.core;

import java.util.ArrayList;
import java.util.List;

/** Object references of every event, compressed-sparse-row like {@link AttributeTable}, dictionary-encoded. */
public final class ObjectRefTable {
    private final int[] start; // null: no event references an object
    private final int[] types;
    private final int[] ids;
    private final int[] roles;
    private final StringDictionary typeDictionary;
    private final StringDictionary idDictionary;
    private final StringDictionary roleDictionary;

    ObjectRefTable(int[] start, int[] types, int[] ids, int[] roles, StringDictionary typeDictionary,
                   StringDictionary idDictionary, StringDictionary roleDictionary) {
        this.start = start;
        this.types = types;
        this.ids = ids;
        this.roles = roles;
        this.typeDictionary = typeDictionary;
        this.idDictionary = idDictionary;
        this.roleDictionary = roleDictionary;
    }

    public int start(int row) {
        return start == null ? 0 : start[row];
    }

    public int end(int row) {
        return start == null ? 0 : start[row + 1];
    }

    public int typeCode(int entry) {
        return types[entry];
    }

    public int idCode(int entry) {
        return ids[entry];
    }

    public ObjectRef ref(int entry) {
        return new ObjectRef(typeDictionary.value(types[entry]), idDictionary.value(ids[entry]),
                roleDictionary.value(roles[entry]));
    }

    public List<ObjectRef> refs(int row) {
        int s = start(row);
        int e = end(row);
        if (s == e) {
            return List.of();
        }
        List<ObjectRef> list = new ArrayList<>(e - s);
        for (int i = s; i < e; i++) {
            list.add(ref(i));
        }
        return List.copyOf(list);
    }

    public StringDictionary typeDictionary() {
        return typeDictionary;
    }

    public StringDictionary idDictionary() {
        return idDictionary;
    }

    public StringDictionary roleDictionary() {
        return roleDictionary;
    }

    public int entryCount() {
        return types.length;
    }

    long estimatedBytes() {
        return (start == null ? 0 : 4L * start.length) + 12L * types.length;
    }

    ObjectRefTable select(int[] rows, int count) {
        if (start == null) {
            return this;
        }
        int total = 0;
        for (int i = 0; i < count; i++) {
            total += start[rows[i] + 1] - start[rows[i]];
        }
        int[] newStart = new int[count + 1];
        int[] newTypes = new int[total];
        int[] newIds = new int[total];
        int[] newRoles = new int[total];
        int pos = 0;
        for (int i = 0; i < count; i++) {
            int s = start[rows[i]];
            int len = start[rows[i] + 1] - s;
            System.arraycopy(types, s, newTypes, pos, len);
            System.arraycopy(ids, s, newIds, pos, len);
            System.arraycopy(roles, s, newRoles, pos, len);
            pos += len;
            newStart[i + 1] = pos;
        }
        return new ObjectRefTable(total == 0 ? null : newStart, newTypes, newIds, newRoles, typeDictionary,
                idDictionary, roleDictionary);
    }

    static final class Builder {
        private final GrowableArrays.Ints start;
        private final GrowableArrays.Ints types = new GrowableArrays.Ints(16);
        private final GrowableArrays.Ints ids = new GrowableArrays.Ints(16);
        private final GrowableArrays.Ints roles = new GrowableArrays.Ints(16);
        final StringDictionary typeDictionary = new StringDictionary();
        final StringDictionary idDictionary = new StringDictionary();
        final StringDictionary roleDictionary = new StringDictionary();

        Builder(int expectedRows) {
            start = new GrowableArrays.Ints(expectedRows + 1);
            start.add(0);
        }

        void add(String type, String id, String role) {
            if (type == null || id == null) {
                throw new ArenaException("object reference needs a type and an id, got type=" + type + ", id=" + id);
            }
            types.add(typeDictionary.intern(type));
            ids.add(idDictionary.intern(id));
            roles.add(roleDictionary.intern(role));
        }

        /** Adds a reference by codes of the three dictionaries; the role code may be {@link StringDictionary#NULL}. */
        void addCodes(int typeCode, int idCode, int roleCode) {
            check(typeCode, typeDictionary, "type");
            check(idCode, idDictionary, "id");
            if (roleCode != StringDictionary.NULL) {
                check(roleCode, roleDictionary, "role");
            }
            types.add(typeCode);
            ids.add(idCode);
            roles.add(roleCode);
        }

        private static void check(int code, StringDictionary dictionary, String what) {
            if (code < 0 || code >= dictionary.size()) {
                throw new IllegalArgumentException("unknown object reference " + what + " code " + code);
            }
        }

        void endRow() {
            start.add(types.size);
        }

        /** Rows ended so far. */
        int rows() {
            return start.size - 1;
        }

        int entries() {
            return types.size;
        }

        /** Room for {@code rows} rows and {@code entries} references in all (for appending parts). */
        void reserve(int rows, int entries) {
            start.reserve(rows + 1 - start.size);
            types.reserve(entries - types.size);
            ids.reserve(entries - ids.size);
            roles.reserve(entries - roles.size);
        }

        /** Appends every (ended) row of {@code other}, its codes recoded into this builder's dictionaries. */
        void append(Builder other) {
            int[] typeMap = typeDictionary.internAll(other.typeDictionary);
            int[] idMap = idDictionary.internAll(other.idDictionary);
            int[] roleMap = roleDictionary.internAll(other.roleDictionary);
            int otherRows = other.rows();
            int base = types.size;
            start.addAllShifted(other.start.data, 1, otherRows, base);
            int entries = other.types.size;
            int[] t = other.types.data;
            int[] i = other.ids.data;
            int[] ro = other.roles.data;
            types.reserve(entries);
            ids.reserve(entries);
            roles.reserve(entries);
            int[] tt = types.data;
            int[] ii = ids.data;
            int[] rr = roles.data;
            for (int e = 0; e < entries; e++) {
                tt[base + e] = typeMap[t[e]];
                ii[base + e] = idMap[i[e]];
                int role = ro[e];
                rr[base + e] = role == StringDictionary.NULL ? StringDictionary.NULL : roleMap[role];
            }
            types.size = base + entries;
            ids.size = base + entries;
            roles.size = base + entries;
        }

        ObjectRefTable build(int[] order) {
            typeDictionary.freeze();
            idDictionary.freeze();
            roleDictionary.freeze();
            ObjectRefTable t = new ObjectRefTable(types.size == 0 ? null : start.trimmed(), types.trimmed(),
                    ids.trimmed(), roles.trimmed(), typeDictionary, idDictionary, roleDictionary);
            return order == null ? t : t.select(order, order.length);
        }
    }
}
