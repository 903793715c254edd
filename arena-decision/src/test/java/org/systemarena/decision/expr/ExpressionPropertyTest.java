package org.systemarena.decision.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.systemarena.core.ArenaException;

/**
 * Property-style check: a seeded generator builds random expression trees, prints them as text (with minimal or
 * extra parentheses) and computes the expected value with a deliberately plain reference interpreter written from
 * docs/expressions.md (BigInteger arithmetic, BigDecimal comparisons, no shared code with the compiler). The
 * compiled expression must give the same value, or fail exactly when the reference fails.
 */
class ExpressionPropertyTest {
    private static final int CASES = 4_000;

    // ---- the generated trees -------------------------------------------------------------------------------

    private interface G {
    }

    private record Lit(Object value) implements G {
    }

    private record Var(String name) implements G {
    }

    private record Arith(String op, G left, G right) implements G {
    }

    private record Neg(boolean minus, G operand) implements G {
    }

    /** A comparison chain; ops from == != < <= > >=. */
    private record Cmp(List<G> operands, List<String> ops) implements G {
    }

    private record Logic(String op, List<G> operands) implements G {
    }

    private record Not(G operand) implements G {
    }

    /** needle [not] in [items] (list != null) or needle [not] in hay. */
    private record In(G needle, boolean negate, List<G> list, G hay) implements G {
    }

    /** "is None", "is not None", "== None", "None == x", "!= None". */
    private record NullTest(G operand, String form) implements G {
    }

    private record Call(String name, List<G> args) implements G {
    }

    private static final class RefError extends RuntimeException {
        RefError(String message) {
            super(message);
        }
    }

    // ---- generator ---------------------------------------------------------------------------------------

    private enum T { NUM, STR, BOOL }

    private static final String[] NUM_VARS = {"a", "b", "c", "d", "n", "big"};
    private static final String[] STR_VARS = {"s", "u", "n"};
    private static final String[] BOOL_VARS = {"f", "g", "n"};

    /** Set per property run: the test instance doubles as the generator. */
    private Random rnd = new Random(0);

    private static ExpressionPropertyTest generator(long seed) {
        ExpressionPropertyTest gen = new ExpressionPropertyTest();
        gen.rnd = new Random(seed);
        return gen;
    }

    private T anyType() {
        return T.values()[rnd.nextInt(3)];
    }

    private G gen(T wanted, int depth) {
        T t = rnd.nextInt(12) == 0 ? anyType() : wanted; // occasionally the wrong type, to provoke type errors
        boolean leaf = depth <= 0 || rnd.nextInt(4) == 0;
        return switch (t) {
            case NUM -> leaf ? numLeaf() : numNode(depth - 1);
            case STR -> leaf ? strLeaf() : strNode(depth - 1);
            case BOOL -> leaf ? boolLeaf() : boolNode(depth - 1);
        };
    }

