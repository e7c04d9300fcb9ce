package dev.cairn.gateway.s3.ops;

import dev.cairn.blob.ByteRange;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import java.util.Map;

/** The {@code x-amz-copy-source-range} header of UploadPartCopy: {@code bytes=first-last}, both inclusive. */
final class CopySourceRange {
    static final String HEADER = "x-amz-copy-source-range";

    private CopySourceRange() {
    }

    /**
     * @param header the header value, or null when absent
     * @return the range, or null for the whole source
     * @throws S3Exception InvalidArgument for any other form (suffix and open ranges included,
     *     which S3 does not take here), or a last byte before the first
     */
    static ByteRange.Closed parse(String header) {
        if (header == null) {
            return null;
        }
        String v = header.trim();
        if (!v.startsWith("bytes=")) {
            throw invalid(header);
        }
        String spec = v.substring("bytes=".length());
        int dash = spec.indexOf('-');
        if (dash <= 0 || dash == spec.length() - 1) {
            throw invalid(header);
        }
        long first = number(spec.substring(0, dash), header);
        long last = number(spec.substring(dash + 1), header);
        if (last < first) {
            throw invalid(header);
        }
        return new ByteRange.Closed(first, last);
    }

    private static long number(String s, String header) {
        // 18 digits cannot overflow a long.
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(header);
        }
        return Long.parseLong(s);
    }

    private static S3Exception invalid(String header) {
        return new S3Exception(S3ErrorCode.InvalidArgument,
                "The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based "
                        + "offsets of the first and last bytes to copy",
                Map.of("ArgumentName", HEADER, "ArgumentValue", header));
    }
}
