package dev.cairn.gateway.s3.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessKeysTest {

    @Test
    void looksUpEveryPairAndNothingElse() {
        Map<String, String> others = new LinkedHashMap<>();
        others.put("AKIDTWO", "secret-two");
        others.put("ci.robot+1@example", "secret-three");
        AccessKeys keys = AccessKeys.create("AKIDOWNER", "secret-one", others);
        assertEquals("secret-one", keys.secretKeyFor("AKIDOWNER"));
        assertEquals("secret-two", keys.secretKeyFor("AKIDTWO"));
        assertEquals("secret-three", keys.secretKeyFor("ci.robot+1@example"));
        assertNull(keys.secretKeyFor("akidtwo"), "key ids are case-sensitive, as in S3");
        assertNull(keys.secretKeyFor(null));
        assertEquals("AKIDOWNER", keys.owner());
        assertEquals(List.of("AKIDOWNER", "AKIDTWO", "ci.robot+1@example"), List.copyOf(keys.keyIds()));
    }

    @Test
    void toStringNamesIdsButNoSecret() {
        String s = AccessKeys.create("AKIDOWNER", "secret-one", Map.of("AKIDTWO", "secret-two")).toString();
        assertTrue(s.contains("AKIDTWO"), s);
        assertFalse(s.contains("secret-one") || s.contains("secret-two"), s);
    }

    @Test
    void rejectsTheOwnerTwiceAndEmptySecrets() {
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> AccessKeys.create("AKID", "s1", Map.of("AKID", "s2")));
        assertTrue(twice.getMessage().contains("'AKID'") && !twice.getMessage().contains("s2"), twice.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> AccessKeys.create("AKID", "s1", Map.of("OTHER", "")));
        assertTrue(empty.getMessage().contains("'OTHER'"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AccessKeys.of("AKID", null));
        assertThrows(IllegalArgumentException.class, () -> AccessKeys.of("", "s"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "a b", "a,b", "a=b", "a:b", "é", "tab\there"})
    void rejectsKeyIdsThatCannotBeSigned(String id) {
        assertThrows(IllegalArgumentException.class, () -> AccessKeys.of(id, "secret"));
    }
}
