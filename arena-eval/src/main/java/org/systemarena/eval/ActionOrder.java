package org.systemarena.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.systemarena.eval.stats.Agreement;
import org.systemarena.replay.TraceTable;

/**
 * The report's action order: the manifest's action types in declared order, then any other action a log or policy
 * used, in the order first met (results in the order given, each result's decision points in replay order, the
 * logged action before the decided one). A replay codes actions in its own first-met order (case order), so each
 * table's codes are mapped once onto this order; the replay-order scan only runs while a table still has a code
 * whose name is not placed yet.
 */
final class ActionOrder {
    private static final int UNPLACED = -2;

    private final List<String> names;
    private final List<int[]> maps;

    private ActionOrder(List<String> names, List<int[]> maps) {
        this.names = List.copyOf(names);
        this.maps = maps;
    }

    static ActionOrder of(List<String> declared, List<TraceTable> tables) {
        Map<String, Integer> codes = new HashMap<>();
        List<String> names = new ArrayList<>();
        declared.forEach(a -> place(a, codes, names));
        List<int[]> maps = new ArrayList<>(tables.size());
        for (TraceTable t : tables) {
            List<String> own = t.actions();
            int[] map = new int[own.size()];
            int pending = 0;
            for (int a = 0; a < map.length; a++) {
                Integer c = codes.get(own.get(a));
                map[a] = c == null ? UNPLACED : c;
                pending += c == null ? 1 : 0;
            }
            for (int p = 0, n = t.size(); p < n && pending > 0; p++) {
                int row = t.replayRow(p);
                pending -= placeIfNew(t.loggedActionCode(row), map, own, codes, names);
                pending -= placeIfNew(t.actionCode(row), map, own, codes, names);
            }
            maps.add(map);
        }
        return new ActionOrder(names, maps);
    }

    private static void place(String name, Map<String, Integer> codes, List<String> names) {
        if (!codes.containsKey(name)) {
            codes.put(name, names.size());
            names.add(name);
        }
    }

    private static int placeIfNew(int code, int[] map, List<String> own, Map<String, Integer> codes,
            List<String> names) {
        if (code == TraceTable.NONE || map[code] != UNPLACED) {
            return 0;
        }
        place(own.get(code), codes, names);
        map[code] = codes.get(own.get(code));
        return 1;
    }

    List<String> names() {
        return names;
    }

    /**
     * Table {@code t}'s action codes mapped onto this order ({@link TraceTable#NONE} stays {@link Agreement#NONE});
     * every code the table's rows use is placed.
     */
    int[] map(int t) {
        return Arrays.copyOf(maps.get(t), maps.get(t).length);
    }

    /** One code through a map. */
    static int code(int[] map, int tableCode) {
        return tableCode == TraceTable.NONE ? Agreement.NONE : map[tableCode];
    }
}
