package org.systemarena.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;

/**
 * {@link CsvTokenizer} copies fields a run of chars at a time across buffer refills; a char-at-a-time reading of the
 * same rules, written here, is the reference on random text with quotes, commas and every kind of line break.
 */
class CsvTokenizerTest {
    /** Errors name the data row: the first record is the header (as the event-file reader places them). */
    private static final CsvTokenizer.RecordPlace DATA_ROW = (record, line) -> Location.row("t.csv", record, null,
            null);

    /** A record as "line N: [field|quoted?] ...", or the error. */
    private static List<String> parse(String text, int bufferChars) {
        return parse(text, ',', bufferChars);
    }

    private static List<String> parse(String text, char delimiter, int bufferChars) {
        List<String> out = new ArrayList<>();
        CsvTokenizer csv = CsvTokenizer.of(new StringReader(text), delimiter, DATA_ROW, bufferChars);
        try {
            while (csv.next()) {
                StringBuilder record = new StringBuilder("line " + csv.recordLine() + ":");
                for (int i = 0; i < csv.count(); i++) {
                    record.append(" [").append(csv.text(i)).append(csv.quoted(i) ? "|q]" : "]");
                }
                out.add(record.toString());
            }
        } catch (ArenaException e) {
            out.add("error: " + e.getMessage());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    /** The same rules, one char at a time over the whole text. */
    private static List<String> reference(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        long line = 1;
        long records = 0;
        while (true) {
            while (i < n && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) { // empty lines
                i += text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                line++;
            }
            if (i == n) {
                return out;
            }
            StringBuilder record = new StringBuilder("line " + line + ":");
            long row = records++; // errors name the data row: the first record is the header
            int fields = 0;
            while (true) {
                StringBuilder field = new StringBuilder();
                boolean quoted = i < n && text.charAt(i) == '"';
                if (quoted) {
                    long opened = line;
                    i++;
                    while (true) {
                        if (i == n) {
                            out.add("error: t.csv" + (row > 0 ? ", row " + row : "") + ": unterminated quoted field"
                                    + " (opened on line " + opened + ")");
                            return out;
                        }
                        char c = text.charAt(i++);
                        if (c == '"') {
                            if (i < n && text.charAt(i) == '"') {
                                i++;
                            } else {
                                break;
                            }
                        } else if (c == '\n' || c == '\r' && (i == n || text.charAt(i) != '\n')) {
                            line++;
                        }
                        field.append(c);
                    }
                    if (i < n && ",\n\r".indexOf(text.charAt(i)) < 0) {
                        out.add("error: t.csv" + (row > 0 ? ", row " + row : "") + ": unexpected character '"
                                + text.charAt(i)
                                + "' after a closing quote (line " + line + ", field " + (fields + 1) + ")");
                        return out;
                    }
                } else {
                    while (i < n && ",\n\r".indexOf(text.charAt(i)) < 0) {
                        field.append(text.charAt(i++));
                    }
                }
                record.append(" [").append(field).append(quoted ? "|q]" : "]");
                fields++;
                if (i < n && text.charAt(i) == ',') {
                    i++;
                    continue;
                }
                if (i < n) {
                    i += text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                    line++;
                }
                out.add(record.toString());
                break;
            }
        }
    }

    @Test
    void quotedAndPlainFieldsAcrossRefills() {
        String text = "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\n\"multi\nline\",,\"\"\r\nlast,row";
        List<String> expected = List.of("line 1: [a] [b,c|q] [say \"hi\"|q]",
                "line 3: [multi\nline|q] [] [|q]", "line 5: [last] [row]");
        assertThat(reference(text)).isEqualTo(expected);
        for (int buffer : new int[] {1, 2, 3, 7, 1 << 16}) {
            assertThat(parse(text, buffer)).as("buffer " + buffer).isEqualTo(expected);
        }
    }

    @Test
    void randomTextParsesAsTheCharAtATimeReferenceDoes() {
        SplittableRandom random = new SplittableRandom(11);
        String alphabet = "ab,\"\n\r x";
        for (int round = 0; round < 3_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(60); k > 0; k--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = text.toString();
            List<String> expected = reference(s);
            for (int buffer : new int[] {1, 4, 64}) {
                assertThat(parse(s, buffer)).as("%s with buffer %d", s, buffer).isEqualTo(expected);
            }
        }
    }

    @Test
    void anotherDelimiterSplitsWhereTheCommaDid() {
        String text = "a;\"b;c\";x,y\n\"q\"\"\";;";
        assertThat(parse(text, ';', 2)).containsExactly("line 1: [a] [b;c|q] [x,y]", "line 2: [q\"|q] [] []");
        assertThat(parse("a\tb\t\"c\td\"", '\t', 1)).containsExactly("line 1: [a] [b] [c\td|q]");
        assertThat(parse("\"a\"x;b\n", ';', 64))
                .containsExactly("error: t.csv: unexpected character 'x' after a closing quote (line 1, field 1)");
    }

    @Test
    void theReaderPlacesErrors() {
        CsvTokenizer csv = CsvTokenizer.of(new StringReader("h1,h2\n\na,\"b\n"), ',',
                (record, line) -> Location.row("p.csv", line, null, null));
        assertThatThrownBy(() -> {
            while (csv.next()) {
                // read to the error
            }
        }).isInstanceOf(ArenaException.class)
                .hasMessage("p.csv, row 3: unterminated quoted field (opened on line 3)");
    }

    @Test
    void aQuoteOrLineBreakIsNoDelimiter() {
        assertThatThrownBy(() -> CsvTokenizer.of(new StringReader(""), '"', DATA_ROW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRecordThatNeverEndsIsRefusedAtItsLimit() throws IOException {
        // An unclosed quote took the rest of the file into one record (an OutOfMemoryError at 40 MB in 256 MB).
        String text = "case_id,timestamp,event_type\nc1,2024-03-01,\"a\n" + "x".repeat(CsvTokenizer.MAX_RECORD_CHARS);
        CsvTokenizer csv = CsvTokenizer.of(new StringReader(text), ',', DATA_ROW);
        assertThat(csv.next()).isTrue();
        assertThatThrownBy(csv::next).isInstanceOf(ArenaException.class).hasMessage("t.csv, row 1: the record that"
                + " starts on line 2 is longer than 16,777,216 characters (a quote never closed?)");
        CsvTokenizer wide = CsvTokenizer.of(new StringReader(",".repeat(CsvTokenizer.MAX_FIELDS)), ',', DATA_ROW);
        assertThatThrownBy(wide::next).isInstanceOf(ArenaException.class).hasMessage("t.csv: the record that starts"
                + " on line 1 has more than 100,000 fields");
    }
}
