package dev.cairn.gateway.s3.chunked;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.Hex;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * S3's names, text forms and messages for the flexible checksums (CRC32, CRC32C, CRC64NVME, SHA1,
 * SHA256) and for {@code Content-MD5}.
 */
public final class S3Checksums {
    /** The algorithms S3 accepts as flexible checksums, in the order S3 documents them. */
    public static final List<ChecksumAlgorithm> FLEXIBLE = List.of(ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32C,
            ChecksumAlgorithm.CRC64NVME, ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA256);

    private S3Checksums() {
    }

    /** The S3 name, as in {@code x-amz-sdk-checksum-algorithm}: {@code CRC32}, ..., {@code SHA256}. */
    public static String s3Name(ChecksumAlgorithm algorithm) {
        requireFlexible(algorithm);
        return algorithm.name();
    }

    /** The header (and trailer) that carries the value: {@code x-amz-checksum-crc32}, ... */
    public static String headerName(ChecksumAlgorithm algorithm) {
        return "x-amz-checksum-" + s3Name(algorithm).toLowerCase(Locale.ROOT);
    }

    /** The algorithm whose header or trailer this is, or null. */
    public static ChecksumAlgorithm forHeaderName(String name) {
        for (ChecksumAlgorithm a : FLEXIBLE) {
            if (headerName(a).equalsIgnoreCase(name)) {
                return a;
            }
        }
        return null;
    }

    /**
     * The algorithm named by an {@code x-amz-sdk-checksum-algorithm} or {@code x-amz-checksum-algorithm}
     * value (case-insensitive, as S3 accepts it).
     *
     * @throws S3RequestException {@code InvalidRequest} for any other value
     */
    public static ChecksumAlgorithm parseAlgorithm(String headerName, String value) throws S3RequestException {
        for (ChecksumAlgorithm a : FLEXIBLE) {
            if (a.name().equalsIgnoreCase(value.trim())) {
                return a;
            }
        }
        throw new S3RequestException(S3ErrorCode.InvalidRequest, "Value for " + headerName + " header is invalid.");
    }

    /** Length in bytes of the raw checksum. */
    static int rawLength(ChecksumAlgorithm algorithm) {
        return switch (algorithm) {
            case CRC32, CRC32C -> 4;
            case CRC64NVME -> 8;
            case SHA1 -> 20;
            case SHA256 -> 32;
            case MD5 -> 16;
            case B3 -> 32;
        };
    }

    /**
     * Checks that a checksum value is the canonical base64 form of the algorithm's length.
     *
     * @param where {@code "header"} or {@code "trailing header"}, for the message
     * @return the value, trimmed
     * @throws S3RequestException {@code InvalidRequest} "Value for x-amz-checksum-... header is invalid."
     */
    public static String validate(ChecksumAlgorithm algorithm, String value, String where) throws S3RequestException {
        String v = value.trim();
        if (!isCanonicalBase64(v, rawLength(algorithm))) {
            throw new S3RequestException(S3ErrorCode.InvalidRequest,
                    "Value for " + headerName(algorithm) + " " + where + " is invalid.");
        }
        return v;
    }

    /**
     * The MD5 in a {@code Content-MD5} header as lowercase hex, the form
     * {@link dev.cairn.blob.digest.DigestingInputStream} compares with.
     *
     * @throws S3RequestException {@code InvalidDigest} unless the value is the base64 form of 16 bytes
     */
    public static String contentMd5Hex(String headerValue) throws S3RequestException {
        String v = headerValue.trim();
        if (!isCanonicalBase64(v, 16)) {
            throw new S3RequestException(S3ErrorCode.InvalidDigest, "The Content-MD5 you specified was invalid.");
        }
        return Hex.encode(Base64.getDecoder().decode(v));
    }

    /**
     * The S3 message for a {@code BadDigest}: for MD5 the {@code Content-MD5} wording, otherwise
     * "The CRC32 you specified did not match the calculated checksum."
     */
    /**
     * The S3 error for an {@link dev.cairn.blob.digest.IntegrityException} from a verifying stream:
     * a digest mismatch is BadDigest, a length mismatch IncompleteBody.
     */
    public static S3ErrorCode errorFor(dev.cairn.blob.digest.IntegrityException e) {
        return switch (e.reason()) {
            case DIGEST_MISMATCH -> S3ErrorCode.BadDigest;
            case LENGTH_MISMATCH -> S3ErrorCode.IncompleteBody;
        };
    }

    public static String badDigestMessage(ChecksumAlgorithm algorithm) {
        if (algorithm == ChecksumAlgorithm.MD5) {
            return "The Content-MD5 you specified did not match what we received.";
        }
        return "The " + s3Name(algorithm) + " you specified did not match the calculated checksum.";
    }

    /** Padded standard base64 of exactly {@code rawLength} bytes, the only form S3 and the SDKs produce. */
    private static boolean isCanonicalBase64(String v, int rawLength) {
        if (v.length() != 4 * ((rawLength + 2) / 3)) {
            return false;
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(v);
        } catch (IllegalArgumentException e) {
            return false;
        }
        // Re-encoding rejects non-zero padding bits, which decode to the same bytes as another text.
        return raw.length == rawLength && Base64.getEncoder().encodeToString(raw).equals(v);
    }

    private static void requireFlexible(ChecksumAlgorithm algorithm) {
        if (!FLEXIBLE.contains(algorithm)) {
            throw new IllegalArgumentException(algorithm + " is not an S3 flexible checksum");
        }
    }
}
