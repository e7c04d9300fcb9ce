package dev.cairn.gateway.s3.auth;

import dev.cairn.blob.digest.Hex;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** SHA-256 and HMAC-SHA256, the two primitives of SigV4. */
final class Crypto {
    static final String EMPTY_SHA256_HEX = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private Crypto() {
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    static String sha256Hex(String utf8) {
        return Hex.encode(sha256(utf8.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK provides HmacSHA256", e);
        }
    }

    /**
     * Compares a computed lower-case hex signature with the one the client sent, in time that
     * does not depend on where they differ. S3 compares the strings exactly, so upper-case hex
     * from a client does not match either.
     */
    static boolean signaturesEqual(String expectedHex, String providedHex) {
        if (providedHex == null) {
            return false;
        }
        return MessageDigest.isEqual(expectedHex.getBytes(StandardCharsets.US_ASCII),
                providedHex.getBytes(StandardCharsets.UTF_8));
    }
}
