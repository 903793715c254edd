package org.systemarena.decision;

import java.util.ArrayList;
import java.util.List;
import org.systemarena.core.ObjectRef;
import org.systemarena.core.ObjectRefTable;

/** A private copy of the object references of some rows, laid out like {@link AttributeCopy}. */
final class ObjectRefCopy {
    private final int[] ends;
    private final String[] types;
    private final String[] ids;
    private final String[] roles;

    private ObjectRefCopy(int[] ends, String[] types, String[] ids, String[] roles) {
        this.ends = ends;
        this.types = types;
        this.ids = ids;
        this.roles = roles;
    }

    /** Rows {@code [from, to)}, or null when none of them references an object. */
    static ObjectRefCopy of(ObjectRefTable table, int from, int to) {
        int first = table.start(from);
        int total = table.end(to - 1) - first;
        if (total == 0) {
            return null;
        }
        int n = to - from;
        int[] ends = new int[n];
        String[] types = new String[total];
        String[] ids = new String[total];
        String[] roles = new String[total];
        for (int i = 0; i < n; i++) {
            ends[i] = table.end(from + i) - first;
        }
        for (int e = 0; e < total; e++) {
            ObjectRef ref = table.ref(first + e);
            types[e] = ref.type();
            ids[e] = ref.id();
            roles[e] = ref.role();
        }
        return new ObjectRefCopy(ends, types, ids, roles);
    }

    List<ObjectRef> refs(int row) {
        int s = row == 0 ? 0 : ends[row - 1];
        int e = ends[row];
        if (s == e) {
            return List.of();
        }
        List<ObjectRef> list = new ArrayList<>(e - s);
        for (int i = s; i < e; i++) {
            list.add(new ObjectRef(types[i], ids[i], roles[i]));
        }
        return List.copyOf(list);
    }
}
