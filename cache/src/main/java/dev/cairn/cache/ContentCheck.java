package dev.cairn.cache;

import dev.cairn.blob.MultipartChecksums;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.ChecksumType;
import dev.cairn.blob.digest.StreamingDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether bytes are exactly the version an {@link ObjectInfo} names: the only gate a read must
 * pass before its bytes enter the cache. A multipart object's BLAKE3 is the composite over its
 * parts (docs/adr/0007), so the bytes are hashed part by part along {@link ObjectInfo#partSizes()}
 * and the composite is derived with {@link MultipartChecksums}, exactly as completion derived it.
 */
final class ContentCheck {
    private ContentCheck() {
    }

    /** True when {@code chunks} hold {@code info}'s bytes: its length and its BLAKE3 (or MD5 ETag). */
    static boolean matches(ObjectInfo info, byte[][] chunks) {
        long total = 0;
        for (byte[] c : chunks) {
            total += c.length;
        }
        if (total != info.size()) {
            return false;
        }
        if (info.blake3() == null) {
            return ChecksumAlgorithm.MD5.toText(digest(ChecksumAlgorithm.MD5, chunks, 0, total)).equals(info.etag());
        }
        if (info.partSizes().isEmpty()) {
            return ChecksumAlgorithm.B3.toText(digest(ChecksumAlgorithm.B3, chunks, 0, total)).equals(info.blake3());
        }
        return composite(info, chunks).equals(info.blake3());
    }

    private static String composite(ObjectInfo info, byte[][] chunks) {
        List<MultipartChecksums.Part> parts = new ArrayList<>(info.partSizes().size());
        long offset = 0;
        for (long partSize : info.partSizes()) {
            String hex = ChecksumAlgorithm.B3.toText(digest(ChecksumAlgorithm.B3, chunks, offset, partSize));
            parts.add(new MultipartChecksums.Part(partSize, Map.of(ChecksumAlgorithm.B3, hex)));
            offset += partSize;
        }
        if (offset != info.size()) {
            return ""; // part sizes that do not add up verify nothing
        }
        return MultipartChecksums.object(parts, Set.of(), ChecksumType.COMPOSITE).get(ChecksumAlgorithm.B3);
    }

    /** The digest of {@code length} bytes from {@code offset} of the concatenated chunks. */
    private static byte[] digest(ChecksumAlgorithm algorithm, byte[][] chunks, long offset, long length) {
        StreamingDigest d = algorithm.newDigest();
        long skip = offset;
        long left = length;
        for (byte[] c : chunks) {
            if (left == 0) {
                break;
            }
            if (skip >= c.length) {
                skip -= c.length;
                continue;
            }
            int from = (int) skip;
            int n = (int) Math.min(c.length - from, left);
            d.update(c, from, n);
            left -= n;
            skip = 0;
        }
        return d.finish();
    }
}
