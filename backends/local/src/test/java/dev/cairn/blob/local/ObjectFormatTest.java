package dev.cairn.blob.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.blob.UploadIds;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectFormatTest {
    @TempDir
    Path dir;

    private static StoredMeta meta(long size) {
        String big = "v".repeat(70_000); // beyond writeUTF's 64 KiB limit
        return new StoredMeta(size, 1_700_000_000_123L, "0123abcd", "text/plain; charset=utf-8",
                Map.of("content-disposition", "attachment; filename=\"ä.txt\""),
                Map.of("k", "välue", "big", big),
                Map.of(ChecksumAlgorithm.B3, "b3hex", ChecksumAlgorithm.MD5, "0123abcd", ChecksumAlgorithm.CRC32C, "AAAAAA=="));
    }

    private Path file(byte[] data, byte[] trailer) throws IOException {
        Path f = dir.resolve("obj");
        byte[] all = new byte[data.length + trailer.length];
        System.arraycopy(data, 0, all, 0, data.length);
        System.arraycopy(trailer, 0, all, data.length, trailer.length);
        Files.write(f, all);
        return f;
    }

    private static StoredMeta read(Path f) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            return ObjectFormat.read(ch);
        }
    }

    @Test
    void trailerRoundTrips() throws IOException {
        byte[] data = "hello".getBytes();
        StoredMeta m = meta(data.length);
        assertEquals(m, read(file(data, ObjectFormat.trailer(m))));
    }

    @Test
    void compositeObjectsRoundTripWithAndWithoutPartChecksums() throws IOException {
        StoredMeta.Composite plain = new StoredMeta.Composite("a".repeat(UploadIds.LENGTH), java.util.List.of(
                new StoredMeta.Segment(1, 3), new StoredMeta.Segment(4, 2)));
        StoredMeta.Composite summed = new StoredMeta.Composite("a".repeat(UploadIds.LENGTH), java.util.List.of(
                new StoredMeta.Segment(1, 3, Map.of(ChecksumAlgorithm.SHA256, "s1")),
                new StoredMeta.Segment(4, 2, Map.of(ChecksumAlgorithm.SHA256, "s4"))));
        for (StoredMeta.Composite c : java.util.List.of(plain, summed)) {
            StoredMeta m = new StoredMeta(5, 1L, "e-2", "x/y", Map.of(), Map.of(), Map.of(ChecksumAlgorithm.B3, "b-2"), c);
            byte[] trailer = ObjectFormat.trailer(m);
            assertEquals(m, read(file(new byte[0], trailer)));
            // the header's first int is its version: 2 keeps the files written before part checksums byte-identical
            int version = ByteBuffer.wrap(trailer).getInt();
            assertEquals(c == plain ? ObjectFormat.COMPOSITE_VERSION : ObjectFormat.COMPOSITE_PART_SUMS_VERSION, version);
        }
    }

    @Test
    void emptyObjectRoundTrips() throws IOException {
        StoredMeta m = meta(0);
        assertEquals(m, read(file(new byte[0], ObjectFormat.trailer(m))));
    }

    @Test
    void damagedHeaderIsReportedAsCorrupt() throws IOException {
        byte[] data = "hello".getBytes();
        byte[] trailer = ObjectFormat.trailer(meta(data.length));
        trailer[20] ^= 1;
        Path f = file(data, trailer);
        assertThrows(CorruptObjectException.class, () -> read(f));
    }

    @Test
    void sizeMismatchIsReportedAsCorrupt() throws IOException {
        Path f = file("hello!".getBytes(), ObjectFormat.trailer(meta(5)));
        assertThrows(CorruptObjectException.class, () -> read(f));
    }

    @Test
    void truncatedOrForeignFilesAreReportedAsCorrupt() throws IOException {
        Path empty = file(new byte[0], new byte[0]);
        assertThrows(CorruptObjectException.class, () -> read(empty));
        Path foreign = file("just some bytes, no footer".getBytes(), new byte[0]);
        assertThrows(CorruptObjectException.class, () -> read(foreign));
        Path hugeLength = dir.resolve("huge");
        ByteBuffer footer = ByteBuffer.allocate(ObjectFormat.FOOTER_BYTES);
        footer.putInt(Integer.MAX_VALUE).putInt(0).putLong(ObjectFormat.MAGIC);
        Files.write(hugeLength, footer.array());
        assertThrows(CorruptObjectException.class, () -> read(hugeLength));
    }
}
