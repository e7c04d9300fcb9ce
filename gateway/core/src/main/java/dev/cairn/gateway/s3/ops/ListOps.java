package dev.cairn.gateway.s3.ops;

import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ListPage;
import dev.cairn.blob.ListRequest;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.gateway.s3.S3Handler;
import dev.cairn.gateway.s3.S3Request;
import dev.cairn.gateway.s3.S3Response;
import dev.cairn.gateway.s3.S3Settings;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import dev.cairn.gateway.s3.route.QueryParams;
import dev.cairn.gateway.s3.route.S3Operation;
import dev.cairn.gateway.s3.xml.XmlWriter;
import java.util.List;
import java.util.Map;

/**
 * ListObjectsV2 ({@code GET /bucket?list-type=2}) and ListObjects v1 ({@code GET /bucket}).
 *
 * <p>Keys come in UTF-8 byte order, one page per request, from {@link BlobStore#list}; a key and
 * a "folder" of the same name coexist ({@code a} is listed under Contents, {@code a/} under
 * CommonPrefixes), and no entry is invented for a prefix that has no object of its own.
 *
 * <p>Errors, all S3 error XML:
 * <ul>
 *   <li>404 NoSuchBucket for a missing bucket or one outside the S3 namespace (the OAP space);
 *   <li>400 InvalidArgument for {@code max-keys} that is not an integer from 0 to 2147483647,
 *       an {@code encoding-type} other than {@code url}, a {@code list-type} other than 2, a
 *       {@code fetch-owner} other than true/false, or a continuation token this gateway did not
 *       issue (or that was cut or altered);
 *   <li>400 InvalidArgument when, without {@code encoding-type=url}, a name the response would
 *       carry (a listed key or common prefix, or the echoed prefix, delimiter, marker or
 *       start-after) holds characters XML 1.0 cannot carry.
 * </ul>
 *
 * <p>Where S3 leaves room, Cairn decides:
 * <ul>
 *   <li><b>Names XML cannot carry.</b> S3 writes such keys into the XML as they are, which breaks
 *       the client's parser. Cairn refuses the page instead and says to use
 *       {@code encoding-type=url}, which every AWS SDK sends by default. Substituting a character
 *       would hand the client a key that does not exist, or worse, another object's key.
 *   <li><b>max-keys.</b> Values above 1000 are clamped to 1000 and MaxKeys reports 1000. Zero
 *       answers an empty page with IsTruncated false and no continuation.
 *   <li><b>Continuation tokens</b> are opaque, versioned and checksummed ({@link ContinuationToken});
 *       {@code start-after} is ignored for positioning when a token is given, but still echoed.
 *   <li><b>URL encoding</b> keeps {@code /} and the unreserved characters and writes a space as
 *       {@code %20} ({@link NameEncoding}).
 *   <li><b>NextMarker</b> (v1) is sent only for a truncated page of a delimited listing, as S3
 *       documents; without a delimiter the client continues from the last Key.
 * </ul>
 */
public final class ListOps {
    private final BlobStore store;
    private final S3Settings settings;

    public ListOps(BlobStore store, S3Settings settings) {
        this.store = store;
        this.settings = settings;
    }

    public void register(Map<S3Operation, S3Handler> handlers) {
        handlers.put(S3Operation.LIST_OBJECTS_V2, this::listObjectsV2);
        handlers.put(S3Operation.LIST_OBJECTS, this::listObjects);
    }

