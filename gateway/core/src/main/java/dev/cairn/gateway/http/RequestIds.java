package dev.cairn.gateway.http;

import java.security.SecureRandom;

/** Short random request identifiers: unguessable enough to be unique in logs, short enough to read aloud. */
final class RequestIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private RequestIds() {
    }

    static String next() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        char[] out = new char[16];
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = DIGITS[(b[i] >> 4) & 0xf];
            out[2 * i + 1] = DIGITS[b[i] & 0xf];
        }
        return new String(out);
    }
}
