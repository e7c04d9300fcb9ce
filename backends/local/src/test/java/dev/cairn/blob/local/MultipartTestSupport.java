package dev.cairn.blob.local;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.SupportsMultipart.CompletedPart;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.digest.Blake3;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.Hex;
import dev.cairn.blob.digest.StreamingDigest;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Helpers for the multipart tests: deterministic part data and the expected composite digests. */
final class MultipartTestSupport {
    private MultipartTestSupport() {
    }

    static byte[] data(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** Uploads {@code parts} as parts 1..n and returns the completion list. */
    static List<CompletedPart> uploadAll(SupportsMultipart store, BlobKey key, String uploadId, List<byte[]> parts) {
        List<CompletedPart> done = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            var info = store.uploadPart(key, uploadId, i + 1, ObjectSource.of(parts.get(i)), WriteOptions.DEFAULTS);
            done.add(new CompletedPart(i + 1, info.etag()));
        }
        return done;
    }

    static String expectedEtag(List<byte[]> parts) {
        return composite(ChecksumAlgorithm.MD5, parts) + "-" + parts.size();
    }

    static String expectedB3(List<byte[]> parts) {
        return composite(ChecksumAlgorithm.B3, parts) + "-" + parts.size();
    }

    /** The algorithm over the concatenated raw per-part digests, in the algorithm's text form. */
    static String composite(ChecksumAlgorithm a, List<byte[]> parts) {
        StreamingDigest outer = a.newDigest();
        for (byte[] p : parts) {
            StreamingDigest inner = a.newDigest();
            inner.update(p, 0, p.length);
            byte[] raw = inner.finish();
            outer.update(raw, 0, raw.length);
        }
        return a.toText(outer.finish());
    }

    static String md5Hex(byte[] data) {
        StreamingDigest d = ChecksumAlgorithm.MD5.newDigest();
        d.update(data, 0, data.length);
        return Hex.encode(d.finish());
    }

    static String b3(byte[] data) {
        return Blake3.hex(data);
    }
}
