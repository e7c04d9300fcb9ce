package dev.cairn.gateway.s3.ops;

import dev.cairn.blob.ListRequest;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import dev.cairn.gateway.s3.route.QueryParams;
import java.util.Map;

/**
 * The parameters both listing versions share, validated.
 *
 * @param prefix the {@code prefix}, "" when absent
 * @param delimiter the {@code delimiter}, null when absent or empty (S3 then rolls nothing up and
 *     echoes no Delimiter)
 * @param maxKeys the page size, 0 to {@value ListRequest#MAX_KEYS}
 * @param encoding how names are written
 */
record ListQuery(String prefix, String delimiter, int maxKeys, NameEncoding encoding) {

    /**
     * @throws S3Exception InvalidArgument for a {@code max-keys} that is not an integer from 0 to
     *     2147483647, or an {@code encoding-type} other than {@code url}
     */
    static ListQuery parse(QueryParams q) {
        String prefix = q.first("prefix");
        String delimiter = q.first("delimiter");
        return new ListQuery(prefix == null ? "" : prefix, delimiter == null || delimiter.isEmpty() ? null : delimiter,
                maxKeys(q.first("max-keys")), NameEncoding.parse(q.first("encoding-type")));
    }

    /**
     * S3 accepts any non-negative 32-bit integer and never returns more than 1000 entries, so
     * larger values are clamped; the response's MaxKeys reports the clamped value, the page size
     * actually used.
     */
    static int maxKeys(String raw) {
        if (raw == null) {
            return ListRequest.MAX_KEYS;
        }
        boolean digits = !raw.isEmpty() && raw.length() <= 10 && raw.chars().allMatch(c -> c >= '0' && c <= '9');
        long value = digits ? Long.parseLong(raw) : -1;
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "Provided max-keys not an integer or within integer range",
                    Map.of("ArgumentName", "max-keys", "ArgumentValue", raw));
        }
        return (int) Math.min(value, ListRequest.MAX_KEYS);
    }

    /**
     * A {@code true}/{@code false} parameter (case-insensitive); absent is false.
     *
     * @throws S3Exception InvalidArgument for any other value
     */
    static boolean flag(QueryParams q, String name) {
        String raw = q.first(name);
        if (raw == null || raw.equalsIgnoreCase("false")) {
            return false;
        }
        if (raw.equalsIgnoreCase("true")) {
            return true;
        }
        throw new S3Exception(S3ErrorCode.InvalidArgument, "Invalid value for " + name + "; expected true or false.",
                Map.of("ArgumentName", name, "ArgumentValue", raw));
    }
}
