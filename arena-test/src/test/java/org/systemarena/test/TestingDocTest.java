package org.systemarena.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.systemarena.core.ExampleDir;

/**
 * docs/testing.md's Java example is MoreCallsPolicyTest, which the build compiles and runs, and the failure messages
 * it quotes are the ones ArenaAssertionsTest and PolicyInvariantsTest assert.
 */
class TestingDocTest {
    private static final Path DOC = ExampleDir.DIR.resolve("../../docs/testing.md");

    @Test
    void theDocShowsTheExampleTestAsCompiled() throws IOException {
        String doc = Files.readString(DOC);
        Matcher m = Pattern.compile("## An example.*?```java\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(m.find()).as("docs/testing.md has an example").isTrue();
        String self = Files.readString(Path.of("src/test/java/org/systemarena/test/MoreCallsPolicyTest.java"));
        for (String line : m.group(1).strip().lines().toList()) {
            assertThat(self).contains(line.strip());
        }
    }

    @Test
    void theDocsFailureMessagesAreTheKitsOwn() throws IOException {
        String doc = Files.readString(DOC);
        String test = (Files.readString(Path.of("src/test/java/org/systemarena/test/ArenaAssertionsTest.java"))
                + Files.readString(Path.of("src/test/java/org/systemarena/test/PolicyInvariantsTest.java")))
                .replaceAll("\"\\s*\\+\\s*\"", "");
        Matcher m = Pattern.compile("```text\\n(Expected .*?)\\n```", Pattern.DOTALL).matcher(doc);
        int n = 0;
        while (m.find()) {
            // A message shortened with "; ..." is checked up to there.
            assertThat(test).contains(m.group(1).replace("\n", " ").replaceFirst("; \\.\\.\\.$", ""));
            n++;
        }
        assertThat(n).isPositive();
    }
}