    private G numLeaf() {
        return switch (rnd.nextInt(7)) {
            case 0 -> new Lit((long) rnd.nextInt(21) - 10);
            case 1 -> new Lit(List.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 53, (1L << 53) + 1)
                    .get(rnd.nextInt(7)));
            case 2 -> new Lit(List.of(0.5, -2.5, 0.0, -0.0, 3.0, 1e308, 1e-3, 9007199254740992.0).get(rnd.nextInt(8)));
            case 3 -> new Lit(null);
            default -> new Var(NUM_VARS[rnd.nextInt(NUM_VARS.length)]);
        };
    }

    private G numNode(int depth) {
        switch (rnd.nextInt(10)) {
            case 0, 1, 2, 3:
                return new Arith(List.of("+", "-", "*", "/", "//", "%").get(rnd.nextInt(6)), gen(T.NUM, depth),
                        gen(T.NUM, depth));
            case 4:
                return new Neg(rnd.nextInt(4) != 0, gen(T.NUM, depth));
            case 5:
                return new Call("abs", List.of(gen(T.NUM, depth)));
            case 6:
                return new Call("len", List.of(gen(T.STR, depth)));
            case 7:
                return new Call(rnd.nextBoolean() ? "min" : "max", args(T.NUM, depth, 2));
            case 8:
                return new Call("coalesce", args(T.NUM, depth, 1));
            default:
                return numLeaf();
        }
    }

    private List<G> args(T t, int depth, int min) {
        List<G> args = new ArrayList<>();
        int n = min + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            args.add(gen(t, depth));
        }
        return args;
    }

    private G strLeaf() {
        if (rnd.nextInt(3) == 0) {
            return new Var(STR_VARS[rnd.nextInt(STR_VARS.length)]);
        }
        return new Lit(List.of("", "a", "b", "ab", "abc", "it's", "q\"t", "back\\slash", "line\nbreak", "é")
                .get(rnd.nextInt(10)));
    }

    private G strNode(int depth) {
        return switch (rnd.nextInt(4)) {
            case 0 -> new Arith("+", gen(T.STR, depth), gen(T.STR, depth));
            case 1 -> new Call(rnd.nextBoolean() ? "min" : "max", args(T.STR, depth, 2));
            case 2 -> new Call("coalesce", args(T.STR, depth, 1));
            default -> strLeaf();
        };
    }

    private G boolLeaf() {
        return switch (rnd.nextInt(3)) {
            case 0 -> new Lit(rnd.nextBoolean());
            case 1 -> new Lit(null);
            default -> new Var(BOOL_VARS[rnd.nextInt(BOOL_VARS.length)]);
        };
    }

    private G boolNode(int depth) {
        switch (rnd.nextInt(9)) {
            case 0, 1: {
                T t = rnd.nextInt(3) == 0 ? T.STR : T.NUM;
                int links = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 3 : 1);
                List<G> operands = new ArrayList<>(List.of(gen(t, depth)));
                List<String> ops = new ArrayList<>();
                for (int i = 0; i < links; i++) {
                    ops.add(List.of("==", "!=", "<", "<=", ">", ">=").get(rnd.nextInt(6)));
                    operands.add(gen(t, depth));
                }
                return new Cmp(operands, ops);
            }
            case 2, 3: {
                List<G> operands = new ArrayList<>();
                int n = 2 + rnd.nextInt(2);
                for (int i = 0; i < n; i++) {
                    operands.add(gen(T.BOOL, depth));
                }
                return new Logic(rnd.nextBoolean() ? "and" : "or", operands);
            }
            case 4:
                return new Not(gen(T.BOOL, depth));
            case 5: {
                T t = rnd.nextInt(3) == 0 ? T.STR : T.NUM;
                List<G> items = new ArrayList<>();
                int n = rnd.nextInt(4);
                for (int i = 0; i < n; i++) {
                    items.add(rnd.nextInt(8) == 0 ? new Lit(null) : gen(t, depth));
                }
                return new In(gen(t, depth), rnd.nextBoolean(), items, null);
            }
            case 6:
                return new In(gen(T.STR, depth), rnd.nextBoolean(), null, gen(T.STR, depth));
            case 7:
                return new NullTest(gen(anyType(), depth),
                        List.of("is None", "is not None", "== None", "None ==", "!= None").get(rnd.nextInt(5)));
            default:
                return boolLeaf();
        }
    }

    private Map<String, Object> bindings() {
        Map<String, Object> m = new HashMap<>();
        m.put("a", (long) rnd.nextInt(11) - 5);
        m.put("b", rnd.nextInt(5) == 0 ? Long.MIN_VALUE + rnd.nextInt(3) : (long) rnd.nextInt(1000));
        m.put("c", rnd.nextInt(2) == 0 ? 2.5 : -0.75);
        m.put("d", rnd.nextInt(3) == 0 ? null : 0L);
        m.put("big", Long.MAX_VALUE - rnd.nextInt(3));
        m.put("n", null);
        m.put("s", List.of("a", "abc", "", "b").get(rnd.nextInt(4)));
        m.put("u", rnd.nextInt(4) == 0 ? 7L : "bc"); // sometimes the wrong type, like a mistyped column
        m.put("f", rnd.nextBoolean());
        m.put("g", rnd.nextInt(4) == 0 ? null : Boolean.TRUE);
        return m;
    }

    // ---- printer -----------------------------------------------------------------------------------------

    private static final int OR = 1;
    private static final int AND = 2;
    private static final int NOT = 3;
    private static final int CMP = 4;
    private static final int ADD = 5;
    private static final int MUL = 6;
    private static final int UNARY = 7;
    private static final int ATOM = 8;

    private String print(G g, int minPrec) {
        int prec = precedence(g);
        String s = printBare(g);
        return prec < minPrec || rnd.nextInt(10) == 0 ? "(" + s + ")" : s;
    }

    private static int precedence(G g) {
        if (g instanceof Lit lit) {
            return lit.value() instanceof Number n && (n.doubleValue() < 0 || n.equals(-0.0)) ? UNARY : ATOM;
        } else if (g instanceof Arith a) {
            return a.op().equals("+") || a.op().equals("-") ? ADD : MUL;
        } else if (g instanceof Neg) {
            return UNARY;
        } else if (g instanceof Cmp || g instanceof In || g instanceof NullTest) {
            return CMP;
        } else if (g instanceof Logic l) {
            return l.op().equals("or") ? OR : AND;
        } else if (g instanceof Not) {
            return NOT;
        }
        return ATOM;
    }

    private String printBare(G g) {
        if (g instanceof Lit lit) {
            return literal(lit.value());
        } else if (g instanceof Var v) {
            return v.name();
        } else if (g instanceof Arith a) {
            int p = precedence(a);
            return print(a.left(), p) + space() + a.op() + space() + print(a.right(), p == ADD ? MUL : UNARY);
        } else if (g instanceof Neg n) {
            return (n.minus() ? "-" : "+") + space() + print(n.operand(), UNARY);
        } else if (g instanceof Cmp c) {
            StringBuilder sb = new StringBuilder(print(c.operands().get(0), ADD));
            for (int i = 0; i < c.ops().size(); i++) {
                sb.append(' ').append(c.ops().get(i)).append(' ').append(print(c.operands().get(i + 1), ADD));
            }
            return sb.toString();
        } else if (g instanceof Logic l) {
            List<String> parts = new ArrayList<>();
            for (G operand : l.operands()) {
                parts.add(print(operand, l.op().equals("or") ? AND : NOT));
            }
            return String.join(" " + l.op() + " ", parts);
        } else if (g instanceof Not n) {
            return "not " + print(n.operand(), NOT);
        } else if (g instanceof In in) {
            String right;
            if (in.list() != null) {
                List<String> items = new ArrayList<>();
                for (G item : in.list()) {
                    items.add(print(item, OR));
                }
                boolean tuple = rnd.nextBoolean() && !items.isEmpty();
                String joined = String.join(", ", items) + (tuple && items.size() == 1 ? "," : "");
                right = tuple ? "(" + joined + ")" : "[" + joined + "]";
            } else {
                right = print(in.hay(), ADD);
            }
            return print(in.needle(), ADD) + (in.negate() ? " not in " : " in ") + right;
        } else if (g instanceof NullTest t) {
            return t.form().equals("None ==") ? "None == " + print(t.operand(), ADD)
                    : print(t.operand(), ADD) + " " + t.form();
        } else if (g instanceof Call call) {
            List<String> args = new ArrayList<>();
            for (G arg : call.args()) {
                args.add(print(arg, OR));
            }
            return call.name() + "(" + String.join(", ", args) + ")";
        }
        throw new IllegalStateException(String.valueOf(g));
    }

    private String space() {
        return rnd.nextInt(5) == 0 ? "" : " ";
    }

    private String literal(Object v) {
        if (v == null) {
            return rnd.nextBoolean() ? "None" : "null";
        } else if (v instanceof Boolean b) {
            return rnd.nextBoolean() ? (b ? "True" : "False") : b.toString();
        } else if (v instanceof String s) {
            char quote = rnd.nextBoolean() ? '\'' : '"';
            StringBuilder sb = new StringBuilder().append(quote);
            for (char ch : s.toCharArray()) {
                if (ch == quote || ch == '\\') {
                    sb.append('\\').append(ch);
                } else if (ch == '\n') {
                    sb.append("\\n");
                } else if (ch == 'é' && rnd.nextBoolean()) {
                    sb.append("\\u00e9");
                } else {
                    sb.append(ch);
                }
            }
            return sb.append(quote).toString();
        }
        return v.toString();
    }

    // ---- reference interpreter ---------------------------------------------------------------------------

    private static Object ref(G g, Map<String, Object> vars) {
        if (g instanceof Lit lit) {
            return lit.value();
        } else if (g instanceof Var v) {
            return vars.get(v.name());
        } else if (g instanceof Arith a) {
            return arith(a.op(), ref(a.left(), vars), ref(a.right(), vars));
        } else if (g instanceof Neg n) {
            Object v = ref(n.operand(), vars);
            if (v == null) {
                return null;
            } else if (v instanceof Long l) {
                return n.minus() ? fitLong(BigInteger.valueOf(l).negate()) : l;
            } else if (v instanceof Double d) {
                return n.minus() ? -d : d;
            }
            throw new RefError("unary on " + v);
        } else if (g instanceof Cmp c) {
            Object left = ref(c.operands().get(0), vars);
            for (int i = 0; i < c.ops().size(); i++) {
                G rightNode = c.operands().get(i + 1);
                Object right = ref(rightNode, vars);
                boolean withNone = isNoneLit(c.operands().get(i)) || isNoneLit(rightNode);
                if (!link(c.ops().get(i), left, right, withNone)) {
                    return false;
                }
                left = right;
            }
            return true;
        } else if (g instanceof Logic l) {
            boolean isAnd = l.op().equals("and");
            for (G operand : l.operands()) {
                if (truth(ref(operand, vars)) != isAnd) {
                    return !isAnd;
                }
            }
            return isAnd;
        } else if (g instanceof Not n) {
            return !truth(ref(n.operand(), vars));
        } else if (g instanceof In in) {
            Object needle = ref(in.needle(), vars);
            if (in.list() != null) {
                List<Object> items = new ArrayList<>();
                for (G item : in.list()) {
                    items.add(ref(item, vars));
                }
                boolean found = false;
                for (Object item : items) {
                    if (needle == null ? item == null : item != null && equal(needle, item)) {
                        found = true;
                        break;
                    }
                }
                return in.negate() ? needle != null && !found : found;
            }
            Object hay = ref(in.hay(), vars);
            if (hay == null) {
                return false;
            }
            if (!(hay instanceof String h)) {
                throw new RefError("in needs a string");
            }
            if (needle == null) {
                return false;
            }
            if (!(needle instanceof String s)) {
                throw new RefError("only strings in strings");
            }
            return h.contains(s) != in.negate();
        } else if (g instanceof NullTest t) {
            boolean isNull = ref(t.operand(), vars) == null;
            return t.form().contains("not") || t.form().startsWith("!=") ? !isNull : isNull;
        } else if (g instanceof Call call) {
            return function(call, vars);
        }
        throw new IllegalStateException(String.valueOf(g));
    }

    private static boolean isNoneLit(G g) {
        return g instanceof Lit lit && lit.value() == null;
    }

    private static boolean truth(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new RefError("not a boolean: " + v);
    }

    private static boolean link(String op, Object l, Object r, boolean withNone) {
        if (withNone && (op.equals("==") || op.equals("!="))) {
            boolean bothNull = l == null && r == null;
            return op.equals("==") == bothNull;
        }
        if (l == null || r == null) {
            return false;
        }
        int c;
        if (isNum(l) && isNum(r)) {
            c = exact(l).compareTo(exact(r));
        } else if (l instanceof String x && r instanceof String y) {
            c = Integer.signum(x.compareTo(y));
        } else if (l instanceof Boolean x && r instanceof Boolean y && (op.equals("==") || op.equals("!="))) {
            c = x.equals(y) ? 0 : 1;
        } else {
            throw new RefError("cannot compare " + l + " " + op + " " + r);
        }
        return switch (op) {
            case "==" -> c == 0;
            case "!=" -> c != 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    private static boolean equal(Object a, Object b) {
        return link("==", a, b, false);
    }

    private static boolean isNum(Object v) {
        return v instanceof Long || v instanceof Double;
    }

    private static BigDecimal exact(Object v) {
        return v instanceof Long l ? BigDecimal.valueOf(l) : new BigDecimal((Double) v);
    }

    private static Long fitLong(BigInteger v) {
        if (v.bitLength() > 63) {
            throw new RefError("overflow " + v);
        }
        return v.longValue();
    }

    private static Double finite(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new RefError("not finite");
        }
        return d;
    }

    private static Object arith(String op, Object l, Object r) {
        if (l == null || r == null) {
            return null;
        }
        if (l instanceof String x && r instanceof String y && op.equals("+")) {
            return x + y;
        }
        if (!isNum(l) || !isNum(r)) {
            throw new RefError("arith on " + l + ", " + r);
        }
        if (op.equals("/") || op.equals("//") || op.equals("%")) {
            if (exact(r).signum() == 0) {
                throw new RefError("division by zero");
            }
        }
        if (l instanceof Long x && r instanceof Long y) {
            BigInteger p = BigInteger.valueOf(x);
            BigInteger q = BigInteger.valueOf(y);
            return switch (op) {
                case "+" -> fitLong(p.add(q));
                case "-" -> fitLong(p.subtract(q));
                case "*" -> fitLong(p.multiply(q));
                case "/" -> finite((double) x / (double) y);
                case "//" -> fitLong(floorDiv(p, q));
                default -> fitLong(p.subtract(q.multiply(floorDiv(p, q))));
            };
        }
        double x = ((Number) l).doubleValue();
        double y = ((Number) r).doubleValue();
        return switch (op) {
            case "+" -> finite(x + y);
            case "-" -> finite(x - y);
            case "*" -> finite(x * y);
            case "/" -> finite(x / y);
            case "//" -> finite(Math.floor(x / y));
            default -> {
                double m = x % y; // C fmod, then Python's sign rule: the result follows the divisor
                yield finite(m != 0 && (m < 0) != (y < 0) ? m + y : m);
            }
        };
    }

    private static BigInteger floorDiv(BigInteger p, BigInteger q) {
        BigInteger[] qr = p.divideAndRemainder(q);
        return qr[1].signum() != 0 && (qr[1].signum() != q.signum()) ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    private static Object function(Call call, Map<String, Object> vars) {
        switch (call.name()) {
            case "coalesce": {
                for (G arg : call.args()) {
                    Object v = ref(arg, vars);
                    if (v != null) {
                        return v;
                    }
                }
                return null;
            }
            case "abs": {
                Object v = ref(call.args().get(0), vars);
                if (v == null) {
                    return null;
                } else if (v instanceof Long l) {
                    return fitLong(BigInteger.valueOf(l).abs());
                } else if (v instanceof Double d) {
                    return d < 0 || d.equals(-0.0) ? -d : d;
                }
                throw new RefError("abs of " + v);
            }
            case "len": {
                Object v = ref(call.args().get(0), vars);
                if (v == null) {
                    return null;
                } else if (v instanceof String s) {
                    return (long) s.codePoints().count();
                }
                throw new RefError("len of " + v);
            }
            default: {
                List<Object> values = new ArrayList<>();
                for (G arg : call.args()) {
                    values.add(ref(arg, vars));
                }
                boolean max = call.name().equals("max");
                Object best = null;
                boolean sawNull = false;
                for (Object v : values) {
                    if (v == null) {
                        sawNull = true;
                        continue;
                    }
                    if (!(isNum(v) || v instanceof String || v instanceof Instant)) {
                        throw new RefError("min/max of " + v);
                    }
                    if (best != null && isNum(best) != isNum(v)) {
                        throw new RefError("min/max mixes kinds");
                    }
                    if (best == null || (max ? link(">", v, best, false) : link("<", v, best, false))) {
                        best = v;
                    }
                }
                return sawNull ? null : best;
            }
        }
    }

    // ---- the property ------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 20240601})
    void compiledEvaluatorAgreesWithReferenceInterpreter(long seed) {
        ExpressionPropertyTest gen = generator(seed);
        int values = 0;
        int errors = 0;
        for (int i = 0; i < CASES; i++) {
            G tree = gen.gen(gen.anyType(), 1 + gen.rnd.nextInt(4));
            String text = gen.print(tree, OR);
            Map<String, Object> vars = gen.bindings();
            Expression e;
            try {
                e = Expression.parse(text);
            } catch (ArenaException ex) {
                fail("generated text does not parse: " + text + "\n" + ex.getMessage());
                return;
            }
            assertThat(vars.keySet()).as(text).containsAll(e.names());
            Object expected;
            boolean refFailed = false;
            try {
                expected = ref(tree, vars);
            } catch (RefError ex) {
                expected = ex.getMessage();
                refFailed = true;
            }
            Object actual;
            boolean failed = false;
            try {
                actual = e.evaluate(Bindings.of(vars));
            } catch (ArenaException ex) {
                actual = ex.getMessage();
                failed = true;
            }
            if (failed != refFailed || !failed && !java.util.Objects.equals(actual, expected)) {
                fail("case " + i + ": " + text + "\nwith " + vars + "\nreference: " + describe(expected, refFailed)
                        + "\ncompiled:  " + describe(actual, failed));
            }
            // test(): condition semantics on top of the same value
            boolean testFails;
            boolean testValue = false;
            try {
                testValue = e.test(Bindings.of(vars));
                testFails = false;
            } catch (ArenaException ex) {
                testFails = true;
            }
            boolean expectTestFails = refFailed || !(expected == null || expected instanceof Boolean);
            assertThat(testFails).as("test() fails for %s with %s", text, vars).isEqualTo(expectTestFails);
            if (!testFails) {
                assertThat(testValue).as(text).isEqualTo(Boolean.TRUE.equals(expected));
            }
            if (refFailed) {
                errors++;
            } else {
                values++;
            }
        }
        // the generator must exercise both outcomes substantially, or the property proves little
        assertThat(values).isGreaterThan(CASES / 3);
        assertThat(errors).isGreaterThan(CASES / 20);
    }

    private static String describe(Object v, boolean failed) {
        return failed ? "error (" + v + ")" : v == null ? "null" : v + " (" + v.getClass().getSimpleName() + ")";
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 8})
    void printedTextIsIndependentOfParentheses(long seed) {
        // the same tree printed twice (random redundant parentheses and spacing) evaluates the same
        ExpressionPropertyTest gen = generator(seed);
        Set<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < 1_000; i++) {
            G tree = gen.gen(T.BOOL, 3);
            String one = gen.print(tree, OR);
            String two = gen.print(tree, OR);
            distinct.add(one);
            Map<String, Object> vars = gen.bindings();
            Object a;
            Object b;
            try {
                a = Expression.parse(one).evaluate(Bindings.of(vars));
            } catch (ArenaException ex) {
                a = "error";
            }
            try {
                b = Expression.parse(two).evaluate(Bindings.of(vars));
            } catch (ArenaException ex) {
                b = "error";
            }
            assertThat(b).as("%s vs %s", one, two).isEqualTo(a);
        }
        assertThat(distinct.size()).isGreaterThan(500);
    }
}
