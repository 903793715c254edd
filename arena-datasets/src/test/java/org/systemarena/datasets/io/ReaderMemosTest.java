package org.systemarena.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The memos and caches of the text readers give the same answers as the lookups they save. */
class ReaderMemosTest {
    @Test
    void roleOfAgreesWithTheMappingForAnyInstanceAndManyNames() {
        ColumnMapping mapping = ColumnMapping.defaults();
        RowBuffer row = new RowBuffer(org.systemarena.core.EventLog.builder());
        for (int round = 0; round < 3; round++) {
            for (String name : new String[] {"case_id", "timestamp", "event_type", "actor", "payload", "budget"}) {
                String copy = new String(name.toCharArray()); // a different instance each time
                assertThat(row.roleOf(mapping, copy)).isEqualTo(mapping.roleOf(name));
                assertThat(row.roleOf(mapping, name)).isEqualTo(mapping.roleOf(name));
            }
            for (int i = 0; i < 400; i++) { // more names than the memo keeps
                String name = "attribute_" + i;
                assertThat(row.roleOf(mapping, name)).isEqualTo(Canonical.ATTRIBUTE);
            }
        }
        assertThat(row.roleOf(mapping, "case_id")).isEqualTo(Canonical.CASE_ID);
        ColumnMapping renamed = ColumnMapping.of(new org.systemarena.core.manifest.CaseConfig("lead", "at", "kind",
                null, null));
        assertThat(row.roleOf(renamed, "case_id")).isEqualTo(Canonical.ATTRIBUTE); // a new mapping starts afresh
        assertThat(row.roleOf(renamed, "lead")).isEqualTo(Canonical.CASE_ID);
    }

    /** An interner that records every call, standing in for one of the builder's dictionaries. */
    private static final class Recording implements java.util.function.ToIntFunction<String> {
        final java.util.List<String> interned = new java.util.ArrayList<>();
        final org.systemarena.core.StringDictionary dictionary = new org.systemarena.core.StringDictionary();

        @Override
        public int applyAsInt(String value) {
            interned.add(value);
            return dictionary.intern(value);
        }
    }

