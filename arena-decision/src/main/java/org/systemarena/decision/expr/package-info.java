/**
 * The expression language of conditions, rules and constraints (SPEC §3, docs/expressions.md): parsed once into
 * a syntax tree, compiled into a tree of small evaluator objects, evaluated against {@link
 * org.systemarena.decision.expr.Bindings}. No scripting engine, no reflection, no method calls on values.
 */
package org.systemarena.decision.expr;
