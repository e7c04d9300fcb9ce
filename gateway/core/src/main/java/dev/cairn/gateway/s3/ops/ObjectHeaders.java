package dev.cairn.gateway.s3.ops;

import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.ChecksumType;
import dev.cairn.gateway.http.Headers;
import dev.cairn.gateway.http.HttpDates;
import dev.cairn.gateway.s3.S3Response;
import dev.cairn.gateway.s3.chunked.AwsChunkedRequest;
import dev.cairn.gateway.s3.chunked.S3Checksums;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The representation headers S3 stores with an object and sends back on GET and HEAD, and the
 * validators and checksums of an object version as response headers.
 */
final class ObjectHeaders {
    /** S3's default media type for objects stored without a Content-Type. */
    static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";

    /**
     * Cairn's own header carrying the object's BLAKE3 (64 lowercase hex digits). A dedicated
     * header rather than {@code x-amz-meta-b3}, so user metadata stays exactly what the client
     * stored.
     */
    static final String BLAKE3_HEADER = "x-cairn-b3";

    private static final int BLAKE3_HEX_LENGTH = 64;

    /** Stored header names (lower-case, as in {@link ObjectInfo#contentHeaders()}) to their wire spelling. */
    static final Map<String, String> STORED = orderedMap(
            "cache-control", "Cache-Control",
            "content-disposition", "Content-Disposition",
            "content-encoding", "Content-Encoding",
            "content-language", "Content-Language",
            "expires", "Expires");

    private ObjectHeaders() {
    }

    /** The Content-Type to store: the request's, or S3's default. */
    static String contentType(Headers request) {
        String type = request.first("Content-Type");
        return type == null || type.isBlank() ? DEFAULT_CONTENT_TYPE : type;
    }

    /**
     * The representation headers to store from a write request, lower-case names. The
     * {@code aws-chunked} content coding describes the upload only and is dropped, as S3 does.
     */
    static Map<String, String> fromRequest(Headers request) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : STORED.keySet()) {
            String value = request.joined(name);
            if (name.equals("content-encoding")) {
                value = AwsChunkedRequest.storedContentEncoding(value).orElse(null);
            }
            if (value != null) {
                out.put(name, value);
            }
        }
        return out;
    }

    /**
     * The BLAKE3 a write request says its body has ({@value #BLAKE3_HEADER}), for the store to
     * verify before it publishes. Only the form Cairn itself sends is accepted, 64 lowercase hex
     * digits, so a value copied from a response always works and a typo is never half-parsed.
     *
     * @return the expected digest, or null when the header is absent
     * @throws S3Exception InvalidDigest (400) for any other form, or when the header is repeated
     */
    static String expectedBlake3(Headers request) {
        List<String> values = request.all(BLAKE3_HEADER);
        if (values.isEmpty()) {
            return null;
        }
        String v = values.get(0).trim();
        if (values.size() > 1 || !isLowerHex(v, BLAKE3_HEX_LENGTH)) {
            throw new S3Exception(S3ErrorCode.InvalidDigest,
                    "The " + BLAKE3_HEADER + " you specified was invalid: it must be 64 lowercase hex digits.");
        }
        return v;
    }

    private static boolean isLowerHex(String v, int length) {
        return v.length() == length && v.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    /** ETag and Last-Modified of a version: what a 200, 206 and 304 all carry. */
    static Map<String, String> validators(ObjectInfo info) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("ETag", quotedEtag(info.etag()));
        out.put("Last-Modified", HttpDates.format(info.lastModified()));
        return out;
    }

    static String quotedEtag(String etag) {
        return "\"" + etag + "\"";
    }

    /** Adds the {@code x-amz-checksum-*} header for every flexible checksum the version has. */
    static void addChecksums(S3Response r, ObjectInfo info) {
        boolean any = false;
        for (ChecksumAlgorithm a : S3Checksums.FLEXIBLE) {
            String v = info.checksums().get(a);
            if (v != null) {
                r.header(S3Checksums.headerName(a), v);
                any = true;
            }
        }
        if (any) {
            r.header("x-amz-checksum-type", checksumType(info).name());
        }
    }

    /**
     * Adds part {@code partNumber}'s own flexible checksums, kept for the parts of an object with
     * COMPOSITE checksums (nothing for a FULL_OBJECT one: no per-part value covers what is sent).
     */
    static void addPartChecksums(S3Response r, ObjectInfo info, int partNumber) {
        Map<ChecksumAlgorithm, String> sums = info.partChecksums(partNumber);
        boolean any = false;
        for (ChecksumAlgorithm a : S3Checksums.FLEXIBLE) {
            String v = sums.get(a);
            if (v != null) {
                r.header(S3Checksums.headerName(a), v);
                any = true;
            }
        }
        if (any) {
            r.header("x-amz-checksum-type", ChecksumType.COMPOSITE.name());
        }
    }

    /**
     * What the version's flexible checksums cover: a single-part object's and a multipart object's
     * FULL_OBJECT CRC cover every byte; S3's composite form ({@code base64(digest of the part
     * digests)-N}) tells itself by its suffix (docs/adr/0009).
     */
    static ChecksumType checksumType(ObjectInfo info) {
        for (ChecksumAlgorithm a : S3Checksums.FLEXIBLE) {
            String v = info.checksums().get(a);
            if (v != null && ChecksumType.ofStored(v) == ChecksumType.COMPOSITE) {
                return ChecksumType.COMPOSITE;
            }
        }
        return ChecksumType.FULL_OBJECT;
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
