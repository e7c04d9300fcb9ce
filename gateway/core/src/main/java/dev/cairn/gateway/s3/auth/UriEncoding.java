package dev.cairn.gateway.s3.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding of raw request parts and the strict URI encoding of SigV4 (RFC 3986: every
 * byte except {@code A-Z a-z 0-9 - . _ ~} becomes {@code %XX} with upper-case hex).
 */
final class UriEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    /**
     * Decodes {@code %XX} escapes to bytes; other characters become their UTF-8 bytes. A
     * {@code %} not followed by two hex digits stays a literal {@code %}, as S3 reads it.
     *
     * @param plusIsSpace true for query components, where {@code +} means a space
     */
    static byte[] decode(String raw, boolean plusIsSpace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && hexValue(raw.charAt(i + 1)) >= 0 && hexValue(raw.charAt(i + 2)) >= 0) {
                out.write(hexValue(raw.charAt(i + 1)) << 4 | hexValue(raw.charAt(i + 2)));
                i += 3;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
                i++;
            } else {
                int cp = raw.codePointAt(i);
                byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
                i += Character.charCount(cp);
            }
        }
        return out.toByteArray();
    }

    /** Encodes bytes per SigV4; {@code keepSlash} leaves {@code /} as is (paths only). */
    static String encode(byte[] bytes, boolean keepSlash) {
        StringBuilder sb = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int v = b & 0xff;
            if (isUnreserved(v) || (keepSlash && v == '/')) {
                sb.append((char) v);
            } else {
                sb.append('%').append(HEX[v >> 4]).append(HEX[v & 0xf]);
            }
        }
        return sb.toString();
    }

    /** Encodes a string's UTF-8 bytes per SigV4, {@code /} included. */
    static String encode(String s) {
        return encode(s.getBytes(StandardCharsets.UTF_8), false);
    }

    private static boolean isUnreserved(int v) {
        return (v >= 'A' && v <= 'Z') || (v >= 'a' && v <= 'z') || (v >= '0' && v <= '9')
                || v == '-' || v == '.' || v == '_' || v == '~';
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
