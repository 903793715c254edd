package org.systemarena.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The identity and content caches of the text readers give the same answers as the lookups they save. */
class ReaderMemosTest {
    @Test
    void roleOfAgreesWithTheMappingForAnyInstanceAndManyNames() {
        ColumnMapping mapping = ColumnMapping.defaults();
        RowBuffer row = new RowBuffer();
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

    @Test
    void textCacheReturnsTheTextForEveryRegionAndReusesInstances() {
        TextCache cache = new TextCache(16); // small: collisions replace entries
        char[] buffer = "__lead-000001__lead-000002__é ü__".toCharArray();
        String a = cache.get(buffer, 2, 11);
        assertThat(a).isEqualTo("lead-000001");
        assertThat(cache.get(buffer, 2, 11)).isSameAs(a);
        assertThat(cache.get(buffer, 15, 11)).isEqualTo("lead-000002");
        assertThat(cache.get(buffer, 28, 3)).isEqualTo("é ü");
        assertThat(cache.get(buffer, 0, 0)).isEmpty();
        for (int i = 0; i < 500; i++) {
            char[] text = ("value-" + i).toCharArray();
            assertThat(cache.get(text, 0, text.length)).isEqualTo("value-" + i);
            assertThat(cache.get(text, 1, text.length - 1)).isEqualTo(("value-" + i).substring(1));
        }
        char[] big = "x".repeat(100).toCharArray();
        assertThat(cache.get(big, 0, 100)).isEqualTo("x".repeat(100));
    }

    @Test
    void textCacheSitesRememberTheirLastValueWithoutMixingFields() {
        TextCache cache = new TextCache(4, 3); // a tiny table: entries are replaced all the time
        char[] buffer = "lead-1lead-2emailphone".toCharArray();
        String lead1 = cache.get(1, buffer, 0, 6);
        assertThat(lead1).isEqualTo("lead-1");
        assertThat(cache.get(2, buffer, 12, 5)).isEqualTo("email");
        assertThat(cache.get(1, buffer, 0, 6)).isSameAs(lead1);
        for (int i = 0; i < 50; i++) { // evict everything from the table
            char[] other = ("x" + i).toCharArray();
            assertThat(cache.get(other, 0, other.length)).isEqualTo("x" + i);
        }
        assertThat(cache.get(1, buffer, 0, 6)).isSameAs(lead1);
        assertThat(cache.get(1, buffer, 6, 6)).isEqualTo("lead-2");
        assertThat(cache.get(2, buffer, 17, 5)).isEqualTo("phone");
        assertThat(cache.get(2, buffer, 12, 5)).isEqualTo("email");
        assertThat(cache.get(1, buffer, 0, 5)).isEqualTo("lead-"); // a prefix of the last value is not it
        assertThat(cache.get(0, buffer, 0, 0)).isEmpty();
        char[] big = "y".repeat(80).toCharArray();
        assertThat(cache.get(0, big, 0, 80)).isEqualTo("y".repeat(80));
        assertThat(cache.get(0, big, 0, 79)).isEqualTo("y".repeat(79));
    }
}
