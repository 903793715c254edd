package org.systemarena.decision;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks everything reachable from an object: fields of every class outside the JDK (by reflection, including
 * private and inherited ones), array elements, and the contents of JDK collections and maps (through their public
 * API, since the JDK's internals are closed to reflection). Records every object and array met.
 */
final class ObjectGraph {
    final List<Object> objects = new ArrayList<>();
    final List<Object> arrays = new ArrayList<>();
    private final IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();

    static ObjectGraph of(Object root) {
        ObjectGraph g = new ObjectGraph();
        g.visit(root);
        return g;
    }

    private void visit(Object root) {
        ArrayList<Object> stack = new ArrayList<>();
        stack.add(root);
        while (!stack.isEmpty()) {
            Object o = stack.remove(stack.size() - 1);
            if (o == null || seen.put(o, Boolean.TRUE) != null) {
                continue;
            }
            objects.add(o);
            Class<?> c = o.getClass();
            if (c.isArray()) {
                arrays.add(o);
                if (!c.getComponentType().isPrimitive()) {
                    for (int i = 0, n = Array.getLength(o); i < n; i++) {
                        stack.add(Array.get(o, i));
                    }
                }
            } else if (o instanceof Collection<?> col) {
                stack.addAll(col);
            } else if (o instanceof Map<?, ?> map) {
                map.forEach((k, v) -> {
                    stack.add(k);
                    stack.add(v);
                });
            } else if (isLeaf(o)) {
                // values: nothing behind them
            } else if (c.getName().startsWith("java.") || c.getName().startsWith("jdk.")
                    || c.getName().startsWith("sun.")) {
                throw new AssertionError("unexpected JDK object reachable from a snapshot: " + c.getName());
            } else {
                for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                    for (Field f : k.getDeclaredFields()) {
                        if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                            continue;
                        }
                        f.setAccessible(true);
                        try {
                            stack.add(f.get(o));
                        } catch (IllegalAccessException e) {
                            throw new AssertionError(e);
                        }
                    }
                }
            }
        }
    }

    private static boolean isLeaf(Object o) {
        return o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Character
                || o instanceof Instant || o instanceof Enum<?> || o instanceof Class<?>;
    }
}
