package dev.cairn.blob.s3;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ListPage;
import dev.cairn.blob.ListRequest;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One SPI listing page from ListObjectsV2 under the gateway bucket's prefix. S3 already lists in
 * UTF-8 byte order and rolls up common prefixes; what it does differently is {@code StartAfter}
 * with a delimiter: starting after a common prefix {@code a/} still yields {@code a/} again
 * (from the keys under it), so entries not strictly after the SPI's {@code startAfter} are
 * dropped and the page is topped up from the next backend page.
 *
 * <p>Listed objects carry what ListObjectsV2 returns (size, ETag, time); their content type and
 * user metadata are not fetched (one HEAD per key would make listings N+1 calls).
 */
final class S3Lister {
    private final S3Client s3;
    private final String backendBucket;
    private final S3Layout layout;

    S3Lister(S3Client s3, String backendBucket, S3Layout layout) {
        this.s3 = s3;
        this.backendBucket = backendBucket;
        this.layout = layout;
    }

    ListPage list(ListRequest req) {
        String base = layout.bucketPrefix(req.bucket());
        List<ObjectInfo> objects = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String last = null;
        String token = null;
        boolean more = true;
        ListObjectsV2Request.Builder first = ListObjectsV2Request.builder().bucket(backendBucket).prefix(base + req.prefix());
        if (req.delimiter() != null) {
            first.delimiter(req.delimiter());
        }
        if (req.startAfter() != null) {
            first.startAfter(base + req.startAfter());
        }
        while (more && objects.size() + prefixes.size() <= req.maxKeys()) {
            ListObjectsV2Request call = first.continuationToken(token).maxKeys(req.maxKeys() + 1 - objects.size() - prefixes.size()).build();
            ListObjectsV2Response page;
            try {
                page = s3.listObjectsV2(call);
            } catch (SdkException e) {
                throw S3Errors.translate(e, req.bucket(), null, "LIST");
            }
            for (Entry e : merge(page, base)) {
                if (req.startAfter() != null && compare(e.name, req.startAfter()) <= 0) {
                    continue;
                }
                if (e.object != null) {
                    if (e.name.isEmpty()) {
                        continue; // a "folder" object for the bucket prefix itself is no gateway key
                    }
                    objects.add(info(req.bucket(), e.name, e.object));
                } else {
                    prefixes.add(e.name);
                }
                last = e.name;
                if (objects.size() + prefixes.size() > req.maxKeys()) {
                    break;
                }
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            more = token != null;
        }
        boolean truncated = objects.size() + prefixes.size() > req.maxKeys();
        if (truncated) {
            // one entry too many tells us another page exists: give it back
            if (!objects.isEmpty() && (prefixes.isEmpty() || compare(lastName(objects), prefixes.get(prefixes.size() - 1)) > 0)) {
                objects.remove(objects.size() - 1);
            } else {
                prefixes.remove(prefixes.size() - 1);
            }
            last = maxName(objects, prefixes);
        } else if (more) {
            truncated = true;
        }
        return new ListPage(objects, prefixes, truncated, truncated ? last : null);
    }

    private record Entry(String name, S3Object object) {
    }

    /** Objects and common prefixes of one backend page, in one UTF-8 ordered sequence. */
    private static List<Entry> merge(ListObjectsV2Response page, String base) {
        List<Entry> all = new ArrayList<>();
        for (S3Object o : page.contents()) {
            all.add(new Entry(o.key().substring(base.length()), o));
        }
        for (CommonPrefix p : page.commonPrefixes()) {
            all.add(new Entry(p.prefix().substring(base.length()), null));
        }
        all.sort((a, b) -> compare(a.name, b.name));
        return all;
    }

    private static ObjectInfo info(String bucket, String name, S3Object o) {
        String etag = MetadataCodec.unquote(o.eTag());
        return new ObjectInfo(new BlobKey(bucket, name), o.size(), etag, o.lastModified(), null, null, null,
                etag.contains("-") ? Map.of() : Map.of(ChecksumAlgorithm.MD5, etag));
    }

    private static String lastName(List<ObjectInfo> objects) {
        return objects.get(objects.size() - 1).key().key();
    }

    private static String maxName(List<ObjectInfo> objects, List<String> prefixes) {
        String a = objects.isEmpty() ? null : lastName(objects);
        String b = prefixes.isEmpty() ? null : prefixes.get(prefixes.size() - 1);
        if (a == null) {
            return b;
        }
        return b == null || compare(a, b) > 0 ? a : b;
    }

    static int compare(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
