package dev.cairn.blob.digest;

/**
 * What a stored flexible checksum of a multipart object covers (S3's {@code x-amz-checksum-type}).
 *
 * <ul>
 *   <li>{@link #FULL_OBJECT}: a checksum of every byte of the object, as if it had been uploaded in
 *       one piece. Only CRCs can be derived this way from the part checksums ({@link CrcCombine}).
 *   <li>{@link #COMPOSITE}: a checksum of the part checksums, written {@code base64(H(raw1 ‖ … ‖
 *       rawN))-N}; the {@code -N} suffix marks it, so a stored value tells its own type.
 * </ul>
 */
public enum ChecksumType {
    COMPOSITE,
    FULL_OBJECT;

    /** The type of a stored text value: COMPOSITE when it carries the {@code -N} suffix (base64 never has a dash). */
    public static ChecksumType ofStored(String text) {
        return text.indexOf('-') >= 0 ? COMPOSITE : FULL_OBJECT;
    }

    /**
     * Whether S3 allows this type for a multipart upload with {@code algorithm}: CRC64NVME is
     * FULL_OBJECT only, SHA1 and SHA256 COMPOSITE only, CRC32 and CRC32C either.
     */
    public boolean allows(ChecksumAlgorithm algorithm) {
        return switch (algorithm) {
            case CRC32, CRC32C -> true;
            case CRC64NVME -> this == FULL_OBJECT;
            case SHA1, SHA256 -> this == COMPOSITE;
            case MD5, B3 -> false;
        };
    }

    /** S3's default type for an upload created with {@code algorithm}: FULL_OBJECT for CRC64NVME, else COMPOSITE. */
    public static ChecksumType defaultFor(ChecksumAlgorithm algorithm) {
        return algorithm == ChecksumAlgorithm.CRC64NVME ? FULL_OBJECT : COMPOSITE;
    }
}
