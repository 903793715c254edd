package org.systemarena.decision.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits expression text into tokens; the last token is always {@link Kind#END}. */
final class Lexer {

    enum Kind {
        INT, DECIMAL, STRING, IDENT,
        AND, OR, NOT, IN, IS, TRUE, FALSE, NONE,
        PLUS, MINUS, STAR, SLASH, DOUBLE_SLASH, PERCENT,
        EQ, NE, LT, LE, GT, GE,
        LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, DOT,
        END
    }

    /**
     * One token: its kind, start and end offsets and, for literals, its value (the digits of an integer as text so
     * the parser can accept -9223372036854775808; a Double; the unescaped String) or the identifier text.
     */
    record Token(Kind kind, int start, int end, Object value) {
        /** How the token is named in "expected X but found Y" messages. */
        String describe(String text) {
            return switch (kind) {
                case END -> "end of expression";
                case IDENT -> "name '" + value + "'";
                case INT, DECIMAL -> "number " + text.substring(start, end);
                case STRING -> "string " + text.substring(start, end);
                default -> "'" + text.substring(start, end) + "'";
            };
        }
    }

    private final SourceText source;
    private final String text;
    private int pos;

    private Lexer(SourceText source) {
        this.source = source;
        this.text = source.text();
    }

    static List<Token> tokenize(SourceText source) {
        return new Lexer(source).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= text.length()) {
                tokens.add(new Token(Kind.END, text.length(), text.length(), null));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private Token next() {
        int start = pos;
        char c = text.charAt(pos);
        if (isDigit(c) || (c == '.' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
            return number();
        }
        if (c == '\'' || c == '"') {
            return string(c);
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            String word = text.substring(start, pos);
            Kind kind = switch (word) {
                case "and" -> Kind.AND;
                case "or" -> Kind.OR;
                case "not" -> Kind.NOT;
                case "in" -> Kind.IN;
                case "is" -> Kind.IS;
                case "True", "true" -> Kind.TRUE;
                case "False", "false" -> Kind.FALSE;
                case "None", "null" -> Kind.NONE;
                default -> Kind.IDENT;
            };
            return new Token(kind, start, pos, word);
        }
        pos++;
        char n = pos < text.length() ? text.charAt(pos) : '\0';
        switch (c) {
            case '+': return token(Kind.PLUS, start);
            case '-': return token(Kind.MINUS, start);
            case '*': return token(Kind.STAR, start);
            case '%': return token(Kind.PERCENT, start);
            case '(': return token(Kind.LPAREN, start);
            case ')': return token(Kind.RPAREN, start);
            case '[': return token(Kind.LBRACKET, start);
            case ']': return token(Kind.RBRACKET, start);
            case ',': return token(Kind.COMMA, start);
            case '.': return token(Kind.DOT, start);
            case '/':
                return n == '/' ? token2(Kind.DOUBLE_SLASH, start) : token(Kind.SLASH, start);
            case '<':
                return n == '=' ? token2(Kind.LE, start) : token(Kind.LT, start);
            case '>':
                return n == '=' ? token2(Kind.GE, start) : token(Kind.GT, start);
            case '=':
                if (n == '=') {
                    return token2(Kind.EQ, start);
                }
                throw source.error(start, "unexpected '=' (use '==' to compare)");
            case '!':
                if (n == '=') {
                    return token2(Kind.NE, start);
                }
                throw source.error(start, "unexpected '!' (use 'not')");
            case '&':
                throw source.error(start, "unexpected '&' (use 'and')");
            case '|':
                throw source.error(start, "unexpected '|' (use 'or')");
            default:
                throw source.error(start, "unexpected character '" + c + "'");
        }
    }

    private Token token(Kind kind, int start) {
        return new Token(kind, start, pos, null);
    }

    private Token token2(Kind kind, int start) {
        pos++;
        return new Token(kind, start, pos, null);
    }

    private Token number() {
        int start = pos;
        boolean decimal = false;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos + 1 < text.length() && text.charAt(pos) == '.' && isDigit(text.charAt(pos + 1))) {
            decimal = true;
            pos++;
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int exp = pos + 1;
            if (exp < text.length() && (text.charAt(exp) == '+' || text.charAt(exp) == '-')) {
                exp++;
            }
            if (exp >= text.length() || !isDigit(text.charAt(exp))) {
                throw source.error(start, "malformed number '" + text.substring(start, Math.min(exp + 1, text.length()))
                        + "': expected digits in the exponent");
            }
            decimal = true;
            pos = exp;
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
            int end = pos;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                end++;
            }
            throw source.error(start, "malformed number '" + text.substring(start, end) + "'");
        }
        String digits = text.substring(start, pos);
        if (decimal) {
            double d = Double.parseDouble(digits);
            if (Double.isInfinite(d)) {
                throw source.error(start, "number out of range: " + digits);
            }
            return new Token(Kind.DECIMAL, start, pos, d);
        }
        return new Token(Kind.INT, start, pos, digits);
    }

    private Token string(char quote) {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw source.error(start, "unterminated string: missing closing " + quote);
            }
            char c = text.charAt(pos);
            if (c == quote) {
                pos++;
                return new Token(Kind.STRING, start, pos, sb.toString());
            }
            if (c == '\n') {
                throw source.error(start, "unterminated string: missing closing " + quote + " before end of line");
            }
            if (c != '\\') {
                sb.append(c);
                pos++;
                continue;
            }
            if (pos + 1 >= text.length()) {
                throw source.error(start, "unterminated string: missing closing " + quote);
            }
            char e = text.charAt(pos + 1);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case '0' -> sb.append('\0');
                case '\\' -> sb.append('\\');
                case '\'' -> sb.append('\'');
                case '"' -> sb.append('"');
                case 'u' -> {
                    if (pos + 6 > text.length() || !isHex(text, pos + 2, pos + 6)) {
                        throw source.error(pos, "malformed escape: '\\u' needs 4 hex digits");
                    }
                    sb.append((char) Integer.parseInt(text.substring(pos + 2, pos + 6), 16));
                    pos += 4;
                }
                default -> throw source.error(pos, "unknown escape '\\" + e + "' in string");
            }
            pos += 2;
        }
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
