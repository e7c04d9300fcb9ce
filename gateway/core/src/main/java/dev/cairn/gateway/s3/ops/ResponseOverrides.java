package dev.cairn.gateway.s3.ops;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import dev.cairn.gateway.s3.route.QueryParams;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GetObject's and HeadObject's {@code response-*} query parameters, which replace a stored
 * header in this one response. S3 honours them only on authenticated requests; every S3 request
 * to Cairn is authenticated, so they always apply.
 */
final class ResponseOverrides {
    /** Query parameter to the response header it replaces. */
    private static final Map<String, String> PARAMS = ordered(
            "response-content-type", "Content-Type",
            "response-content-language", "Content-Language",
            "response-expires", "Expires",
            "response-cache-control", "Cache-Control",
            "response-content-disposition", "Content-Disposition",
            "response-content-encoding", "Content-Encoding");

    private ResponseOverrides() {
    }

    /**
     * The overriding headers, keyed by their wire name.
     *
     * @throws S3Exception InvalidArgument for a value holding a control character, which no header
     *     can carry (and which would otherwise split the response)
     */
    static Map<String, String> from(QueryParams query) {
        Map<String, String> out = new LinkedHashMap<>();
        PARAMS.forEach((param, header) -> {
            String value = query.first(param);
            if (value == null) {
                return;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 && c != '\t' || c == 0x7f) {
                    throw new S3Exception(S3ErrorCode.InvalidArgument, "Header value cannot contain control characters.",
                            ordered("ArgumentName", param));
                }
            }
            out.put(header, value);
        });
        return out;
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
