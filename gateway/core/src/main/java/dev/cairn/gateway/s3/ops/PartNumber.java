package dev.cairn.gateway.s3.ops;

import dev.cairn.blob.SupportsMultipart;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import java.util.Map;

/** The {@code partNumber} query parameter of UploadPart, UploadPartCopy, GetObject and HeadObject. */
final class PartNumber {
    private PartNumber() {
    }

    /**
     * @param raw the parameter's value (not null)
     * @return the part number
     * @throws S3Exception InvalidArgument unless it is a decimal integer from 1 to 10000
     */
    static int parse(String raw) {
        // At most five digits, so a huge number can neither overflow nor be mistaken for a small one.
        boolean digits = raw != null && !raw.isEmpty() && raw.length() <= 5 && raw.chars().allMatch(c -> c >= '0' && c <= '9');
        int n = digits ? Integer.parseInt(raw) : -1;
        if (n < SupportsMultipart.MIN_PART_NUMBER || n > SupportsMultipart.MAX_PART_NUMBER) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "Part number must be an integer between 1 and 10000, inclusive",
                    Map.of("ArgumentName", "partNumber", "ArgumentValue", raw == null ? "" : raw));
        }
        return n;
    }
}
