package dev.cairn.server.auth;

import java.security.SecureRandom;
import java.util.Base64;

/** Generates fresh credentials from a {@link SecureRandom}. */
final class CredentialGenerator {
    private static final String ACCESS_KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String ACCESS_KEY_PREFIX = "CAIRN";
    private static final int ACCESS_KEY_LENGTH = 20;

    private final SecureRandom random;

    CredentialGenerator(SecureRandom random) {
        this.random = random;
    }

    /** 20 characters of [A-Z0-9] starting with {@code CAIRN}, shaped like an AWS access key id. */
    String accessKey() {
        StringBuilder b = new StringBuilder(ACCESS_KEY_PREFIX);
        while (b.length() < ACCESS_KEY_LENGTH) {
            b.append(ACCESS_KEY_ALPHABET.charAt(random.nextInt(ACCESS_KEY_ALPHABET.length())));
        }
        return b.toString();
    }

    /** 40 characters of base64url (240 random bits), the length of an AWS secret key. */
    String secretKey() {
        return base64Url(30);
    }

    /** 43 characters of base64url (256 random bits). */
    String token() {
        return base64Url(32);
    }

    private String base64Url(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
