package dev.cairn.gateway.s3.ops;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The {@code x-amz-copy-source} header: {@code [/]bucket/key[?versionId=id]}, percent-encoded as
 * in a URL path. The key is decoded exactly ({@code +} stays a plus, as in paths; {@code %2B}
 * is a plus too), and everything after the first unencoded {@code ?} is the query.
 *
 * @param bucket the source bucket
 * @param key the decoded source key
 * @param versionId the requested version id, or null
 */
record CopySource(String bucket, String key, String versionId) {
    static final String HEADER = "x-amz-copy-source";

    /**
     * @throws S3Exception InvalidArgument when the header is not a bucket and a key, holds bad
     *     percent-encoding or invalid UTF-8, or carries another query parameter than versionId
     */
    static CopySource parse(String header) {
        String v = header.trim();
        String query = null;
        int q = v.indexOf('?');
        if (q >= 0) {
            query = v.substring(q + 1);
            v = v.substring(0, q);
        }
        if (v.startsWith("/")) {
            v = v.substring(1);
        }
        int slash = v.indexOf('/');
        if (slash <= 0 || slash == v.length() - 1) {
            throw invalid();
        }
        String bucket = decode(v.substring(0, slash));
        String key = decode(v.substring(slash + 1));
        return new CopySource(bucket, key, versionId(query));
    }

    private static String versionId(String query) {
        if (query == null) {
            return null;
        }
        if (!query.startsWith("versionId=") || query.indexOf('&') >= 0) {
            throw invalid();
        }
        return decode(query.substring("versionId=".length()));
    }

    private static S3Exception invalid() {
        return new S3Exception(S3ErrorCode.InvalidArgument, "Copy Source must mention the source bucket and key: sourcebucket/sourcekey",
                Map.of("ArgumentName", HEADER));
    }

    /** Strict percent-decoding to UTF-8; {@code +} is literal. */
    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
                byte[] b = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                i = end - 1;
                continue;
            }
            int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = hi < 0 ? -1 : Character.digit(s.charAt(i + 2), 16);
            if (lo < 0) {
                throw invalid();
            }
            out.write(hi << 4 | lo);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid();
        }
    }
}
