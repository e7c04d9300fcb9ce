package dev.cairn.blob.local;

import static dev.cairn.blob.local.LocalTestSupport.filesUnder;
import static dev.cairn.blob.local.LocalTestSupport.open;
import static dev.cairn.blob.local.LocalTestSupport.put;
import static dev.cairn.blob.local.LocalTestSupport.readAll;
import static dev.cairn.blob.local.MultipartTestSupport.concat;
import static dev.cairn.blob.local.MultipartTestSupport.data;
import static dev.cairn.blob.local.MultipartTestSupport.uploadAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.SupportsMultipart.CompletedPart;
import dev.cairn.blob.SupportsMultipart.PartInfo;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Uploads shared by two stores on one data directory, and readers that outlive the version they opened. */
@Timeout(120)
class LocalMultipartSharingTest {
    private static final int MIN = 4096;

    @TempDir
    Path root;
    private final BlobKey key = new BlobKey("b", "shared/object");

    @Test
    void twoStoresServePartsOfOneUploadAlternatelyAndEitherCompletes() {
        try (LocalBlobStore a = open(root); LocalBlobStore b = open(root)) {
            a.createBucket("b");
            String id = b.createMultipartUpload(key, WriteOptions.DEFAULTS.withContentType("application/x-test")).uploadId();
            List<byte[]> parts = List.of(data(MIN, 1), data(MIN, 2), data(MIN, 3), data(100, 4));
            List<CompletedPart> done = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                LocalBlobStore serving = i % 2 == 0 ? a : b;
                PartInfo p = serving.uploadPart(key, id, i + 1, ObjectSource.of(parts.get(i)), WriteOptions.DEFAULTS);
                done.add(new CompletedPart(p.partNumber(), p.etag()));
            }
            assertEquals(4, a.listParts(key, id, 0, 100).parts().size());
            assertEquals(1, b.listMultipartUploads(new dev.cairn.blob.SupportsMultipart.UploadListRequest("b", null, null, null, null, 10))
                    .uploads().size());
            ObjectInfo info = a.completeMultipartUpload(key, id, done, WritePrecondition.NONE, MIN);
            assertEquals("application/x-test", info.contentType());
            assertArrayEquals(concat(parts), readAll(b, key));
            assertEquals(info, b.stat(key));
            LocalTestSupport.assertBlobError(dev.cairn.blob.BlobError.NO_SUCH_UPLOAD,
                    () -> b.completeMultipartUpload(key, id, done, WritePrecondition.NONE, MIN));
        }
    }

    @Test
    void openReadersKeepTheirVersionAcrossOverwritesAndDeletes() throws Exception {
        try (LocalBlobStore store = open(root)) {
            store.createBucket("b");
            List<byte[]> parts = List.of(data(MIN, 7), data(MIN, 8), data(33, 9));
            String id = store.createMultipartUpload(key, WriteOptions.DEFAULTS).uploadId();
            store.completeMultipartUpload(key, id, uploadAll(store, key, id, parts), WritePrecondition.NONE, MIN);

            // multipart -> single-part while a reader of the multipart version is open
            ObjectReader oldMultipart = store.read(key, ReadOptions.WHOLE);
            byte[] single = data(5000, 10);
            put(store, key, single);
            assertEquals(List.of(), filesUnder(root.resolve("segments")), "the replaced version's segments are freed");
            assertArrayEquals(concat(parts), readFully(oldMultipart), "the open reader still reads the multipart version");

            // single-part -> multipart while a reader of the single-part version is open
            ObjectReader oldSingle = store.read(key, ReadOptions.WHOLE);
            List<byte[]> parts2 = List.of(data(MIN, 11), data(12, 12));
            String id2 = store.createMultipartUpload(key, WriteOptions.DEFAULTS).uploadId();
            store.completeMultipartUpload(key, id2, uploadAll(store, key, id2, parts2), WritePrecondition.NONE, MIN);
            assertArrayEquals(single, readFully(oldSingle));
            assertArrayEquals(concat(parts2), readAll(store, key));

            // multipart -> multipart, then delete, each with a reader open on the version before
            ObjectReader second = store.read(key, ReadOptions.range(new dev.cairn.blob.ByteRange.Closed(MIN - 3, MIN + 3)));
            List<byte[]> parts3 = List.of(data(MIN + 1, 13), data(1, 14));
            String id3 = store.createMultipartUpload(key, WriteOptions.DEFAULTS).uploadId();
            store.completeMultipartUpload(key, id3, uploadAll(store, key, id3, parts3), WritePrecondition.NONE, MIN);
            ObjectReader third = store.read(key, ReadOptions.WHOLE);
            store.delete(key);
            assertEquals(List.of(), filesUnder(root.resolve("segments")));
            assertArrayEquals(Arrays.copyOfRange(concat(parts2), MIN - 3, MIN + 4), readFully(second));
            assertArrayEquals(concat(parts3), readFully(third));
        }
    }

    @Test
    void readersRacingOverwritesOfMultipartObjectsSeeOneWholeVersion() throws Exception {
        try (LocalBlobStore writer = open(root); LocalBlobStore reader = open(root)) {
            writer.createBucket("b");
            List<List<byte[]>> versions = List.of(
                    List.of(data(MIN, 20), data(MIN, 21), data(10, 22)),
                    List.of(data(MIN, 30), data(700, 31)));
            List<byte[]> wholes = versions.stream().map(MultipartTestSupport::concat).toList();
            put(writer, key, wholes.get(0));
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                Future<Integer> reads = pool.submit(() -> {
                    int n = 0;
                    while (!stop.get()) {
                        byte[] got = readAll(reader, key);
                        assertTrue(wholes.stream().anyMatch(w -> Arrays.equals(w, got)), "a read mixed versions");
                        n++;
                    }
                    return n;
                });
                for (int round = 0; round < 40; round++) {
                    List<byte[]> parts = versions.get(round % 2);
                    String id = writer.createMultipartUpload(key, WriteOptions.DEFAULTS).uploadId();
                    writer.completeMultipartUpload(key, id, uploadAll(writer, key, id, parts), WritePrecondition.NONE, MIN);
                }
                stop.set(true);
                assertTrue(reads.get(60, TimeUnit.SECONDS) > 0);
            } finally {
                stop.set(true);
                pool.shutdownNow();
            }
            assertEquals(versions.get(1).size(), filesUnder(root.resolve("segments")).size(), "only the current version's segments remain");
        }
    }

    private static byte[] readFully(ObjectReader r) throws Exception {
        try (r; InputStream in = r.stream()) {
            return in.readAllBytes();
        }
    }
}
