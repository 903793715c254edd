package org.systemarena.datasets.io.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.io.ColumnMapping;
import org.systemarena.datasets.synthetic.LeadFollowupConfig;
import org.systemarena.datasets.synthetic.LeadFollowupGenerator;

/**
 * The JSON Lines reader with its byte scanner gives exactly what Jackson alone gives: the same log, or the same
 * error message. Checked on generated logs, on lines that use every JSON feature the scanner leaves to Jackson, on
 * buffers so small that every line straddles a refill, and on thousands of randomly damaged files.
 */
class JsonLineScannerTest {
    private static final ColumnMapping DEFAULTS = ColumnMapping.defaults();
    /** Lines inside the scanner's shape, with every value kind in every kind of column. */
    private static final String[] RICH_LINES = {
        "{\"case_id\":\"L1\",\"timestamp\":\"2024-03-01T09:00:00Z\",\"event_type\":\"entity.created\","
                + "\"event_id\":\"e1\",\"sequence_number\":3,\"actor\":{\"type\":\"human\",\"id\":7,\"name\":null},"
                + "\"object_refs\":[{\"type\":\"lead\",\"id\":\"L1\",\"role\":\"subject\"},{\"id\":12,\"type\":\"x\"}],"
                + "\"state_before\":{},\"state_after\":{\"stage\":\"new\",\"n\":-0,\"f\":-0.0,\"e\":1e3,\"E\":2.5E-3},"
                + "\"outcome_labels\":{\"ok\":true,\"bad\":false,\"none\":null},\"payload\":{\"s\":\"\",\"big\":"
                + "999999999999999999},\"budget\":5000,\"score\":0.125,\"vip\":true,\"gone\":null,\"channel\":null}",
        " \t{ \"case_id\" : 42 , \"timestamp\" : 1709283600000 , \"event_type\" : \"a\" , \"object_refs\" : [ ] ,"
                + " \"actor\" : { } , \"payload\" : null , \"source_system\" : null }\r",
        "",
        "   ",
        // (A key given twice is an error for both readers since the duplicate check; JsonlEventReaderTest has it.)
        "{\"case_id\":\"L2\",\"timestamp\":\"2024-03-01T09:00:00.123456789Z\","
                + "\"event_type\":\"b\",\"x\":\"one\"}"
    };

    @TempDir
    Path dir;

    @Test
    void generatedLogsReadTheSameWithAnyBuffer() throws IOException {
        EventLog log = LeadFollowupGenerator.generate(LeadFollowupConfig.ofEvents(3_000, 11));
        Path file = dir.resolve("events.jsonl");
        Datasets.writeJsonl(log, file);
        EventLog expected = jacksonOnly(file);
        assertThat(expected.events()).isEqualTo(log.events());
        for (int buffer : new int[] {1, 7, 64, 300, 4096, 1 << 20}) {
            assertSameOutcome(file, buffer);
        }
        assertThat(JsonlEventReader.scannedEvents(file, DEFAULTS)).isEqualTo(log.size()); // none left to Jackson
    }

    @Test
    void everyLineTheScannerTakesIsReadAsJacksonReadsIt() throws IOException {
        Path file = lines(RICH_LINES);
        assertSameOutcome(file, 1 << 20);
        assertSameOutcome(file, 5);
        EventLog log = jacksonOnly(file);
        assertThat(log.caseIds()).containsExactlyInAnyOrder("L1", "42", "L2"); // the first L2 line's L1 is not a case
    }

