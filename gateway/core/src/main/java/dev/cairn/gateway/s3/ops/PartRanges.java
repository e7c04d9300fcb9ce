package dev.cairn.gateway.s3.ops;

import dev.cairn.blob.ByteRange;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import java.util.List;

/** Where a part lies in an object, from the part layout the store recorded. */
final class PartRanges {
    private PartRanges() {
    }

    /**
     * @param partSizes the object's part sizes in order; empty for a single-part object, which is its own part 1
     * @param size the object's size
     * @param part the part number, 1 or more
     * @return the part's bytes (possibly empty)
     * @throws S3Exception InvalidPartNumber (416) for a part the object does not have
     */
    static ByteRange.Resolved of(List<Long> partSizes, long size, int part) {
        int count = partSizes.isEmpty() ? 1 : partSizes.size();
        if (part > count) {
            throw new S3Exception(S3ErrorCode.InvalidPartNumber);
        }
        if (partSizes.isEmpty()) {
            return ByteRange.Resolved.whole(size);
        }
        long offset = 0;
        for (int i = 0; i < part - 1; i++) {
            offset += partSizes.get(i);
        }
        return new ByteRange.Resolved(offset, partSizes.get(part - 1), size);
    }
}
