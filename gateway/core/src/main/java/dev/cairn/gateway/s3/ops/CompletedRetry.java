package dev.cairn.gateway.s3.ops;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.SupportsMultipart.CompletedPart;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Recognises a CompleteMultipartUpload retried after an earlier attempt committed: the client
 * lost the answer (timeout, dropped connection during keep-alive) and asks again, and the store
 * says {@code NO_SUCH_UPLOAD} because the upload is over. S3 answers such a retry with success
 * and the object's ETag; so does the gateway when the object now at the key is exactly these
 * parts: same part count and the multipart ETag (MD5 of the binary part MD5s, {@code -N})
 * computed from the ETags the request lists. Part ETags are content MD5s, so a match means the
 * object holds exactly the bytes the retry asks for, whichever upload id produced it.
 * See docs/adr/0010.
 */
final class CompletedRetry {
    private CompletedRetry() {
    }

    /** The object at {@code key} when it is the completion of {@code parts}; null otherwise. */
    static ObjectInfo find(BlobStore store, BlobKey key, List<CompletedPart> parts) {
        String expected = multipartEtag(parts);
        if (expected == null) {
            return null;
        }
        ObjectInfo info;
        try {
            info = store.stat(key);
        } catch (BlobStoreException e) {
            if (e.error() == BlobError.NO_SUCH_KEY || e.error() == BlobError.NO_SUCH_BUCKET) {
                return null;
            }
            throw e;
        }
        boolean same = info.partSizes().size() == parts.size() && expected.equalsIgnoreCase(info.etag());
        return same ? info : null;
    }

    /** The S3 multipart ETag of {@code parts}, or null if a part ETag is not an MD5 in hex. */
    static String multipartEtag(List<CompletedPart> parts) {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
        for (CompletedPart p : parts) {
            String hex = CompleteRequest.unquote(p.etag()).toLowerCase(Locale.ROOT);
            if (hex.length() != 32 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return null;
            }
            md5.update(HexFormat.of().parseHex(hex));
        }
        return HexFormat.of().formatHex(md5.digest()) + "-" + parts.size();
    }

}
