package dev.capstan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What the audit log stores of a text: nothing PostgreSQL refuses, and always enough to tell exactly what was typed. */
class AuditTextPropertiesTest {
    private static final List<String> PIECES = List.of("\0", "\\", "u", "0", "u0000", "\\u0000", "x", " ", "é");

    @Provide
    Arbitrary<String> backslashesAndNuls() {
        return Arbitraries.of(PIECES).list().ofMaxSize(12).map(pieces -> String.join("", pieces));
    }

    @Property(tries = 3000)
    void storedTextHasNoNulAndReadsBackAsTyped(@ForAll("backslashesAndNuls") String typed) {
        String stored = AuditStore.storable(typed);
        assertThat(stored).doesNotContain("\0");
        assertThat(readBack(stored)).isEqualTo(typed);
    }

    @Property(tries = 1000)
    void anyTextReadsBackAsTyped(@ForAll String typed) {
        assertThat(readBack(AuditStore.storable(typed))).isEqualTo(typed);
    }

    @Example
    void ordinaryTextIsStoredAsItCame() {
        assertThat(AuditStore.storable("/capstan team add web <@U123> \"two words\" a\\ b")).isEqualTo(
                "/capstan team add web <@U123> \"two words\" a\\ b");
    }

    @Example
    void aNulIsWrittenAsItsEscapeAndABackslashBeforeUIsDoubled() {
        assertThat(AuditStore.storable("team create \0")).isEqualTo("team create \\u0000");
        assertThat(AuditStore.storable("bio C:\\users")).isEqualTo("bio C:\\\\users");
    }

    /** The reading rule in {@link AuditStore#storable}'s documentation. */
    private static String readBack(String stored) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < stored.length()) {
            int run = 0;
            while (i + run < stored.length() && stored.charAt(i + run) == '\\') run++;
            boolean beforeU = i + run < stored.length() && stored.charAt(i + run) == 'u';
            if (run == 0 || !beforeU) {
                out.append(stored, i, i + Math.max(run, 1));
                i += Math.max(run, 1);
            } else if (run % 2 == 0) {
                out.append("\\".repeat(run / 2)).append('u');
                i += run + 1;
            } else {
                out.append("\\".repeat(run / 2)).append('\0');
                i += run + "u0000".length();
            }
        }
        return out.toString();
    }
}
