package org.systemarena.decision;

import java.util.ArrayList;
import java.util.List;
import org.systemarena.core.ObjectRef;
import org.systemarena.core.ObjectRefTable;

/**
 * A private copy of the object references of some rows, laid out like {@link AttributeCopy}; reference {@code e} is
 * {@code refs[3e..3e+2]} (type, id, role).
 */
final class ObjectRefCopy {
    private final int[] ends;
    private final String[] refs;

    private ObjectRefCopy(int[] ends, String[] refs) {
        this.ends = ends;
        this.refs = refs;
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
        String[] refs = new String[3 * total];
        for (int i = 0; i < n; i++) {
            ends[i] = table.end(from + i) - first;
        }
        for (int e = 0; e < total; e++) {
            ObjectRef ref = table.ref(first + e);
            refs[3 * e] = ref.type();
            refs[3 * e + 1] = ref.id();
            refs[3 * e + 2] = ref.role();
        }
        return new ObjectRefCopy(ends, refs);
    }

    List<ObjectRef> refs(int row) {
        int s = row == 0 ? 0 : ends[row - 1];
        int e = ends[row];
        if (s == e) {
            return List.of();
        }
        List<ObjectRef> list = new ArrayList<>(e - s);
        for (int i = s; i < e; i++) {
            list.add(new ObjectRef(refs[3 * i], refs[3 * i + 1], refs[3 * i + 2]));
        }
        return List.copyOf(list);
    }
}
