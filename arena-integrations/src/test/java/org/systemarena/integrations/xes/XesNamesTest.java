package org.systemarena.integrations.xes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XesNamesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "concept:name|concept:name",
        "Result by Reviewer A|Result_x0020_by_x0020_Reviewer_x0020_A",
        "1st|_x0031_st",
        "a_x0020_b|a_x005F_x0020_b",
        "plain_underscore|plain_underscore"
    })
    void encodesOnlyWhatIsNotAName(String key, String encoded) {
        assertThat(XesNames.encode(key)).isEqualTo(encoded);
        assertThat(XesNames.decode(encoded)).isEqualTo(key);
    }
}