    @Test
    void decimalsParseToTheSameDoublesAsJacksons() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder text = new StringBuilder();
        List<Double> expected = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            // Up to 17 significant digits (beyond 15 the scanner parses the text instead of dividing), any scale.
            StringBuilder digitsOf = new StringBuilder().append((char) ('1' + random.nextInt(9)));
            for (int d = random.nextInt(17); d > 0; d--) {
                digitsOf.append((char) ('0' + random.nextInt(10)));
            }
            String digits = digitsOf.toString();
            int point = random.nextInt(digits.length());
            String number = (random.nextBoolean() ? "-" : "") + (random.nextInt(4) == 0
                    ? "0." + "0".repeat(random.nextInt(4)) + digits // leading zeros in the fraction
                    : digits.substring(0, point + 1) + "." + (point + 1 < digits.length() ? digits.substring(point + 1)
                    : "0"));
            if (random.nextInt(10) == 0) {
                number = number + "e" + (random.nextInt(40) - 20);
            }
            expected.add(Double.parseDouble(number));
            text.append("{\"case_id\":\"L\",\"timestamp\":").append(i).append(",\"event_type\":\"a\",\"x\":")
                    .append(number).append("}\n");
        }
        Path file = Files.writeString(dir.resolve("decimals.jsonl"), text);
        assertSameOutcome(file, 1 << 20);
        EventLog log = JsonlEventReader.read(file, DEFAULTS, 1 << 20, true);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(log.event(i).payload().get("x")).isEqualTo(expected.get(i));
        }
    }

    @Test
    void namesReadTheSameWithAnySpacingAndInEveryKindOfObject() throws IOException {
        // The scanner remembers how each name was written (up to its colon) and what it means per kind of object:
        // lines that space it differently, and a name used as an actor field, a reference member, a payload key
        // and a column, must all read as Jackson reads them.
        String[] shapes = {
            "{\"case_id\":\"L1\",\"timestamp\":0,\"event_type\":\"a\",\"actor\":{\"type\":\"human\",\"id\":\"u1\"},"
                    + "\"object_refs\":[{\"type\":\"lead\",\"id\":\"L1\",\"role\":\"subject\"}],"
                    + "\"payload\":{\"type\":\"call\",\"id\":5,\"role\":\"rep\"},\"type\":\"top\"}",
            "{\"case_id\" : \"L1\",\"timestamp\":  1,\"event_type\" :\"a\",\"actor\":{ \"type\" :\"bot\",\"id\":\"u2\"},"
                    + "\"object_refs\":[{\"type\":  \"lead\",\"id\" : \"L1\",\"role\":\"subject\"}],"
                    + "\"payload\":{\"type\":\"email\" ,\"id\":\"six\",\"role\":null},\"type\" :  7}",
            "{\"case_id\":\"L2\",\"timestamp\":2,\"event_type\":\"a\",\"actor\":{\"type\":\"human\",\"id\":\"u1\"},"
                    + "\"object_refs\":[{\"type\":\"lead\",\"id\":\"L2\",\"role\":\"subject\"}],"
                    + "\"payload\":{\"type\":\"call\",\"id\":5,\"role\":\"rep\"},\"type\":\"top\"}"
        };
        Path file = lines(shapes[0], shapes[1], shapes[2], shapes[1], shapes[0]);
        assertSameOutcome(file, 1 << 20);
        assertSameOutcome(file, 9);
        EventLog log = JsonlEventReader.read(file, DEFAULTS, 1 << 20, true);
        assertThat(log.event(2).actor().type()).isEqualTo("bot"); // L1 at 0, 0, 1, 1, then L2
        assertThat(JsonlEventReader.scannedEvents(file, DEFAULTS)).isEqualTo(5);
        assertThat(log.event(2).payload()).containsEntry("type", 7L).containsEntry("id", "six")
                .containsEntry("role", null);
    }

    @Test
    void linesOutsideTheScannersShapeAreLeftToJackson() throws IOException {
        String ok = "\"timestamp\":\"2024-03-01T09:00:00Z\",\"event_type\":\"a\"";
        Path file = lines(
                "\uFEFF{\"case_id\":\"L0\"," + ok + "}", // a byte order mark
                "{\"case_id\":\"L\\u00e9\\\"q\\\"\"," + ok + ",\"note\":\"tab\\there\"}", // escapes
                "{\"case_id\":\"Lé\"," + ok + ",\"name\":\"Zoë\"}", // UTF-8
                "{\"case_id\":\"L1\",\"timestamp\":\"2024-03-01 09:00:00+01:00\",\"event_type\":\"a\"}", // other form
                "{\"case_id\":\"L1\"," + ok + ",\"sequence_number\":\"4\",\"n\":1234567890123456789}", // 19 digits
                "{\"case_id\":\"L1\"," + ok + ",\"sequence_number\":2.0}",
                "{\"case_id\":\"L1\"," + ok + ",\"n\":1e400}", // out of double range
                "{\"case_id\":\"L2\"," + ok + "} {\"case_id\":\"L3\"," + ok + "}", // two objects on one line
                "{\"case_id\":\"L4\",", // an object over three lines
                ok + ",",
                "\"channel\":\"web\"}",
                "{\"case_id\":\"L5\"," + ok + "}");
        assertSameOutcome(file, 1 << 20);
        assertSameOutcome(file, 3);
        assertThat(jacksonOnly(file).caseIds()).hasSize(8);
    }

    @Test
    void utf16AndUtf32FilesAreLeftToJacksonsEncodingDetection() throws IOException {
        String text = String.join("\n", RICH_LINES) + "\n{\"case_id\":\"Zoë\",\"timestamp\":0,\"event_type\":\"a\"}\n";
        for (String charset : new String[] {"UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE", "UTF-32LE"}) {
            Path file = Files.write(dir.resolve(charset + ".jsonl"), text.getBytes(charset));
            assertSameOutcome(file, 1 << 20);
            assertThat(jacksonOnly(file).caseIds()).as(charset).contains("Zoë", "42");
        }
    }

    @Test
    void damagedFilesGiveJacksonsLogOrJacksonsError() throws IOException {
        EventLog log = LeadFollowupGenerator.generate(LeadFollowupConfig.ofEvents(200, 3));
        Path clean = dir.resolve("clean.jsonl");
        Datasets.writeJsonl(log, clean);
        byte[] bytes = concat(Files.readAllBytes(clean),
                (String.join("\n", RICH_LINES) + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] alphabet = "{}[]:,\" \t\r\n\\-+.0123456789eEtruefalsnul_aé\u0001".getBytes(StandardCharsets.UTF_8);
        SplittableRandom random = new SplittableRandom(2026);
        int errors = 0;
        for (int round = 0; round < 1_500; round++) {
            byte[] damaged = bytes.clone();
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                damaged = edit(damaged, random, alphabet);
            }
            Path file = Files.write(dir.resolve("damaged-" + round + ".jsonl"), damaged);
            errors += assertSameOutcome(file, random.nextBoolean() ? 1 << 20 : 1 + random.nextInt(400)) ? 0 : 1;
            Files.delete(file);
        }
        // Both kinds of outcome occur, so both were compared.
        assertThat(errors).isBetween(100, 1_400);
    }

    /** One random edit: a byte replaced, deleted or inserted, or a short run of bytes repeated. */
    private static byte[] edit(byte[] in, SplittableRandom random, byte[] alphabet) {
        int at = random.nextInt(in.length);
        byte b = alphabet[random.nextInt(alphabet.length)];
        switch (random.nextInt(4)) {
            case 0:
                in[at] = b;
                return in;
            case 1:
                return concat(slice(in, 0, at), slice(in, at + 1, in.length));
            case 2:
                return concat(slice(in, 0, at), new byte[] {b}, slice(in, at, in.length));
            default:
                int end = Math.min(in.length, at + 1 + random.nextInt(12));
                return concat(slice(in, 0, end), slice(in, at, in.length));
        }
    }

    private static byte[] slice(byte[] in, int from, int to) {
        return java.util.Arrays.copyOfRange(in, from, to);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** True when both loaded the same log, false when both failed with the same message; fails otherwise. */
    private static boolean assertSameOutcome(Path file, int buffer) {
        Object expected = outcome(() -> jacksonOnly(file));
        Object actual = outcome(() -> JsonlEventReader.read(file, DEFAULTS, buffer, true));
        if (expected instanceof String message) {
            assertThat(actual).as("error for %s with a %d-byte buffer", file.getFileName(), buffer).isEqualTo(message);
            return false;
        }
        assertThat(actual).as("log of %s with a %d-byte buffer", file.getFileName(), buffer)
                .isInstanceOf(EventLog.class);
        EventLog want = (EventLog) expected;
        EventLog got = (EventLog) actual;
        assertThat(got.caseIds()).isEqualTo(want.caseIds());
        assertThat(got.events()).isEqualTo(want.events());
        return true;
    }

    private static Object outcome(java.util.function.Supplier<EventLog> load) {
        try {
            return load.get();
        } catch (ArenaException e) {
            return e.getMessage();
        }
    }

    private static EventLog jacksonOnly(Path file) {
        return JsonlEventReader.read(file, DEFAULTS, 1 << 20, false);
    }

    private Path lines(String... lines) throws IOException {
        List<String> all = new ArrayList<>(List.of(lines));
        return Files.writeString(dir.resolve("lines.jsonl"), String.join("\n", all) + "\n");
    }
}
