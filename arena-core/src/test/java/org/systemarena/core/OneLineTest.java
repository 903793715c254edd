package org.systemarena.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneLineTest {
    @Test
    void valuesKeepTheirCharactersButNotTheirLineBreaks() {
        assertThat(OneLine.value("plain text, é and 'quotes'")).isEqualTo("plain text, é and 'quotes'");
        assertThat(OneLine.value("{\"stage\":\nopen}\r\n\tx\u0007\u2028")).isEqualTo("{\"stage\":\\nopen}\\r\\n\\tx"
                + "\\u0007\\u2028");
        assertThat(OneLine.value(null)).isNull();
    }

    @Test
    void librariesMessagesBecomeOneLineOfWords() {
        assertThat(OneLine.message("ts not found in message event {\n  required binary case_id;\n  }\n"))
                .isEqualTo("ts not found in message event { required binary case_id; }");
        assertThat(OneLine.message("no break")).isEqualTo("no break");
    }

    @Test
    void aLocationQuotesItsValueOnOneLine() {
        ArenaException e = new ArenaException("malformed JSON", ArenaException.Location.row("data/events.csv", 4,
                "state_after", "{\"stage\":\nopen}"));
        assertThat(e.getMessage()).isEqualTo("data/events.csv, row 4, column 'state_after', value '{\"stage\":\\nopen}':"
                + " malformed JSON");
    }

    @Test
    void aLocatedErrorIsOneLineWhateverItsColumnAndMessageHold() {
        // The fuzz tests found column names with line breaks (a CSV header cell, a JSON key) in both places.
        ArenaException e = new ArenaException("unknown actor field '\n' (expected type, id, name)",
                ArenaException.Location.line("e.json", 3, 135).withField("actor.\n", "human"));
        assertThat(e.getMessage()).isEqualTo("e.json:3:135, column 'actor.\\n', value 'human': unknown actor field"
                + " '\\n' (expected type, id, name)");
        // Without a location a message may list problems, one a line.
        assertThat(new ArenaException("2 problems:\n  a\n  b").getMessage()).isEqualTo("2 problems:\n  a\n  b");
    }
}
