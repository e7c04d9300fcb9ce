package dev.cairn.blob.local;

import static dev.cairn.blob.local.LocalTestSupport.open;
import static dev.cairn.blob.local.LocalTestSupport.put;
import static dev.cairn.blob.local.MultipartTestSupport.concat;
import static dev.cairn.blob.local.MultipartTestSupport.data;
import static dev.cairn.blob.local.MultipartTestSupport.uploadAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.SupportsMultipart.MultipartUpload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ObjectReader#transferTo} on plain and composite objects: the exact bytes of every range
 * form, in direct buffers, and an error (not a short transfer) when a file ends early.
 */
class DirectTransferTest {
    private static final int MIN = 1024;

    @TempDir
    Path root;
    private LocalBlobStore store;

    @BeforeEach
    void setUp() {
        store = open(root);
        store.createBucket("b");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static List<ByteRange> ranges(int size) {
        return List.of(new ByteRange.Closed(0, 0), new ByteRange.Closed(1000, 70_000), new ByteRange.Closed(65_536, 131_071),
                new ByteRange.Suffix(5000), new ByteRange.From(size - 1), new ByteRange.From(0), new ByteRange.Closed(3, size + 10_000));
    }

    @Test
    void plainObjectsTransferTheExactRangeInDirectBuffers() throws IOException {
        byte[] blob = data(300_000, 7);
        BlobKey key = new BlobKey("b", "plain");
        put(store, key, blob);
        assertEquals(blob.length, transfer(key, null).length);
        assertArrayEquals(blob, transfer(key, null));
        for (ByteRange r : ranges(blob.length)) {
            ByteRange.Resolved resolved = r.resolve(blob.length, "local", key);
            assertArrayEquals(Arrays.copyOfRange(blob, (int) resolved.offset(), (int) (resolved.offset() + resolved.length())),
                    transfer(key, r), r.toString());
        }
    }

    @Test
    void compositeObjectsTransferAcrossSegmentBoundaries() throws IOException {
        BlobKey key = new BlobKey("b", "composite");
        List<byte[]> parts = List.of(data(MIN + 11, 1), data(70_000, 2), data(MIN + 476, 3), data(100_000, 4));
        MultipartUpload upload = store.createMultipartUpload(key, WriteOptions.DEFAULTS);
        store.completeMultipartUpload(key, upload.uploadId(), uploadAll(store, key, upload.uploadId(), parts), WritePrecondition.NONE, MIN);
        byte[] blob = concat(parts);
        assertArrayEquals(blob, transfer(key, null));
        for (ByteRange r : ranges(blob.length)) {
            ByteRange.Resolved resolved = r.resolve(blob.length, "local", key);
            assertArrayEquals(Arrays.copyOfRange(blob, (int) resolved.offset(), (int) (resolved.offset() + resolved.length())),
                    transfer(key, r), r.toString());
        }
        // a range inside the small third part only
        assertArrayEquals(Arrays.copyOfRange(blob, MIN + 11 + 70_000 + 5, MIN + 11 + 70_000 + 10),
                transfer(key, new ByteRange.Closed(MIN + 11 + 70_000 + 5, MIN + 11 + 70_000 + 9)));
    }

    @Test
    void aFileThatEndsEarlyFailsTheTransfer() throws IOException {
        byte[] blob = data(200_000, 9);
        BlobKey key = new BlobKey("b", "truncated");
        put(store, key, blob);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (ObjectReader reader = store.read(key, ReadOptions.WHOLE)) {
            // the open descriptor keeps this inode: shrink the very file the reader holds
            try (FileChannel ch = FileChannel.open(new Layout(root).objectFile(key), StandardOpenOption.WRITE)) {
                ch.truncate(100_000);
            }
            IOException e = assertThrows(IOException.class, () -> reader.transferTo(b -> collect(b, got)));
            assertTrue(e.getMessage().contains("ended"), e.getMessage());
        }
        assertTrue(got.size() <= 100_000, "no bytes past the end were invented: " + got.size());
    }

    @Test
    void aFailingSinkStopsTheTransfer() throws IOException {
        BlobKey key = new BlobKey("b", "sink");
        put(store, key, data(300_000, 3));
        int[] calls = {0};
        try (ObjectReader reader = store.read(key, ReadOptions.WHOLE)) {
            IOException e = assertThrows(IOException.class, () -> reader.transferTo(b -> {
                calls[0]++;
                throw new IOException("client went away");
            }));
            assertEquals("client went away", e.getMessage());
        }
        assertEquals(1, calls[0]);
    }

    private byte[] transfer(BlobKey key, ByteRange range) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectReader reader = store.read(key, range == null ? ReadOptions.WHOLE : ReadOptions.range(range))) {
            assertTrue(reader.transferTo(b -> collect(b, out)), "the local reader supports transfers");
            assertEquals(reader.range().length(), out.size());
        }
        return out.toByteArray();
    }

    private static void collect(ByteBuffer b, ByteArrayOutputStream out) {
        assertTrue(b.isDirect(), "file bytes arrive in a direct buffer");
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        out.write(chunk, 0, chunk.length);
    }
}
