package dev.cairn.gateway.s3.ops;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.SupportsMultipart.MultipartUpload;
import dev.cairn.blob.SupportsMultipart.PartInfo;
import dev.cairn.blob.SupportsMultipart.PartListing;
import dev.cairn.blob.SupportsMultipart.UploadListRequest;
import dev.cairn.blob.SupportsMultipart.UploadListing;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.gateway.s3.S3Request;
import dev.cairn.gateway.s3.S3Response;
import dev.cairn.gateway.s3.S3Settings;
import dev.cairn.gateway.s3.chunked.S3Checksums;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import dev.cairn.gateway.s3.route.QueryParams;
import dev.cairn.gateway.s3.xml.XmlWriter;
import java.util.Map;

/**
 * ListParts ({@code GET /bucket/key?uploadId}) and ListMultipartUploads ({@code GET /bucket?uploads}),
 * in the element order of the AWS API reference.
 *
 * <p>ListParts: {@code max-parts} 1 to 2147483647 (above 1000 answers 1000), {@code part-number-marker}
 * 0 to 10000; anything else is 400 InvalidArgument; 404 NoSuchUpload.
 *
 * <p>ListMultipartUploads: {@code prefix}, {@code delimiter}, {@code key-marker},
 * {@code upload-id-marker} (ignored without a key marker, as in S3), {@code max-uploads} (0 to
 * 2147483647, clamped to 1000; 0 answers an empty page) and {@code encoding-type=url}, under which
 * keys, prefixes, the delimiter and the key markers are percent-encoded; without it a name XML
 * cannot carry is 400 InvalidArgument (as in ListObjects). 404 NoSuchBucket.
 */
final class MultipartListings {
    private static final int MAX_PAGE = 1000;

    private final BlobStore store;
    private final SupportsMultipart multipart;
    private final S3Settings settings;

    MultipartListings(BlobStore store, SupportsMultipart multipart, S3Settings settings) {
        this.store = store;
        this.multipart = multipart;
        this.settings = settings;
    }

    S3Response listParts(S3Request req) {
        BlobKey key = req.blobKey();
        String uploadId = UploadIds.of(req);
        QueryParams q = req.query();
        int maxParts = pageSize(q.first("max-parts"), "max-parts", 1);
        int marker = partNumberMarker(q.first("part-number-marker"));
        PartListing listing = multipart.listParts(key, uploadId, marker, maxParts);
        XmlWriter w = XmlWriter.document("ListPartsResult")
                .element("Bucket", key.bucket())
                .element("Key", key.key())
                .element("UploadId", uploadId)
                .element("PartNumberMarker", marker)
                .element("NextPartNumberMarker", listing.nextPartNumberMarker())
                .element("MaxParts", maxParts)
                .element("IsTruncated", listing.truncated());
        for (PartInfo p : listing.parts()) {
            w.start("Part")
                    .element("PartNumber", p.partNumber())
                    .element("LastModified", Timestamps.iso(p.lastModified()))
                    .element("ETag", ObjectHeaders.quotedEtag(p.etag()))
                    .element("Size", p.size());
            for (ChecksumAlgorithm a : S3Checksums.FLEXIBLE) {
                w.element("Checksum" + S3Checksums.s3Name(a), p.checksums().get(a));
            }
            w.end();
        }
        initiatorAndOwner(w);
        w.element("StorageClass", "STANDARD");
        w.element("ChecksumAlgorithm", checksumAlgorithm(listing.upload()));
        w.element("ChecksumType", checksumType(listing.upload()));
        return S3Response.xml(w.finish());
    }

