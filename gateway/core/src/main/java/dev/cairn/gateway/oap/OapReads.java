package dev.cairn.gateway.oap;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ReadOptions;
import dev.cairn.gateway.http.Headers;
import dev.cairn.gateway.http.HttpDates;
import dev.cairn.gateway.http.HttpResult;
import dev.cairn.gateway.http.ObjectReaderBody;
import dev.cairn.gateway.http.RangeHeader;
import dev.cairn.gateway.http.ResponseBody;
import java.io.IOException;

/**
 * GET and HEAD of {@code /o/{addr}}. HEAD is computed exactly as GET (status, every header,
 * Content-Length of the body GET would send) and only skips opening the body.
 *
 * <p>The blob is stat'ed first: preconditions and range satisfiability need its size and date,
 * and a 416 must name the length. Blobs are immutable, so the stat and the read describe the
 * same bytes; a delete in between surfaces as 404 from the read.
 */
final class OapReads {
    static final String CACHE_IMMUTABLE = "public, max-age=31536000, immutable";

    private final BlobStore store;
    private final String bucket;

    OapReads(BlobStore store, String bucket) {
        this.store = store;
        this.bucket = bucket;
    }

    /**
     * @throws OapException 404, 412 or 416
     * @throws BlobStoreException any other store failure
     */
    HttpResult read(Headers headers, BlobAddress address, boolean head) {
        BlobKey key = address.key(bucket);
        ObjectInfo info;
        try {
            info = store.stat(key);
        } catch (BlobStoreException e) {
            throw e.error() == BlobError.NO_SUCH_KEY ? new OapException(Problems.notFound(address)) : e;
        }
        switch (ConditionalRequest.evaluate(headers, address.text(), info.lastModified())) {
            case NOT_MODIFIED -> {
                return validators(HttpResult.status(304), address, info).build();
            }
            case PRECONDITION_FAILED -> throw new OapException(Problems.preconditionFailed());
            case PROCEED -> {
                // fall through to the representation
            }
        }
        ByteRange requested = honouredRange(headers, address);
        ByteRange.Resolved resolved;
        try {
            resolved = requested == null ? ByteRange.Resolved.whole(info.size()) : requested.resolve(info.size(), store.id(), key);
        } catch (BlobStoreException e) {
            if (e.error() == BlobError.INVALID_RANGE) {
                throw new OapException(Problems.rangeNotSatisfiable(info.size()));
            }
            throw e;
        }
        HttpResult.Builder b = validators(HttpResult.status(requested == null ? 200 : 206), address, info)
                .header("Accept-Ranges", "bytes")
                .header("Content-Type", info.contentType())
                .header("Content-Length", Long.toString(resolved.length()));
        if (requested != null) {
            b.header("Content-Range", "bytes " + resolved.offset() + "-" + resolved.last() + "/" + resolved.totalSize());
        }
        if (!head) {
            b.body(open(key, address, requested, resolved));
        }
        return b.build();
    }

    private static ByteRange honouredRange(Headers headers, BlobAddress address) {
        RangeHeader.Parsed parsed = RangeHeader.parse(headers.first("Range"));
        if (parsed.kind() != RangeHeader.Kind.SINGLE) {
            return null; // absent, invalid (ignored per RFC 9110 §14.2) or several ranges: whole body
        }
        return ConditionalRequest.rangeAllowed(headers, address.text()) ? parsed.range() : null;
    }

    private static HttpResult.Builder validators(HttpResult.Builder b, BlobAddress address, ObjectInfo info) {
        return b.header("ETag", address.etag())
                .header("Cache-Control", CACHE_IMMUTABLE)
                .header("Last-Modified", HttpDates.format(info.lastModified()));
    }

    private ResponseBody open(BlobKey key, BlobAddress address, ByteRange requested, ByteRange.Resolved expected) {
        ObjectReader reader;
        try {
            reader = store.read(key, requested == null ? ReadOptions.WHOLE : ReadOptions.range(requested));
        } catch (BlobStoreException e) {
            throw e.error() == BlobError.NO_SUCH_KEY ? new OapException(Problems.notFound(address)) : e;
        }
        if (!reader.range().equals(expected)) {
            // Immutable blobs cannot change size; if they did, the headers already computed would lie.
            closeQuietly(reader);
            throw new BlobStoreException(BlobError.INTERNAL, store.id(), key,
                    "read range " + reader.range() + " differs from stat " + expected);
        }
        return new ObjectReaderBody(reader);
    }

    private static void closeQuietly(ObjectReader reader) {
        try {
            reader.close();
        } catch (IOException | RuntimeException ignored) {
            // nothing was sent yet; the original problem is what matters
        }
    }
}
