package dev.cairn.gateway.s3.auth;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Derives SigV4 signing keys ({@code HMAC chain over date, region, "s3", "aws4_request"}) and
 * keeps the most recently used ones: every request of a day with the same key and region reuses
 * its signing key, and the chain costs four HMACs.
 *
 * <p>The cache key holds the secret itself rather than the access key id, so a rotated secret
 * can never be served a stale signing key. Thread-safe.
 */
final class SigningKeyCache {
    static final String SERVICE = "s3";
    static final String TERMINATOR = "aws4_request";

    /** Cache key; {@code toString} is overridden so the secret never reaches a log. */
    private record Key(String secret, String date, String region) {
        @Override
        public String toString() {
            return "SigningKey[" + date + "/" + region + "]";
        }
    }

    private final Map<Key, byte[]> keys;

    SigningKeyCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.keys = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The signing key for a secret, a {@code yyyyMMdd} date and a region. Do not modify it. */
    byte[] signingKey(String secret, String date, String region) {
        Key key = new Key(secret, date, region);
        synchronized (keys) {
            byte[] cached = keys.get(key);
            if (cached != null) {
                return cached;
            }
        }
        // Derived outside the lock: two threads may both derive the same key, which is harmless.
        byte[] derived = derive(secret, date, region);
        synchronized (keys) {
            keys.put(key, derived);
        }
        return derived;
    }

    int size() {
        synchronized (keys) {
            return keys.size();
        }
    }

    static byte[] derive(String secret, String date, String region) {
        byte[] kDate = Crypto.hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        byte[] kRegion = Crypto.hmac(kDate, region);
        byte[] kService = Crypto.hmac(kRegion, SERVICE);
        return Crypto.hmac(kService, TERMINATOR);
    }
}
