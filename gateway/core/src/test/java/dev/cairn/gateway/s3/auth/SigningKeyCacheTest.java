package dev.cairn.gateway.s3.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SigningKeyCacheTest {

    @Test
    void reusesTheKeyOfADayAndStaysBounded() {
        SigningKeyCache cache = new SigningKeyCache(2);
        byte[] first = cache.signingKey("secret", "20130524", "us-east-1");

        assertSame(first, cache.signingKey("secret", "20130524", "us-east-1"));
        assertArrayEquals(SigningKeyCache.derive("secret", "20130524", "us-east-1"), first);
        cache.signingKey("secret", "20130525", "us-east-1");
        cache.signingKey("secret", "20130526", "us-east-1");
        assertEquals(2, cache.size());
    }

    @Test
    void aRotatedSecretGetsItsOwnKey() {
        SigningKeyCache cache = new SigningKeyCache(8);

        byte[] before = cache.signingKey("old", "20130524", "us-east-1");
        byte[] after = cache.signingKey("new", "20130524", "us-east-1");

        assertFalse(Arrays.equals(before, after));
    }
}
