package dev.cairn.blob.local;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.WriteOptions;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run in a separate JVM by {@link CrashRecoveryTest}: writes version 1 of a key, then starts
 * version 2 from an endless, slow body and says so on stdout, so the test can kill the process
 * in the middle of a write.
 */
public final class CrashWriterMain {
    static final String V1_DONE = "V1-DONE";
    static final String MID_WRITE = "MID-WRITE";
    static final String BUCKET = "crash";
    static final String KEY = "dir/object";
    static final String V1_TEXT = "version one of the object";

    private CrashWriterMain() {
    }

    public static void main(String[] args) {
        BlobStore store = new LocalBlobStoreProvider().open(new BackendSettings(Path.of(args[0]), Map.of()));
        store.createBucket(BUCKET);
        BlobKey key = new BlobKey(BUCKET, KEY);
        store.write(key, ObjectSource.of(V1_TEXT.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                WriteOptions.DEFAULTS.withContentType("text/plain").withUserMetadata(Map.of("version", "1")));
        System.out.println(V1_DONE);
        System.out.flush();
        InputStream endless = new InputStream() {
            private long sent;

            @Override
            public int read() {
                byte[] one = new byte[1];
                read(one, 0, 1);
                return one[0];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= 1 << 20) {
                    if (sent < (1 << 20) + len) {
                        System.out.println(MID_WRITE);
                        System.out.flush();
                    }
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                int n = Math.min(len, 8192);
                java.util.Arrays.fill(b, off, off + n, (byte) '2');
                sent += n;
                return n;
            }
        };
        store.write(key, ObjectSource.unknownLength(endless), WriteOptions.DEFAULTS.withUserMetadata(Map.of("version", "2")));
        System.out.println("UNREACHABLE: the endless write finished");
    }
}
