package dev.cairn.blob.local;

import static dev.cairn.blob.local.LocalTestSupport.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.SupportsMultipart.CompletedPart;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.Blake3;
import dev.cairn.blob.digest.StreamingDigest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completing a 64 MiB upload of 8 MiB parts writes no second copy of the data. Asserted
 * structurally (the object's segments are the very inodes the parts were written to, and the
 * distinct bytes on disk stay at one object's worth); the bytes this process wrote, from Linux's
 * {@code /proc/self/io} {@code wchar}, are logged as the measurement.
 */
class MultipartFootprintTest {
    private static final Logger LOG = LoggerFactory.getLogger(MultipartFootprintTest.class);
    private static final int PART = 8 << 20;
    private static final int PARTS = 8;

    @TempDir
    Path root;

    @Test
    void completingA64MiBUploadCopiesNoData() throws IOException {
        BlobKey key = new BlobKey("b", "big");
        try (LocalBlobStore store = open(root)) {
            store.createBucket("b");
            String id = store.createMultipartUpload(key, WriteOptions.DEFAULTS).uploadId();
            byte[] part = new byte[PART];
            List<CompletedPart> done = new ArrayList<>();
            StreamingDigest whole = Blake3.newHasher();
            long wcharBeforeParts = wchar();
            for (int n = 1; n <= PARTS; n++) {
                java.util.Arrays.fill(part, (byte) n);
                part[n] = (byte) 0x5a; // parts differ inside too
                whole.update(part, 0, part.length);
                done.add(new CompletedPart(n, store.uploadPart(key, id, n, ObjectSource.of(part), WriteOptions.DEFAULTS).etag()));
            }
            long wcharAfterParts = wchar();
            Map<Integer, Object> partInodes = new HashMap<>();
            for (int n = 1; n <= PARTS; n++) {
                partInodes.put(n, Files.readAttributes(store.layoutForTests().partFile("b", id, n), BasicFileAttributes.class).fileKey());
            }

            ObjectInfo info = store.completeMultipartUpload(key, id, done, WritePrecondition.NONE, 5 << 20);
            long wcharAfterComplete = wchar();

            long objectSize = (long) PART * PARTS;
            assertEquals(objectSize, info.size());
            for (int n = 1; n <= PARTS; n++) {
                Object segmentInode = Files.readAttributes(store.layoutForTests().segmentFile("b", id, n), BasicFileAttributes.class).fileKey();
                assertEquals(partInodes.get(n), segmentInode, "segment " + n + " is the part file itself, linked");
            }
            long onDisk = distinctBytesUnder(root);
            assertTrue(onDisk < objectSize + (1 << 20), "distinct bytes on disk " + onDisk + " exceed one copy of " + objectSize);
            StreamingDigest read = Blake3.newHasher();
            try (ObjectReader r = store.read(key, ReadOptions.WHOLE); InputStream in = r.stream()) {
                byte[] buf = new byte[1 << 16];
                for (int k; (k = in.read(buf)) > 0; ) {
                    read.update(buf, 0, k);
                }
            }
            assertEquals(dev.cairn.blob.digest.Hex.encode(whole.finish()), dev.cairn.blob.digest.Hex.encode(read.finish()));
            LOG.info("MEASUREMENT 64 MiB upload in {} x 8 MiB parts: object {} bytes; distinct file bytes on disk after completion {};"
                    + " bytes written by this process (wchar) while uploading parts {}, while completing {}",
                    PARTS, objectSize, onDisk, delta(wcharBeforeParts, wcharAfterParts), delta(wcharAfterParts, wcharAfterComplete));
        }
    }

    /** Sum of the sizes of the distinct inodes under {@code dir} (hard links counted once). */
    private static long distinctBytesUnder(Path dir) throws IOException {
        Set<Object> seen = new HashSet<>();
        long total = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                if (a.isRegularFile() && seen.add(a.fileKey())) {
                    total += a.size();
                }
            }
        }
        return total;
    }

    /** Bytes this process has passed to write-like system calls, or -1 off Linux. */
    private static long wchar() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                if (line.startsWith("wchar:")) {
                    return Long.parseLong(line.substring(6).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the structural assertions still hold, only the log line lacks the number
        }
        return -1;
    }

    private static String delta(long before, long after) {
        return before < 0 || after < 0 ? "n/a" : Long.toString(after - before);
    }
}
