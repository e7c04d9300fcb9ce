package dev.cairn.gateway.oap;

import static dev.cairn.gateway.oap.BearerAuth.Verdict.ALLOWED;
import static dev.cairn.gateway.oap.BearerAuth.Verdict.MISSING;
import static dev.cairn.gateway.oap.BearerAuth.Verdict.WRONG;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BearerAuthTest {
    private final BearerAuth auth = new BearerAuth("secret-token", null, "");

    @Test
    void acceptsTheToken() {
        assertEquals(ALLOWED, auth.check("Bearer secret-token"));
        assertEquals(ALLOWED, auth.check("bearer secret-token"));
        assertEquals(ALLOWED, auth.check("BEARER   secret-token "));
    }

    @Test
    void rejectsAWrongToken() {
        assertEquals(WRONG, auth.check("Bearer secret-tokeN"));
        assertEquals(WRONG, auth.check("Bearer secret-token2"));
        assertEquals(WRONG, auth.check("Bearer secret"));
        assertEquals(WRONG, auth.check("Bearer abc=="));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Basic c2VjcmV0LXRva2Vu", "Bearersecret-token", "Bearer a b",
        "Bearer =abc", "Bearer a=b", "Bearer sécret", "Token secret-token"})
    void challengesMalformedCredentials(String header) {
        assertEquals(MISSING, auth.check(header), header);
    }

    @Test
    void challengesAMissingHeader() {
        assertEquals(MISSING, auth.check(null));
    }

    @Test
    void acceptsAnyOfSeveralTokens() {
        BearerAuth reads = new BearerAuth("read-token", "write-token");
        assertEquals(ALLOWED, reads.check("Bearer read-token"));
        assertEquals(ALLOWED, reads.check("Bearer write-token"));
        assertEquals(WRONG, reads.check("Bearer other"));
    }

    @Test
    void withNoConfiguredTokenNothingIsAllowed() {
        assertEquals(WRONG, new BearerAuth((String) null).check("Bearer anything"));
    }
}