    @Test
    void textCodesGiveTheDictionaryCodeAndTextForEveryRegion() {
        Recording dictionary = new Recording();
        TextCodes codes = new TextCodes(16, dictionary); // small: collisions replace slots
        char[] buffer = "__lead-000001__lead-000002__é ü__".toCharArray();
        int a = codes.code(buffer, 2, 11);
        assertThat(codes.value()).isEqualTo("lead-000001");
        assertThat(a).isEqualTo(dictionary.dictionary.code("lead-000001"));
        String first = codes.value();
        assertThat(codes.code(buffer, 2, 11)).isEqualTo(a);
        assertThat(codes.value()).isSameAs(first);
        assertThat(codes.code(buffer, 15, 11)).isEqualTo(dictionary.dictionary.code("lead-000002"));
        assertThat(codes.code(buffer, 2, 11)).isEqualTo(a); // back to the first: from its slot
        assertThat(dictionary.interned).containsExactly("lead-000001", "lead-000002");
        assertThat(codes.code(buffer, 28, 3)).isEqualTo(dictionary.dictionary.code("é ü"));
        assertThat(codes.value()).isEqualTo("é ü");
        assertThat(codes.code(buffer, 0, 0)).isEqualTo(dictionary.dictionary.code(""));
        assertThat(codes.value()).isEmpty();
        assertThat(codes.code(buffer, 2, 5)).isEqualTo(dictionary.dictionary.code("lead-")); // a prefix is not it
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 500; i++) { // far more values than slots
                char[] text = ("value-" + i).toCharArray();
                assertThat(codes.code(text, 0, text.length)).isEqualTo(dictionary.dictionary.code("value-" + i));
                assertThat(codes.value()).isEqualTo("value-" + i);
                assertThat(codes.code(text, 1, text.length - 1))
                        .isEqualTo(dictionary.dictionary.code(("value-" + i).substring(1)));
            }
        }
        char[] big = "x".repeat(100).toCharArray(); // longer than a slot keeps
        int bigCode = codes.code(big, 0, 100);
        assertThat(codes.value()).isEqualTo("x".repeat(100));
        assertThat(codes.code(big, 0, 100)).isEqualTo(bigCode);
        assertThat(codes.code(big, 0, 99)).isEqualTo(dictionary.dictionary.code("x".repeat(99)));
        assertThat(dictionary.dictionary.size()).isEqualTo(dictionary.dictionary.values().stream().distinct().count());
    }

    @Test
    void textCodesLookUpARepeatedValueOnlyOnceWhileItStaysInItsSlot() {
        Recording dictionary = new Recording();
        TextCodes codes = new TextCodes(1024, dictionary);
        // Values of one field that alternate; the last two differ only in length and one char in the middle.
        List<String> values = List.of("contact-000001", "acct-000001", "rep-24", "interaction.occurred:outbound",
                "interaction.occurred:inbound");
        for (int event = 0; event < 100; event++) {
            for (String value : values) {
                char[] text = ("~" + value + "~").toCharArray();
                assertThat(codes.code(text, 1, value.length())).isEqualTo(dictionary.dictionary.code(value));
            }
        }
        assertThat(dictionary.interned).isEqualTo(values);
    }

    @Test
    void textCodesGiveOneCodePerTextWhetherItComesAsCharsOrAsciiBytes() {
        Recording dictionary = new Recording();
        TextCodes codes = new TextCodes(8192, dictionary);
        List<String> values = new java.util.ArrayList<>();
        for (int length = 0; length <= 40; length++) { // inline (up to 16) and longer, around every 8-byte edge
            values.add("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG".substring(0, length));
            values.add("x".repeat(length)); // same lengths, other bytes
            if (length > 0) {
                values.add("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG".substring(0, length - 1) + "!");
            }
        }
        values.add("y".repeat(70)); // too long to keep
        values.add("Zoë");
        values.add("Ł1"); // U+0141: its low byte is the 'A' of the next value
        values.add("A1");
        values.add("Łódź-0000000000000001");
        values.add("Aódz-0000000000000001");
        for (int round = 0; round < 3; round++) {
            for (String value : values) {
                char[] chars = ("<" + value + ">").toCharArray();
                int byChars = codes.code(chars, 1, value.length());
                assertThat(codes.value()).isEqualTo(value);
                assertThat(byChars).isEqualTo(dictionary.dictionary.code(value));
                if (value.chars().allMatch(c -> c < 0x80)) {
                    byte[] bytes = ("<<" + value + ">").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    assertThat(codes.code(bytes, 2, value.length())).isEqualTo(byChars);
                    assertThat(codes.value()).isEqualTo(value);
                }
            }
        }
        // Each value interned once, except the one too long to keep (once per lookup).
        assertThat(dictionary.interned.stream().filter(v -> v.length() < 70).toList())
                .isEqualTo(values.stream().filter(v -> v.length() < 70).distinct().toList());
    }

    @Test
    void codeMemoGivesTheDictionaryCodeForEveryInstance() {
        Recording dictionary = new Recording();
        CodeMemo memo = new CodeMemo(4, dictionary); // a tiny table: entries are replaced all the time
        String lead = "lead-1";
        int code = memo.code(lead);
        assertThat(memo.code(lead)).isEqualTo(code);
        assertThat(memo.code(new String("lead-1".toCharArray()))).isEqualTo(code); // equal text, other instance
        for (int i = 0; i < 50; i++) {
            String value = "x" + i;
            assertThat(memo.code(value)).isEqualTo(dictionary.dictionary.code(value));
        }
        assertThat(memo.code(lead)).isEqualTo(code);
        assertThat(dictionary.dictionary.size()).isEqualTo(51);
    }
}
