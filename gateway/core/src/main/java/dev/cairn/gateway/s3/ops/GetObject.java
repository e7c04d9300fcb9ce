package dev.cairn.gateway.s3.ops;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ReadConditions;
import dev.cairn.blob.ReadOptions;
import dev.cairn.gateway.http.ObjectReaderBody;
import dev.cairn.gateway.http.RangeHeader;
import dev.cairn.gateway.s3.S3Request;
import dev.cairn.gateway.s3.S3Response;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GetObject and HeadObject. HEAD answers exactly the status and headers GET would, from a stat
 * instead of an open read.
 *
 * <ul>
 * <li>Range: one {@code bytes=} range gives 206 with Content-Range; a syntactically invalid
 *     header or several ranges are ignored (200, whole object), as S3 does; an unsatisfiable one
 *     is 416 InvalidRange with {@code Content-Range: bytes *}{@code /size}.</li>
 * <li>{@code partNumber}: of a multipart object, that part's bytes (from
 *     {@link ObjectInfo#partSizes()}) with 206, Content-Range and {@code x-amz-mp-parts-count};
 *     of a single-part object, part 1 is the whole object, answered as S3 does with 206 and a
 *     Content-Range. An empty object or empty part answers 200 (no Content-Range can describe
 *     it). A part the object does not have is 416 InvalidPartNumber; together with Range it is
 *     400 InvalidRequest.</li>
 * <li>Conditions (If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since) are evaluated
 *     by the store against the version read: 412 PreconditionFailed or 304 Not Modified with the
 *     validators of that version.</li>
 * <li>{@code x-amz-checksum-mode: ENABLED} adds the stored flexible checksums and
 *     {@code x-amz-checksum-type} when the whole object is sent, and for a part of a multipart
 *     object with COMPOSITE checksums that part's own checksum (as S3 does); never for a Range.
 *     {@value ObjectHeaders#BLAKE3_HEADER} always carries the BLAKE3.</li>
 * </ul>
 */
final class GetObject {
    /** How often a read is retried when the object changes between the store's 304 and our stat. */
    private static final int ATTEMPTS = 3;

    private final BlobStore store;

    GetObject(BlobStore store) {
        this.store = store;
    }

    S3Response get(S3Request req) {
        return handle(req, false);
    }

    S3Response head(S3Request req) {
        return handle(req, true);
    }

    private S3Response handle(S3Request req, boolean head) {
        BlobKey key = req.blobKey();
        ObjectVersions.requireCurrent(req.query().first("versionId"));
        Map<String, String> overrides = ResponseOverrides.from(req.query());
        ReadConditions conditions = Preconditions.read(req.headers(), "");
        Integer part = partNumber(req);
        String rangeHeader = req.header("Range");
        Opened opened;
        ByteRange range = null;
        if (part == null) {
            RangeHeader.Parsed parsed = RangeHeader.parse(rangeHeader);
            range = parsed.kind() == RangeHeader.Kind.SINGLE ? parsed.range() : null;
            opened = open(key, new ReadOptions(range, conditions), rangeHeader, head);
        } else {
            PartRead read = openPart(key, part, conditions, head);
            opened = read.opened();
            range = read.range();
        }
        ObjectInfo info = opened.info();
        ByteRange.Resolved served = opened.range();
        boolean partial = range != null || (part != null && served.length() > 0);
        S3Response r = opened.reader() == null
                ? S3Response.empty(partial ? 206 : 200)
                : S3Response.stream(partial ? 206 : 200, new ObjectReaderBody(opened.reader()));
        ObjectHeaders.validators(info).forEach(r::header);
        r.header("Accept-Ranges", "bytes");
        r.header("Content-Length", Long.toString(served.length()));
        if (partial) {
            r.header("Content-Range", "bytes " + served.offset() + "-" + served.last() + "/" + served.totalSize());
        }
        if (part != null && info.partCount() > 0) {
            r.header("x-amz-mp-parts-count", Integer.toString(info.partCount()));
        }
        Map<String, String> representation = new LinkedHashMap<>();
        representation.put("Content-Type", info.contentType());
        info.contentHeaders().forEach((name, value) -> {
            String wire = ObjectHeaders.STORED.get(name);
            if (wire != null) {
                representation.put(wire, value);
            }
        });
        representation.putAll(overrides);
        representation.forEach(r::header);
        UserMetadata.addTo(r, info.userMetadata());
        if ("ENABLED".equalsIgnoreCase(req.header("x-amz-checksum-mode"))) {
            if (range == null) {
                ObjectHeaders.addChecksums(r, info);
            } else if (part != null && info.partCount() > 0) {
                ObjectHeaders.addPartChecksums(r, info, part);
            }
        }
        r.header(ObjectHeaders.BLAKE3_HEADER, info.blake3());
        return r;
    }

    /** A part read: the version opened and the byte range of the part (null for a whole single-part object). */
    private record PartRead(Opened opened, ByteRange range) {
    }

    /**
     * Opens part {@code part}: the whole object for part 1 of a single-part object, else the part's
     * bytes as laid out by {@link ObjectInfo#partSizes()}. The layout comes from a stat, so the read
     * must find the same layout, or the range could cut another version's bytes; a changed object
     * is looked up again.
     *
     * @throws S3Exception InvalidPartNumber (416) for a part the object does not have; 503
     *     ServiceUnavailable when the object keeps changing between stat and read
     */
    private PartRead openPart(BlobKey key, int part, ReadConditions conditions, boolean head) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            ObjectInfo layout = store.stat(key); // a missing object is 404 before any part number is judged
            ByteRange.Resolved bytes = PartRanges.of(layout.partSizes(), layout.size(), part);
            if (bytes.length() == 0) {
                // An empty object, or an empty last part: no byte range can name it, so nothing is read.
                Opened stat = open(key, new ReadOptions(null, conditions), null, true);
                if (stat.info().partSizes().equals(layout.partSizes())) {
                    return new PartRead(new Opened(stat.info(), new ByteRange.Resolved(bytes.offset(), 0, stat.info().size()), null), null);
                }
                continue;
            }
            ByteRange range = layout.partCount() == 0 ? null : new ByteRange.Closed(bytes.offset(), bytes.last());
            Opened opened;
            try {
                opened = open(key, new ReadOptions(range, conditions), null, head);
            } catch (S3Exception e) {
                if (e.code() == S3ErrorCode.InvalidRange) {
                    continue; // the object shrank since the stat: look its layout up again
                }
                throw e;
            }
            if (opened.info().partSizes().equals(layout.partSizes())) {
                return new PartRead(opened, range);
            }
            closeQuietly(opened.reader());
        }
        throw new S3Exception(S3ErrorCode.ServiceUnavailable, "The object changed while its part was being read; please retry.");
    }

    private static void closeQuietly(ObjectReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (java.io.IOException e) {
                // Nothing was sent from this read; the retry opens a new one.
            }
        }
    }

    /** The version to serve and, for GET, its open read. */
    private record Opened(ObjectInfo info, ByteRange.Resolved range, ObjectReader reader) {
    }

    private Opened open(BlobKey key, ReadOptions options, String rangeHeader, boolean head) {
        for (int attempt = 1;; attempt++) {
            ObjectInfo info = null;
            try {
                if (head) {
                    info = store.stat(key);
                    options.conditions().check(info.etag(), info.lastModified(), store.id(), key);
                    ByteRange.Resolved resolved = options.range() == null
                            ? ByteRange.Resolved.whole(info.size())
                            : options.range().resolve(info.size(), store.id(), key);
                    return new Opened(info, resolved, null);
                }
                ObjectReader reader = store.read(key, options);
                return new Opened(reader.info(), reader.range(), reader);
            } catch (BlobStoreException e) {
                switch (e.error()) {
                    case PRECONDITION_FAILED -> throw preconditionFailed(options.conditions());
                    case INVALID_RANGE -> throw invalidRange(rangeHeader, info != null ? info : store.stat(key));
                    case NOT_MODIFIED -> {
                        // The store's 304 names no version; the validators we send must belong to a
                        // version that is itself not modified, so re-check the one we stat.
                        ObjectInfo now = info != null ? info : store.stat(key);
                        if (stillNotModified(options.conditions(), now, key) || attempt == ATTEMPTS) {
                            throw new S3Exception(S3ErrorCode.NotModified, null, null, ObjectHeaders.validators(now));
                        }
                    }
                    default -> throw e;
                }
            }
        }
    }

    private boolean stillNotModified(ReadConditions conditions, ObjectInfo info, BlobKey key) {
        try {
            conditions.check(info.etag(), info.lastModified(), store.id(), key);
            return false;
        } catch (BlobStoreException e) {
            if (e.error() == BlobError.PRECONDITION_FAILED) {
                throw preconditionFailed(conditions);
            }
            return true;
        }
    }

    private static S3Exception preconditionFailed(ReadConditions conditions) {
        return new S3Exception(S3ErrorCode.PreconditionFailed, null, Map.of("Condition", Preconditions.failedReadCondition(conditions)));
    }

    private static S3Exception invalidRange(String rangeHeader, ObjectInfo info) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("RangeRequested", rangeHeader);
        details.put("ActualObjectSize", Long.toString(info.size()));
        return new S3Exception(S3ErrorCode.InvalidRange, null, details, Map.of("Content-Range", "bytes */" + info.size()));
    }

    /**
     * @return the {@code partNumber} query parameter, or null when absent
     * @throws S3Exception InvalidArgument unless it is an integer from 1 to 10000; InvalidRequest
     *     when a Range header is sent too
     */
    private static Integer partNumber(S3Request req) {
        String v = req.query().first("partNumber");
        if (v == null) {
            return null;
        }
        int n = PartNumber.parse(v);
        if (req.header("Range") != null) {
            throw new S3Exception(S3ErrorCode.InvalidRequest, "Cannot specify both Range header and partNumber query parameter");
        }
        return n;
    }
}