    S3Response listObjectsV2(S3Request req) {
        String bucket = req.storeBucket();
        QueryParams q = req.query();
        String listType = q.first("list-type");
        if (!"2".equals(listType)) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "Invalid List Type specified in Request",
                    Map.of("ArgumentName", "list-type", "ArgumentValue", listType));
        }
        ListQuery lq = ListQuery.parse(q);
        boolean fetchOwner = ListQuery.flag(q, "fetch-owner");
        String token = q.first("continuation-token");
        String startAfter = emptyToNull(q.first("start-after"));
        String position = token != null ? ContinuationToken.decode(token) : startAfter;
        NameEncoding enc = lq.encoding();
        // Echoed names are checked before the store is asked, so a bad request costs no listing.
        String prefixOut = enc.apply(lq.prefix());
        String delimiterOut = enc.apply(lq.delimiter());
        String startAfterOut = enc.apply(startAfter);

        ListPage page = fetch(bucket, lq, position);
        XmlWriter w = XmlWriter.document("ListBucketResult");
        w.element("Name", bucket)
                .element("Prefix", prefixOut)
                .element("Delimiter", delimiterOut)
                .element("StartAfter", startAfterOut)
                .element("ContinuationToken", token)
                .element("NextContinuationToken", page.truncated() ? ContinuationToken.encode(page.nextStartAfter()) : null)
                .element("KeyCount", page.objects().size() + page.commonPrefixes().size())
                .element("MaxKeys", lq.maxKeys())
                .element("EncodingType", enc.elementValue())
                .element("IsTruncated", page.truncated());
        writeEntries(w, page, enc, fetchOwner);
        return S3Response.xml(w.finish());
    }

    S3Response listObjects(S3Request req) {
        String bucket = req.storeBucket();
        QueryParams q = req.query();
        ListQuery lq = ListQuery.parse(q);
        String marker = emptyToNull(q.first("marker"));
        NameEncoding enc = lq.encoding();
        String prefixOut = enc.apply(lq.prefix());
        String delimiterOut = enc.apply(lq.delimiter());
        String markerOut = enc.apply(marker);

        ListPage page = fetch(bucket, lq, marker);
        boolean nextMarker = page.truncated() && lq.delimiter() != null;
        XmlWriter w = XmlWriter.document("ListBucketResult");
        w.element("Name", bucket)
                .element("Prefix", prefixOut)
                .element("Marker", markerOut == null ? "" : markerOut)
                .element("NextMarker", nextMarker ? enc.apply(page.nextStartAfter()) : null)
                .element("MaxKeys", lq.maxKeys())
                .element("Delimiter", delimiterOut)
                .element("EncodingType", enc.elementValue())
                .element("IsTruncated", page.truncated());
        // v1 always names the owner; v2 only with fetch-owner=true.
        writeEntries(w, page, enc, true);
        return S3Response.xml(w.finish());
    }

    private ListPage fetch(String bucket, ListQuery lq, String startAfter) {
        if (lq.maxKeys() == 0) {
            // The store pages from 1 key; an empty page still has to tell a missing bucket apart.
            if (!store.bucketExists(bucket)) {
                throw new S3Exception(S3ErrorCode.NoSuchBucket, null, Map.of("BucketName", bucket));
            }
            return new ListPage(List.of(), List.of(), false, null);
        }
        return store.list(new ListRequest(bucket, lq.prefix(), lq.delimiter(), startAfter, lq.maxKeys()));
    }

    private void writeEntries(XmlWriter w, ListPage page, NameEncoding enc, boolean owner) {
        for (ObjectInfo o : page.objects()) {
            w.start("Contents")
                    .element("Key", enc.apply(o.key().key()))
                    .element("LastModified", Timestamps.iso(o.lastModified()))
                    .element("ETag", "\"" + o.etag() + "\"");
            for (ChecksumAlgorithm a : o.checksums().keySet()) {
                // B3 and MD5 are Cairn's own digests, not S3 flexible checksums.
                if (a != ChecksumAlgorithm.B3 && a != ChecksumAlgorithm.MD5) {
                    w.element("ChecksumAlgorithm", a.name());
                }
            }
            w.element("Size", o.size());
            if (owner) {
                Owner.write(w, settings);
            }
            w.element("StorageClass", "STANDARD").end();
        }
        for (String p : page.commonPrefixes()) {
            w.start("CommonPrefixes").element("Prefix", enc.apply(p)).end();
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
