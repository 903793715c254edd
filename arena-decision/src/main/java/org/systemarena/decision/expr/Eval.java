package org.systemarena.decision.expr;

import org.systemarena.core.ArenaException;

/**
 * A compiled expression node. The tree is immutable and stateless, so one compiled expression serves any number of
 * threads. Boolean-valued nodes override {@link #truth} so conditions run without boxing or allocation.
 */
abstract class Eval {
    static final String CONDITION = "the condition";

    final SourceText src;
    /** Offset of the node's first character, for error messages about this node's value. */
    final int pos;

    Eval(SourceText src, int pos) {
        this.src = src;
        this.pos = pos;
    }

    abstract Object eval(Bindings b);

    /**
     * This node's value as a truth value: true or false; null counts as false; anything else is a type error
     * naming {@code role} (e.g. "the operand of 'and'").
     */
    boolean truth(Bindings b, String role) {
        Object v = eval(b);
        if (v instanceof Boolean x) {
            return x;
        }
        if (v == null) {
            return false;
        }
        throw src.error(pos, role + " must be true, false or None but was " + Describe.value(v));
    }

    /** {@link Bindings#get}, with failures re-thrown at the name's position. */
    static Object lookup(Bindings b, String name, SourceText src, int pos) {
        try {
            return b.get(name);
        } catch (ArenaException e) {
            throw src.error(pos, "cannot read '" + name + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw src.error(pos, "cannot read '" + name + "': " + e, e);
        }
    }

    /** A literal value. */
    static final class Const extends Eval {
        final Object value;

        Const(SourceText src, int pos, Object value) {
            super(src, pos);
            this.value = value;
        }

        @Override
        Object eval(Bindings b) {
            return value;
        }
    }

    /** A name, looked up in the bindings on every evaluation. */
    static final class Name extends Eval {
        final String name;

        Name(SourceText src, int pos, String name) {
            super(src, pos);
            this.name = name;
        }

        @Override
        Object eval(Bindings b) {
            return lookup(b, name, src, pos);
        }
    }
}
