package org.systemarena.integrations.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;

/** Small logs whose trees follow from the IM papers by hand. */
class InductiveMinerTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    /** Traces as strings of one-letter activities, each repeated {@code count} times: "abc:3". */
    private static EventLog log(String... traces) {
        EventLogBuilder b = EventLog.builder();
        int caseNo = 0;
        for (String spec : traces) {
            String[] parts = spec.split(":");
            int count = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
            for (int k = 0; k < count; k++) {
                String id = "c" + (caseNo++);
                for (int i = 0; i < parts[0].length(); i++) {
                    b.startEvent(id, T0.plusSeconds(i)).eventType("x").activity(String.valueOf(parts[0].charAt(i)));
                }
            }
        }
        return b.build();
    }

    private static String im(EventLog log) {
        return InductiveMiner.im().discover(log).canonical();
    }

    private static String canonical(String text) {
        return ProcessTree.parse(text).canonical();
    }

    @Test
    void baseCases() {
        assertThat(im(log("a:3"))).isEqualTo("'a'");
        assertThat(InductiveMiner.im().discover(EventLog.empty())).isEqualTo(ProcessTree.tau());
    }

    @Test
    void cuts() {
        assertThat(im(log("abc", "acb"))).isEqualTo(canonical("->( 'a', +( 'b', 'c' ) )"));
        assertThat(im(log("ab", "ac"))).isEqualTo(canonical("->( 'a', X( 'b', 'c' ) )"));
        assertThat(im(log("ab", "abcab"))).isEqualTo(canonical("*( ->( 'a', 'b' ), 'c' )"));
        assertThat(im(log("a", "ab"))).isEqualTo(canonical("->( 'a', X( tau, 'b' ) )"));
    }

    @Test
    void stepThatNeverEndsACaseStaysWithTheOptionalStepAfterIt() {
        // b never ends a case and is always followed by c, which may also come without b: a case must not end after b
        assertThat(im(log("a", "ac", "abc"))).isEqualTo(canonical("->( 'a', X( tau, ->( X( tau, 'b' ), 'c' ) ) )"));
    }

    @Test
    void blockAfterAnEndActivityStaysOneOptionalBlock() {
        // c never starts a case and only follows b: skipping b must skip c too
        assertThat(im(log("a", "abc"))).isEqualTo(canonical("->( 'a', X( tau, ->( 'b', 'c' ) ) )"));
    }

    @Test
    void groupEnteredWithoutItsSkippablePredecessorStaysSeparate() {
        // a can be skipped (b starts cases) and c also follows a directly: the log uses every skip, nothing is merged
        assertThat(im(log("abc", "bc", "ac"))).isEqualTo(canonical("->( X( tau, 'a' ), X( tau, 'b' ), 'c' )"));
        // b can be skipped (a -> c) and d also follows b directly, skipping c
        assertThat(im(log("abcd", "acd", "abd"))).isEqualTo(canonical("->( 'a', X( tau, 'b' ), X( tau, 'c' ), 'd' )"));
    }

    @Test
    void fallThroughs() {
        // a once per trace, b and c in any order and number around it
        assertThat(im(log("abc", "bac", "cab", "bca", "acbb")))
                .startsWith("+( 'a'");
        // a repeated: strict tau loop
        assertThat(im(log("a", "aa", "aaa"))).isEqualTo(canonical("*( 'a', tau )"));
        // anything in any order, different lengths: ends in a flower or loop over a choice
        String flower = im(log("abcab", "ba", "cacb", "bbbc", "acca"));
        assertThat(flower).contains("'a'").contains("'b'").contains("'c'").contains("*(");
    }

    @Test
    void imfFiltersInfrequentBehaviour() {
        EventLog noisy = log("abc:50", "acb:50", "ac:1");
        assertThat(InductiveMiner.im().discover(noisy).canonical())
                .isEqualTo(canonical("->( 'a', +( X( tau, 'b' ), 'c' ) )"));
        assertThat(InductiveMiner.imf(0.2).discover(noisy).canonical())
                .isEqualTo(canonical("->( 'a', +( 'b', 'c' ) )"));
        assertThat(InductiveMiner.imf(0).discover(noisy).canonical())
                .isEqualTo(InductiveMiner.im().discover(noisy).canonical());
    }

    @Test
    void rejectsBadNoise() {
        assertThatThrownBy(() -> InductiveMiner.imf(1.5)).isInstanceOf(ArenaException.class)
                .hasMessageContaining("1.5");
    }

    @Test
    void textNotationRoundTrips() {
        String text = "->( 'a', X( tau, 'b' ), +( 'c', *( 'd', tau ) ), 'it''s' )";
        ProcessTree tree = ProcessTree.parse(text);
        assertThat(tree.toString()).isEqualTo(text);
        assertThat(ProcessTree.parse("X( 'b', 'a' )").canonical()).isEqualTo("X( 'a', 'b' )");
        assertThat(ProcessTree.parse("->( 'b', 'a' )").canonical()).isEqualTo("->( 'b', 'a' )");
        assertThatThrownBy(() -> ProcessTree.parse("->( 'a', 'b'")).isInstanceOf(ArenaException.class)
                .hasMessageContaining("missing ')'");
        assertThatThrownBy(() -> ProcessTree.parse("?( 'a' )")).isInstanceOf(ArenaException.class)
                .hasMessageContaining("position 1");
    }
}
