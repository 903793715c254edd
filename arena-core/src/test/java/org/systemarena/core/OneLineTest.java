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
}
