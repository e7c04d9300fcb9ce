package dev.cairn.blob.local;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.SupportsMultipart.CompletedPart;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Run in a separate JVM by {@link CrashCompleteTest}: writes version 1 of a key, uploads the
 * parts of version 2, then completes with {@code If-Match} on version 1 and stalls forever at the
 * completion step named by its second argument, after saying so on stdout, so the test can kill
 * it there.
 */
public final class CrashCompleterMain {
    static final String BUCKET = "crash";
    static final String KEY = "multi/part";
    static final String V1_TEXT = "version one";
    static final String AT_STEP = "AT-STEP";
    static final int MIN = 64 * 1024;

    private CrashCompleterMain() {
    }

    /** The parts of version 2; the test rebuilds them to check what it reads. */
    static List<byte[]> parts() {
        return List.of(MultipartTestSupport.data(MIN, 1), MultipartTestSupport.data(MIN + 5, 2), MultipartTestSupport.data(999, 3));
    }

    public static void main(String[] args) throws Exception {
        CompletionHook.Step stall = CompletionHook.Step.valueOf(args[1]);
        LocalBlobStore store = LocalBlobStore.open(new LocalConfig(Path.of(args[0]), 0, true), step -> {
            if (step == stall) {
                System.out.println(AT_STEP);
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        store.createBucket(BUCKET);
        BlobKey key = new BlobKey(BUCKET, KEY);
        ObjectInfo v1 = store.write(key, ObjectSource.of(V1_TEXT.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                WriteOptions.DEFAULTS.withUserMetadata(Map.of("version", "1")));
        String id = store.createMultipartUpload(key, WriteOptions.DEFAULTS.withUserMetadata(Map.of("version", "2"))).uploadId();
        List<CompletedPart> done = MultipartTestSupport.uploadAll(store, key, id, parts());
        StringBuilder line = new StringBuilder("UPLOAD ").append(id).append(' ').append(v1.etag());
        done.forEach(p -> line.append(' ').append(p.etag()));
        System.out.println(line);
        System.out.flush();
        store.completeMultipartUpload(key, id, done, new WritePrecondition.IfMatch(v1.etag()), MIN);
        System.out.println("UNREACHABLE: the completion finished");
    }
}