    S3Response listUploads(S3Request req) {
        String bucket = req.storeBucket();
        QueryParams q = req.query();
        NameEncoding enc = NameEncoding.parse(q.first("encoding-type"));
        String prefix = emptyToNull(q.first("prefix"));
        String delimiter = emptyToNull(q.first("delimiter"));
        String keyMarker = emptyToNull(q.first("key-marker"));
        String uploadIdMarker = keyMarker == null ? null : emptyToNull(q.first("upload-id-marker"));
        int maxUploads = pageSize(q.first("max-uploads"), "max-uploads", 0);
        // Echoed names are checked before the store is asked, so a bad request costs no listing.
        String prefixOut = enc.apply(prefix);
        String delimiterOut = enc.apply(delimiter);
        String keyMarkerOut = enc.apply(keyMarker);
        UploadListing listing = maxUploads == 0
                ? emptyPage(bucket)
                : multipart.listMultipartUploads(new UploadListRequest(bucket, prefix, delimiter, keyMarker, uploadIdMarker, maxUploads));
        XmlWriter w = XmlWriter.document("ListMultipartUploadsResult")
                .element("Bucket", bucket)
                .element("KeyMarker", keyMarkerOut == null ? "" : keyMarkerOut)
                .element("UploadIdMarker", uploadIdMarker == null ? "" : uploadIdMarker)
                .element("NextKeyMarker", listing.truncated() ? enc.apply(listing.nextKeyMarker()) : null)
                .element("NextUploadIdMarker", listing.truncated() ? listing.nextUploadIdMarker() : null)
                .element("Delimiter", delimiterOut)
                .element("Prefix", prefixOut == null ? "" : prefixOut)
                .element("MaxUploads", maxUploads)
                .element("IsTruncated", listing.truncated());
        for (MultipartUpload u : listing.uploads()) {
            w.start("Upload")
                    .element("Key", enc.apply(u.key().key()))
                    .element("UploadId", u.uploadId());
            initiatorAndOwner(w);
            w.element("StorageClass", "STANDARD")
                    .element("Initiated", Timestamps.iso(u.initiated()))
                    .element("ChecksumAlgorithm", checksumAlgorithm(u))
                    .element("ChecksumType", checksumType(u))
                    .end();
        }
        for (String p : listing.commonPrefixes()) {
            w.start("CommonPrefixes").element("Prefix", enc.apply(p)).end();
        }
        w.element("EncodingType", enc.elementValue());
        return S3Response.xml(w.finish());
    }

    /** An empty page that still tells a missing bucket apart (the store pages from one upload). */
    private UploadListing emptyPage(String bucket) {
        if (!store.bucketExists(bucket)) {
            throw new S3Exception(S3ErrorCode.NoSuchBucket, null, Map.of("BucketName", bucket));
        }
        return new UploadListing(java.util.List.of(), java.util.List.of(), false, null, null);
    }

    private void initiatorAndOwner(XmlWriter w) {
        // Single tenant: whoever holds a key is the owner and initiated every upload.
        w.start("Initiator").element("ID", settings.accessKey()).element("DisplayName", settings.accessKey()).end();
        Owner.write(w, settings);
    }

    /** The flexible checksum the client created the upload with, or null. */
    private static String checksumAlgorithm(MultipartUpload upload) {
        ChecksumAlgorithm a = UploadChecksums.explicitAlgorithm(upload);
        return a == null ? null : S3Checksums.s3Name(a);
    }

    /** COMPOSITE or FULL_OBJECT for an upload created with an algorithm, else null. */
    private static String checksumType(MultipartUpload upload) {
        return UploadChecksums.explicitAlgorithm(upload) == null ? null : upload.checksumType().name();
    }

    /**
     * @return the page size, at most {@value #MAX_PAGE}
     * @throws S3Exception InvalidArgument unless an integer from {@code min} to 2147483647
     */
    static int pageSize(String raw, String name, int min) {
        if (raw == null) {
            return MAX_PAGE;
        }
        long v = digits(raw, 10);
        if (v < min || v > Integer.MAX_VALUE) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "Provided " + name + " not an integer or within integer range",
                    Map.of("ArgumentName", name, "ArgumentValue", raw));
        }
        return (int) Math.min(v, MAX_PAGE);
    }

    /** @throws S3Exception InvalidArgument unless an integer from 0 to 10000 */
    static int partNumberMarker(String raw) {
        if (raw == null || raw.isEmpty()) {
            return 0;
        }
        long v = digits(raw, 5);
        if (v < 0 || v > SupportsMultipart.MAX_PART_NUMBER) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "Part number marker must be an integer between 0 and 10000",
                    Map.of("ArgumentName", "part-number-marker", "ArgumentValue", raw));
        }
        return (int) v;
    }

    /** The value of up to {@code maxDigits} decimal digits, or -1. */
    private static long digits(String raw, int maxDigits) {
        boolean ok = !raw.isEmpty() && raw.length() <= maxDigits && raw.chars().allMatch(c -> c >= '0' && c <= '9');
        return ok ? Long.parseLong(raw) : -1;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
