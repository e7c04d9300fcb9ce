package dev.cairn.blob.testkit;

import static dev.cairn.blob.testkit.ContractSupport.jdkDigest;

import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.SupportsMultipart.CompletedPart;
import dev.cairn.blob.SupportsMultipart.PartInfo;
import dev.cairn.blob.SupportsMultipart.UploadListRequest;
import dev.cairn.blob.SupportsMultipart.UploadListing;
import dev.cairn.blob.digest.Hex;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.crypto.digests.Blake3Digest;

/**
 * Expected values for multipart objects, computed independently of any store and of the SPI's
 * digest helpers (JDK MD5, BouncyCastle BLAKE3 directly), plus small helpers for the multipart
 * contracts.
 */
public final class MultipartSupport {
    private MultipartSupport() {
    }

    /** The S3 multipart ETag: hex MD5 of the concatenated binary part MD5s, then {@code -N}. */
    public static String expectedEtag(List<byte[]> parts) {
        ByteArrayOutputStream md5s = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            md5s.writeBytes(jdkDigest("MD5", p));
        }
        return Hex.encode(jdkDigest("MD5", md5s.toByteArray())) + "-" + parts.size();
    }

    /** The composite BLAKE3 of ADR 0007: hex BLAKE3 of the concatenated 32-byte part digests, then {@code -N}. */
    public static String expectedBlake3(List<byte[]> parts) {
        ByteArrayOutputStream digests = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            digests.writeBytes(blake3(p));
        }
        return Hex.encode(blake3(digests.toByteArray())) + "-" + parts.size();
    }

    /** The 32-byte BLAKE3 of {@code data}. */
    public static byte[] blake3(byte[] data) {
        Blake3Digest d = new Blake3Digest(256);
        d.update(data, 0, data.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    public static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** The completion list naming {@code parts} with the ETags their uploads returned. */
    public static List<CompletedPart> completed(List<PartInfo> parts) {
        List<CompletedPart> out = new ArrayList<>();
        for (PartInfo p : parts) {
            out.add(new CompletedPart(p.partNumber(), p.etag()));
        }
        return out;
    }

    /**
     * Walks an upload listing page by page from {@code first}, passing each page's next markers
     * on, and returns every entry in the order received: uploads as {@code key#uploadId}, common
     * prefixes as themselves, merged in page order (uploads, then prefixes, per page).
     */
    public static List<String> walkUploads(SupportsMultipart store, UploadListRequest first) {
        List<String> out = new ArrayList<>();
        UploadListRequest request = first;
        for (int pages = 0; ; pages++) {
            if (pages > 10_000) {
                throw new AssertionError("upload listing does not terminate");
            }
            UploadListing page = store.listMultipartUploads(request);
            if (page.uploads().size() + page.commonPrefixes().size() > first.maxUploads()) {
                throw new AssertionError("a page holds more than maxUploads entries: " + page);
            }
            page.uploads().forEach(u -> out.add(u.key().key() + "#" + u.uploadId()));
            out.addAll(page.commonPrefixes());
            if (!page.truncated()) {
                return out;
            }
            request = new UploadListRequest(first.bucket(), first.prefix(), first.delimiter(), page.nextKeyMarker(),
                    page.nextUploadIdMarker(), first.maxUploads());
        }
    }
}
