package dev.cairn.gateway.s3.ops;

import dev.cairn.gateway.http.Headers;
import dev.cairn.gateway.s3.S3Response;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code x-amz-meta-*} user metadata. Names are stored lower-cased without the prefix; values
 * are stored exactly as received (raw UTF-8 or RFC 2047 encoded words alike: S3 does not decode
 * them, so neither do we) and sent back unchanged.
 */
final class UserMetadata {
    static final String PREFIX = "x-amz-meta-";
    /** S3's limit: the UTF-8 bytes of every name and value, summed. */
    static final int MAX_BYTES = 2048;

    private UserMetadata() {
    }

    /**
     * The user metadata of a write request. A header repeated on several lines is joined with
     * commas, as S3 does.
     *
     * @throws S3Exception MetadataTooLarge (400) over {@value #MAX_BYTES} bytes; InvalidArgument
     *     for a header named just {@code x-amz-meta-}
     */
    static Map<String, String> fromRequest(Headers request) {
        Map<String, String> out = new TreeMap<>();
        int size = 0;
        for (String header : request.names()) {
            if (!header.startsWith(PREFIX)) {
                continue;
            }
            String name = header.substring(PREFIX.length());
            if (name.isEmpty()) {
                throw new S3Exception(S3ErrorCode.InvalidArgument, "A user metadata header needs a name after x-amz-meta-.");
            }
            String value = String.join(",", request.all(header));
            size += utf8(name) + utf8(value);
            out.put(name, value);
        }
        if (size > MAX_BYTES) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("Size", Integer.toString(size));
            details.put("MaxSizeAllowed", Integer.toString(MAX_BYTES));
            throw new S3Exception(S3ErrorCode.MetadataTooLarge, null, details);
        }
        return out;
    }

    static void addTo(S3Response r, Map<String, String> metadata) {
        metadata.forEach((name, value) -> r.header(PREFIX + name, value));
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
