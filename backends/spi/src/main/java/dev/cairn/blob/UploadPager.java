package dev.cairn.blob;

import dev.cairn.blob.SupportsMultipart.MultipartUpload;
import dev.cairn.blob.SupportsMultipart.UploadListRequest;
import dev.cairn.blob.SupportsMultipart.UploadListing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One page of {@code ListMultipartUploads} from a bucket's uploads, for backends that hold them
 * as a list (local, gcs): ordered by key (UTF-8) then upload id (whose time prefix makes that initiation order, see {@link UploadIds}), filtered by
 * prefix, rolled up by delimiter, continued after the key/upload-id markers as S3 does (with an
 * upload-id marker, further uploads of the marker key; without one, only later keys).
 */
public final class UploadPager {
    /** Key (UTF-8 order), then upload id: initiation order for ids from {@link UploadIds}. */
    public static final Comparator<MultipartUpload> ORDER = Comparator
            .comparing((MultipartUpload u) -> u.key().key(), Utf8Order.COMPARATOR)
            .thenComparing(MultipartUpload::uploadId);

    private UploadPager() {
    }

    /** The page {@code request} asks for, from {@code uploads} in any order. */
    public static UploadListing page(UploadListRequest request, List<MultipartUpload> uploads) {
        List<MultipartUpload> sorted = new ArrayList<>(uploads);
        sorted.sort(ORDER);
        String prefix = request.prefix();
        String delimiter = request.delimiter() == null || request.delimiter().isEmpty() ? null : request.delimiter();
        List<MultipartUpload> page = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String lastKey = null;
        String lastId = null;
        for (MultipartUpload u : sorted) {
            String key = u.key().key();
            if (!key.startsWith(prefix) || !afterMarkers(request, key, u.uploadId())) {
                continue;
            }
            String common = commonPrefix(key, prefix, delimiter);
            if (common != null) {
                boolean seen = (request.keyMarker() != null && Utf8Order.compare(common, request.keyMarker()) <= 0)
                        || (!prefixes.isEmpty() && prefixes.get(prefixes.size() - 1).equals(common));
                if (seen) {
                    continue;
                }
                if (page.size() + prefixes.size() == request.maxUploads()) {
                    return new UploadListing(page, prefixes, true, lastKey, lastId);
                }
                prefixes.add(common);
                lastKey = common;
                lastId = null;
                continue;
            }
            if (page.size() + prefixes.size() == request.maxUploads()) {
                return new UploadListing(page, prefixes, true, lastKey, lastId);
            }
            page.add(u);
            lastKey = key;
            lastId = u.uploadId();
        }
        return new UploadListing(page, prefixes, false, null, null);
    }

    private static boolean afterMarkers(UploadListRequest request, String key, String uploadId) {
        String keyMarker = request.keyMarker();
        if (keyMarker == null || keyMarker.isEmpty()) {
            return true;
        }
        int c = Utf8Order.compare(key, keyMarker);
        if (c != 0) {
            return c > 0;
        }
        String idMarker = request.uploadIdMarker();
        return idMarker != null && !idMarker.isEmpty() && uploadId.compareTo(idMarker) > 0;
    }

    private static String commonPrefix(String key, String prefix, String delimiter) {
        if (delimiter == null) {
            return null;
        }
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }
}
