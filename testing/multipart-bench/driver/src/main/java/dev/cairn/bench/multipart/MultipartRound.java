package dev.cairn.bench.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * One round against one running server: create the bucket, optionally warm the server up with a
 * small multipart upload (deleted again), then upload the payload in sequential parts, complete
 * it (timed on its own), HEAD it and stream it back checking its SHA-256. The server's counters
 * are read before the parts, after the parts, after Complete and after the GET.
 */
final class MultipartRound {
    static final String BUCKET = "bench";
    static final String KEY = "big/object.bin";

    private final S3Client s3;
    private final Payload payload;
    private final Probe probe;
    private final int warmupParts;

    MultipartRound(S3Client s3, Payload payload, Probe probe, int warmupParts) {
        this.s3 = s3;
        this.payload = payload;
        this.probe = probe;
        this.warmupParts = warmupParts;
    }

    /**
     * @throws IllegalStateException if the object read back differs in size or SHA-256
     * @throws software.amazon.awssdk.core.exception.SdkException if the server refuses a call
     *     (the SDK does not retry: a failure is a result, not noise to hide)
     */
    RoundResult run(String variant, int repetition, PayloadModeRecorder recorder) {
        s3.createBucket(b -> b.bucket(BUCKET));
        if (warmupParts > 0) {
            upload("warmup/object.bin", Math.min(warmupParts, payload.partCount()));
            s3.deleteObject(b -> b.bucket(BUCKET).key("warmup/object.bin"));
        }
        String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(KEY)).uploadId();
        recorder.reset();

        ProcCounters before = probe.settleAndRead();
        long start = System.nanoTime();
        List<CompletedPart> parts = uploadParts(KEY, uploadId, payload.partCount());
        long partsDone = System.nanoTime();
        ProcCounters afterParts = probe.settleAndRead();

        long completeStart = System.nanoTime();
        s3.completeMultipartUpload(b -> b.bucket(BUCKET).key(KEY).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
        long completeDone = System.nanoTime();
        ProcCounters afterComplete = probe.settleAndRead();

        HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key(KEY));
        if (head.contentLength() != payload.size()) {
            throw new IllegalStateException("HEAD says " + head.contentLength() + " bytes, uploaded " + payload.size());
        }
        long getStart = System.nanoTime();
        String sha256 = downloadSha256();
        long getDone = System.nanoTime();
        ProcCounters afterGet = ProcCounters.of(probe.pid());
        if (!sha256.equals(payload.sha256())) {
            throw new IllegalStateException("downloaded SHA-256 " + sha256 + " but uploaded " + payload.sha256());
        }
        return new RoundResult(variant, repetition,
                new Phase(partsDone - start, afterParts.minus(before)),
                new Phase(completeDone - completeStart, afterComplete.minus(afterParts)),
                new Phase(getDone - getStart, afterGet.minus(afterComplete)),
                recorder.mode());
    }

    private void upload(String key, int partCount) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
        List<CompletedPart> parts = uploadParts(key, uploadId, partCount);
        s3.completeMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
    }

    /** Sequential on purpose: one stream at a time makes the server's per-byte cost visible. */
    private List<CompletedPart> uploadParts(String key, String uploadId, int partCount) {
        List<CompletedPart> parts = new ArrayList<>(partCount);
        for (int n = 1; n <= partCount; n++) {
            int number = n;
            String etag = s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(number),
                    RequestBody.fromByteBuffer(payload.part(number))).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        }
        return parts;
    }

    private String downloadSha256() {
        MessageDigest sha = Payload.sha256Digest();
        byte[] chunk = new byte[1 << 20];
        long total = 0;
        try (InputStream in = s3.getObject(b -> b.bucket(BUCKET).key(KEY))) {
            for (int n; (n = in.read(chunk)) != -1; ) {
                sha.update(chunk, 0, n);
                total += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("GET of the completed object failed", e);
        }
        if (total != payload.size()) {
            throw new IllegalStateException("GET returned " + total + " bytes, uploaded " + payload.size());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
