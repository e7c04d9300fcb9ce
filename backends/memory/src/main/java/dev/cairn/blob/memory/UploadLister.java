package dev.cairn.blob.memory;

import dev.cairn.blob.SupportsMultipart.MultipartUpload;
import dev.cairn.blob.SupportsMultipart.UploadListRequest;
import dev.cairn.blob.SupportsMultipart.UploadListing;
import dev.cairn.blob.Utf8Order;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Builds one page of uploads the way {@link dev.cairn.blob.ListPager} builds a page of keys:
 * prefix filter, delimiter roll-up into common prefixes (each counting as one entry), and the
 * {@code keyMarker}/{@code uploadIdMarker} position. A truncated page's next markers are its last
 * entry: an upload's key and id, or a common prefix and no id.
 */
final class UploadLister {
    private UploadLister() {
    }

    static UploadListing page(UploadListRequest request, NavigableMap<UploadRegistry.Slot, OpenUpload> uploads) {
        String prefix = request.prefix();
        String delimiter = emptyToNull(request.delimiter());
        String keyMarker = emptyToNull(request.keyMarker());
        // S3 ignores the upload-id marker without a key marker.
        String idMarker = keyMarker == null ? null : emptyToNull(request.uploadIdMarker());
        String start = keyMarker != null && Utf8Order.compare(keyMarker, prefix) > 0 ? keyMarker : prefix;

        List<MultipartUpload> out = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String lastKey = null;
        String lastId = null;
        Iterator<Map.Entry<UploadRegistry.Slot, OpenUpload>> it = from(uploads, start);
        while (it.hasNext()) {
            Map.Entry<UploadRegistry.Slot, OpenUpload> entry = it.next();
            UploadRegistry.Slot slot = entry.getKey();
            String key = slot.key();
            if (!key.startsWith(prefix)) {
                if (Utf8Order.compare(key, prefix) > 0) {
                    break; // past every key with the prefix
                }
                continue;
            }
            if (keyMarker != null && !afterMarker(slot, keyMarker, idMarker)) {
                continue;
            }
            String common = commonPrefix(key, prefix, delimiter);
            if (common != null && keyMarker != null && Utf8Order.compare(common, keyMarker) <= 0) {
                // the previous page ended on this common prefix, or inside it
                it = skipPast(uploads, common);
                continue;
            }
            if (out.size() + prefixes.size() == request.maxUploads()) {
                return new UploadListing(out, prefixes, true, lastKey, lastId);
            }
            if (common != null) {
                prefixes.add(common);
                lastKey = common;
                lastId = null;
                it = skipPast(uploads, common);
            } else {
                out.add(entry.getValue().upload());
                lastKey = key;
                lastId = slot.uploadId();
            }
        }
        return new UploadListing(out, prefixes, false, null, null);
    }

    private static boolean afterMarker(UploadRegistry.Slot slot, String keyMarker, String idMarker) {
        int c = Utf8Order.compare(slot.key(), keyMarker);
        if (c != 0) {
            return c > 0;
        }
        return idMarker != null && slot.uploadId().compareTo(idMarker) > 0;
    }

    private static String commonPrefix(String key, String prefix, String delimiter) {
        if (delimiter == null) {
            return null;
        }
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }

    private static Iterator<Map.Entry<UploadRegistry.Slot, OpenUpload>> from(
            NavigableMap<UploadRegistry.Slot, OpenUpload> uploads, String key) {
        // "" sorts before every real id, so this is the first upload of the key or after it.
        return uploads.tailMap(new UploadRegistry.Slot(key, ""), true).entrySet().iterator();
    }

    private static Iterator<Map.Entry<UploadRegistry.Slot, OpenUpload>> skipPast(
            NavigableMap<UploadRegistry.Slot, OpenUpload> uploads, String commonPrefix) {
        String next = Utf8Order.successorOfPrefix(commonPrefix);
        return next == null ? java.util.Collections.emptyIterator() : from(uploads, next);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
