package dev.cairn.gateway.oap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks {@code Authorization: Bearer <token>} (RFC 6750 §2.1) against configured tokens.
 *
 * <p>Tokens are compared as SHA-256 digests with {@link MessageDigest#isEqual}, so the time
 * taken reveals neither a matching prefix nor the configured token's length. Tokens never
 * appear in exceptions or logs.
 */
final class BearerAuth {

    /** The result of a check. */
    enum Verdict {
        /** A configured token was presented. */
        ALLOWED,
        /** No Authorization header, another scheme, or a malformed one: 401 with a challenge. */
        MISSING,
        /** A well-formed bearer token that is not one of ours: 403. */
        WRONG
    }

    private final byte[][] accepted;

    /** @param tokens the accepted tokens; null or empty entries are skipped */
    BearerAuth(String... tokens) {
        java.util.List<byte[]> list = new java.util.ArrayList<>();
        for (String t : tokens) {
            if (t != null && !t.isEmpty()) {
                list.add(sha256(t));
            }
        }
        this.accepted = list.toArray(new byte[0][]);
    }

    /** @param authorization the Authorization header value, or null */
    Verdict check(String authorization) {
        String token = bearerToken(authorization);
        if (token == null) {
            return Verdict.MISSING;
        }
        byte[] presented = sha256(token);
        boolean ok = false;
        for (byte[] a : accepted) {
            // no early exit: every configured token is compared every time
            ok |= MessageDigest.isEqual(a, presented);
        }
        return ok ? Verdict.ALLOWED : Verdict.WRONG;
    }

    /**
     * The token of a well-formed {@code Bearer} credential: scheme case-insensitive, one or more
     * spaces, then a b64token ({@code [A-Za-z0-9-._~+/]+=*}); null otherwise.
     */
    static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String v = authorization.trim();
        if (v.length() < 7 || !v.regionMatches(true, 0, "Bearer", 0, 6) || v.charAt(6) != ' ') {
            return null;
        }
        String token = v.substring(7).trim();
        if (token.isEmpty()) {
            return null;
        }
        int i = 0;
        while (i < token.length() && isB64TokenChar(token.charAt(i))) {
            i++;
        }
        while (i < token.length() && token.charAt(i) == '=') {
            i++;
        }
        return i == token.length() && token.charAt(0) != '=' ? token : null;
    }

    private static boolean isB64TokenChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
