package dev.cairn.blob.local;

import dev.cairn.blob.UploadIds;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The on-disk form of one object: its bytes, then a metadata header, then a fixed 16-byte footer.
 *
 * <pre>
 *   [data: size bytes][header: H bytes][footer: int H, int crc32(header), long MAGIC]
 * </pre>
 *
 * <p>The metadata goes <em>after</em> the data because it is only known once the whole body was
 * read (size for unknown-length bodies, etag, digests, publish time), and writing it first would
 * mean either reserving a guessed-size area or copying the data a second time. A reader finds it
 * from the file's end. The header's CRC32 catches a damaged trailer (for example a torn write on
 * a store with {@code local.fsync=false} after power loss), which is then reported as corrupt
 * instead of being served as garbage metadata.
 *
 * <p>Header fields (all through {@link DataOutputStream}; strings are an int byte length plus
 * UTF-8, so no 64 KiB {@code writeUTF} limit): int version, long size, long lastModified millis,
 * etag, content type, content headers, user metadata, checksums (maps are an int count then
 * key/value strings; checksum keys are {@link ChecksumAlgorithm} names).
 *
 * <p><b>Composite objects</b> (completed multipart uploads, docs/adr/0008) hold no data bytes:
 * their header has version {@value #COMPOSITE_VERSION} and, after the fields above, the upload id
 * whose segment directory holds the bytes, an int segment count, then per segment an int part
 * number and a long size. The header's size is the sum of the segment sizes. Plain objects keep
 * version {@value #VERSION}, so files written before multipart existed read unchanged. A composite
 * object whose parts keep checksums (COMPOSITE flexible checksums, docs/adr/0009) has version
 * {@value #COMPOSITE_PART_SUMS_VERSION}: each segment is followed by its checksum map.
 */
final class ObjectFormat {
    /** "CAIRNOB1": identifies the format; the trailing digit is its major version. */
    static final long MAGIC = 0x434149524E4F4231L;
    static final int FOOTER_BYTES = 16;
    static final int VERSION = 1;
    static final int COMPOSITE_VERSION = 2;
    static final int COMPOSITE_PART_SUMS_VERSION = 3;
    /** At most this many segments (S3's part-number limit), so a damaged count cannot exhaust memory. */
    static final int MAX_SEGMENTS = 10_000;
    /** A bound on what a reader will allocate for a header, so a damaged length cannot exhaust memory. */
    static final int MAX_HEADER_BYTES = 16 << 20;

    private ObjectFormat() {
    }

    /** The header and footer to append after the data. */
    static byte[] trailer(StoredMeta meta) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(buf)) {
            boolean partSums = meta.isComposite() && meta.composite().segments().stream().anyMatch(g -> !g.checksums().isEmpty());
            out.writeInt(!meta.isComposite() ? VERSION : partSums ? COMPOSITE_PART_SUMS_VERSION : COMPOSITE_VERSION);
            out.writeLong(meta.size());
            out.writeLong(meta.lastModifiedMillis());
            writeString(out, meta.etag());
            writeString(out, meta.contentType());
            writeMap(out, meta.contentHeaders());
            writeMap(out, meta.userMetadata());
            writeChecksums(out, meta.checksums());
            if (meta.isComposite()) {
                writeString(out, meta.composite().uploadId());
                out.writeInt(meta.composite().segments().size());
                for (StoredMeta.Segment seg : meta.composite().segments()) {
                    out.writeInt(seg.partNumber());
                    out.writeLong(seg.size());
                    if (partSums) {
                        writeChecksums(out, seg.checksums());
                    }
                }
            }
            int headerLength = buf.size();
            CRC32 crc = new CRC32();
            crc.update(buf.toByteArray(), 0, headerLength);
            out.writeInt(headerLength);
            out.writeInt((int) crc.getValue());
            out.writeLong(MAGIC);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream failed", e);
        }
        return buf.toByteArray();
    }

    /**
     * Reads the metadata of an open object file.
     *
     * @throws CorruptObjectException when the footer or header is damaged or inconsistent
     * @throws IOException when reading fails
     */
    static StoredMeta read(FileChannel ch) throws IOException {
        long fileSize = ch.size();
        if (fileSize < FOOTER_BYTES) {
            throw new CorruptObjectException("object file is " + fileSize + " bytes, shorter than its footer");
        }
        ByteBuffer footer = readFully(ch, fileSize - FOOTER_BYTES, FOOTER_BYTES);
        int headerLength = footer.getInt();
        int crc = footer.getInt();
        long magic = footer.getLong();
        if (magic != MAGIC) {
            throw new CorruptObjectException("object file has no Cairn footer");
        }
        if (headerLength < 0 || headerLength > MAX_HEADER_BYTES || headerLength > fileSize - FOOTER_BYTES) {
            throw new CorruptObjectException("object file header length " + headerLength + " is out of range");
        }
        long dataLength = fileSize - FOOTER_BYTES - headerLength;
        ByteBuffer header = readFully(ch, dataLength, headerLength);
        CRC32 check = new CRC32();
        check.update(header.array(), 0, headerLength);
        if ((int) check.getValue() != crc) {
            throw new CorruptObjectException("object file header fails its CRC32");
        }
        StoredMeta meta;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(header.array(), 0, headerLength))) {
            int version = in.readInt();
            if (version != VERSION && version != COMPOSITE_VERSION && version != COMPOSITE_PART_SUMS_VERSION) {
                throw new CorruptObjectException("object file header version " + version + " is not supported");
            }
            long size = in.readLong();
            long lastModified = in.readLong();
            String etag = readString(in);
            String contentType = readString(in);
            Map<String, String> contentHeaders = readMap(in);
            Map<String, String> userMetadata = readMap(in);
            Map<ChecksumAlgorithm, String> checksums = readChecksums(in);
            StoredMeta.Composite composite = version == VERSION ? null : readComposite(in, version == COMPOSITE_PART_SUMS_VERSION);
            meta = new StoredMeta(size, lastModified, etag, contentType, contentHeaders, userMetadata, checksums, composite);
        } catch (EOFException e) {
            throw new CorruptObjectException("object file header is truncated");
        }
        if (meta.isComposite()) {
            if (dataLength != 0 || meta.composite().size() != meta.size()) {
                throw new CorruptObjectException("composite object file: " + dataLength + " data bytes, segments total "
                        + meta.composite().size() + ", header says " + meta.size());
            }
        } else if (meta.size() != dataLength) {
            throw new CorruptObjectException("object file holds " + dataLength + " data bytes, header says " + meta.size());
        }
        return meta;
    }

    private static void writeChecksums(DataOutputStream out, Map<ChecksumAlgorithm, String> checksums) throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        checksums.forEach((a, v) -> sums.put(a.name(), v));
        writeMap(out, sums);
    }

    private static Map<ChecksumAlgorithm, String> readChecksums(DataInputStream in) throws IOException {
        Map<ChecksumAlgorithm, String> checksums = new EnumMap<>(ChecksumAlgorithm.class);
        readMap(in).forEach((name, value) -> {
            // A newer writer may know algorithms this reader does not; keep the rest.
            for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
                if (a.name().equals(name)) {
                    checksums.put(a, value);
                }
            }
        });
        return checksums;
    }

    private static StoredMeta.Composite readComposite(DataInputStream in, boolean partSums) throws IOException {
        String uploadId = readString(in);
        if (!UploadIds.isValid(uploadId)) {
            throw new CorruptObjectException("composite object file names a malformed upload id");
        }
        int n = in.readInt();
        if (n < 1 || n > MAX_SEGMENTS) {
            throw new CorruptObjectException("composite object file has a bad segment count " + n);
        }
        java.util.List<StoredMeta.Segment> segments = new java.util.ArrayList<>(n);
        int previous = 0;
        for (int i = 0; i < n; i++) {
            int partNumber = in.readInt();
            long size = in.readLong();
            if (partNumber <= previous || partNumber > MAX_SEGMENTS || size < 0) {
                throw new CorruptObjectException("composite object file has a bad segment " + partNumber + "/" + size);
            }
            previous = partNumber;
            segments.add(new StoredMeta.Segment(partNumber, size, partSums ? readChecksums(in) : Map.of()));
        }
        return new StoredMeta.Composite(uploadId, segments);
    }

    private static ByteBuffer readFully(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            int n = ch.read(buf, position + buf.position());
            if (n < 0) {
                throw new CorruptObjectException("object file ended early");
            }
        }
        buf.flip();
        return buf;
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new CorruptObjectException("object file header has a bad string length " + n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }
    }

    static Map<String, String> readMap(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new CorruptObjectException("object file header has a bad map size " + n);
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            map.put(readString(in), readString(in));
        }
        return map;
    }
}
