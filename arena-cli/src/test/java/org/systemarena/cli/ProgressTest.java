package org.systemarena.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void drawsABarAfterHalfASecondAndClearsItsLine() throws InterruptedException {
        StringWriter text = new StringWriter();
        PrintWriter err = new PrintWriter(text);
        try (Progress p = Progress.of(true, err, "replaying", () -> 40, () -> 1234, "decisions")) {
            Thread.sleep(1200);
        }
        String s = text.toString();
        assertThat(s).startsWith("\rreplaying [############------------------]  40% 1,234 decisions ")
                .endsWith("\r");
        assertThat(s.substring(s.lastIndexOf('\r', s.length() - 2) + 1, s.length() - 1)).isBlank();
    }

    @Test
    void drawsNothingWhenDisabledOrShort() throws InterruptedException {
        StringWriter text = new StringWriter();
        PrintWriter err = new PrintWriter(text);
        try (Progress p = Progress.of(false, err, "loading")) {
            Thread.sleep(700);
        }
        try (Progress p = Progress.of(true, err, "loading")) {
            Thread.sleep(50);
        }
        assertThat(text.toString()).isEmpty();
    }
}
