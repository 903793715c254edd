package org.systemarena.datasets.io.json;

import java.util.List;

/** Special texts for mutating JSON: structure, escapes, canonical keys with values of the wrong kind. */
final class JsonFuzzTokens {
    static final List<String> TOKENS = List.of("{}", "[]", "{\"a\":", "\"case_id\":", "\"timestamp\":",
            "\"event_type\":", "\"events\":", "\"actor\":", "\"object_refs\":", "\"payload\":", "\"state_after\":",
            "\"propensity\":", "\"seq\":", "\"sequence_number\":", "{\"type\":null}", "[{}]", "[null]", "\\\"", "\\n",
            "\\u0000", "\\udc00", "\\uZZZZ", "/*", "//", "'", "NaN", "1.5e", "01", "+1", ".5", "\"\\u00e9\"");
    static final List<String> RUNS = List.of("[", "{\"a\":", "[{\"a\":", "]", "}", " ", "\n", "\"x\",");

    private JsonFuzzTokens() {
    }
}
