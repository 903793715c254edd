package org.systemarena.integrations.variants;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.systemarena.integrations.discovery.Pm4pyReference;

/** Variants and their counts equal PM4Py's variants.json (and complete_only_variants.json). */
class VariantsReferenceTest {

    static List<String> logs() {
        return Pm4pyReference.LOGS;
    }

    static List<String> lifecycleLogs() {
        return Pm4pyReference.LIFECYCLE_LOGS;
    }

    @ParameterizedTest
    @MethodSource("logs")
    void variantsEqualPm4py(String name) {
        JsonNode expected = Pm4pyReference.json(name, "variants.json");
        VariantLog variants = VariantLog.of(Pm4pyReference.log(name));
        assertThat(variants.size()).isEqualTo(expected.get("n_variants").asInt());
        assertThat(asMap(variants.variants())).isEqualTo(expectedMap(expected));
        assertThat(variants.variants().stream().mapToLong(VariantLog.Variant::count).sum())
                .isEqualTo(Pm4pyReference.log(name).caseCount());
    }

    @ParameterizedTest
    @MethodSource("lifecycleLogs")
    void completeOnlyVariantsEqualPm4py(String name) {
        JsonNode expected = Pm4pyReference.json(name, "complete_only_variants.json");
        VariantLog variants = VariantLog.of(Pm4pyReference.completeOnly(name));
        assertThat(asMap(variants.variants())).isEqualTo(expectedMap(expected));
    }

    static Map<List<String>, Long> expectedMap(JsonNode json) {
        Map<List<String>, Long> m = new HashMap<>();
        for (JsonNode v : json.get("variants")) {
            List<String> acts = new ArrayList<>();
            v.get("activities").forEach(a -> acts.add(a.asText()));
            m.put(acts, v.get("count").asLong());
        }
        return m;
    }

    static Map<List<String>, Long> asMap(List<VariantLog.Variant> variants) {
        Map<List<String>, Long> m = new HashMap<>();
        variants.forEach(v -> m.put(v.activities(), v.count()));
        return m;
    }
}
