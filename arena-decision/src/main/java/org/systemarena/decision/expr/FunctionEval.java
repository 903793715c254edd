package org.systemarena.decision.expr;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.systemarena.core.ArenaException;
import org.systemarena.core.Values;

/** The built-in functions (abs, len, min, max, coalesce) and calls to context functions through the bindings. */
final class FunctionEval {
    private FunctionEval() {
    }

    static final class Abs extends Eval {
        private final Eval arg;

        Abs(SourceText src, int pos, Eval arg) {
            super(src, pos);
            this.arg = arg;
        }

        @Override
        Object eval(Bindings b) {
            Object v = arg.eval(b);
            if (v == null) {
                return null;
            }
            if (v instanceof Long x) {
                if (x == Long.MIN_VALUE) {
                    throw src.error(pos, "integer overflow: abs(" + Describe.value(x) + ") does not fit in 64 bits");
                }
                return Math.abs(x);
            }
            if (v instanceof Double d) {
                return Math.abs(d);
            }
            throw src.error(pos, "abs() needs a number but got " + Describe.value(v));
        }
    }

    static final class Len extends Eval {
        private final Eval arg;

        Len(SourceText src, int pos, Eval arg) {
            super(src, pos);
            this.arg = arg;
        }

        @Override
        Object eval(Bindings b) {
            Object v = arg.eval(b);
            if (v == null) {
                return null;
            }
            if (v instanceof String s) {
                // Python counts code points, not UTF-16 units.
                return (long) s.codePointCount(0, s.length());
            }
            if (v instanceof List<?> list) {
                return (long) list.size();
            }
            throw src.error(pos, "len() needs a string but got " + Describe.value(v));
        }
    }

    /** min(a, b, ...) / max(a, b, ...): the first smallest (largest) argument; null if any argument is null. */
    static final class MinMax extends Eval {
        private final boolean max;
        private final Eval[] args;

        MinMax(SourceText src, int pos, boolean max, Eval[] args) {
            super(src, pos);
            this.max = max;
            this.args = args;
        }

        @Override
        Object eval(Bindings b) {
            Object best = null;
            boolean sawNull = false;
            for (int i = 0; i < args.length; i++) {
                Object v = args[i].eval(b);
                if (v == null) {
                    sawNull = true;
                    continue;
                }
                if (!(v instanceof Long || v instanceof Double || v instanceof String || v instanceof java.time.Instant)) {
                    throw src.error(pos, (max ? "max" : "min") + "() needs numbers, strings or instants but got "
                            + Describe.value(v));
                }
                if (best == null) {
                    best = v;
                } else if (sameKind(v, best)) {
                    int c = Ops.order(v, best, src, pos);
                    if (max ? c > 0 : c < 0) {
                        best = v;
                    }
                } else {
                    throw src.error(pos, (max ? "max" : "min") + "() cannot compare " + Describe.value(best)
                            + " with " + Describe.value(v));
                }
            }
            return sawNull ? null : best;
        }
    }

    private static boolean sameKind(Object a, Object b) {
        return Ops.isNumber(a) ? Ops.isNumber(b) : a.getClass() == b.getClass();
    }

    /** coalesce(a, b, ...): the first non-null argument; later arguments are not evaluated. */
    static final class Coalesce extends Eval {
        private final Eval[] args;

        Coalesce(SourceText src, int pos, Eval[] args) {
            super(src, pos);
            this.args = args;
        }

        @Override
        Object eval(Bindings b) {
            for (Eval arg : args) {
                Object v = arg.eval(b);
                if (v != null) {
                    return v;
                }
            }
            return null;
        }
    }

    /** A context function such as policy_actions('send_email', 7), answered by {@link Bindings#call}. */
    static final class Context extends Eval {
        private final String name;
        private final Eval[] args;

        Context(SourceText src, int pos, String name, Eval[] args) {
            super(src, pos);
            this.name = name;
            this.args = args;
        }

        @Override
        Object eval(Bindings b) {
            Object[] values = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                values[i] = args[i].eval(b);
            }
            Object result;
            try {
                result = b.call(name, Collections.unmodifiableList(Arrays.asList(values)));
            } catch (ArenaException e) {
                throw src.error(pos, e.getMessage(), e);
            } catch (RuntimeException e) {
                throw src.error(pos, "function '" + name + "' failed: " + e, e);
            }
            try {
                return Values.normalize(result);
            } catch (ArenaException e) {
                throw src.error(pos, "function '" + name + "' returned " + e.getMessage(), e);
            }
        }
    }
}
