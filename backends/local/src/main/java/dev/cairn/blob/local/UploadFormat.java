package dev.cairn.blob.local;

import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.ChecksumType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.zip.CRC32;

/**
 * The {@code upload} file of a multipart upload: what {@code createMultipartUpload} was given,
 * so any process on the root can serve the upload. Written once (temporary file, fsync, rename).
 *
 * <pre>
 *   [header][footer: int H, int crc32(header), long MAGIC]
 *   header: int version, key, long initiated millis, content type, content headers,
 *           user metadata, int n, n algorithm names     (strings and maps as in {@link ObjectFormat})
 *           [version 2: checksum type name, "" for none]
 * </pre>
 *
 * Version 1 files (written before checksum types) read as COMPOSITE, which is what they meant.
 */
final class UploadFormat {
    /** "CAIRNUP1". */
    static final long MAGIC = 0x434149524E555031L;
    static final int VERSION = 2;

    /**
     * What an upload file holds. {@code options} never carries a precondition; {@code checksumType}
     * is null when the client named no algorithm.
     */
    record UploadRecord(String key, long initiatedMillis, WriteOptions options, ChecksumType checksumType) {
    }

    private UploadFormat() {
    }

    static byte[] encode(UploadRecord record) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(buf)) {
            WriteOptions o = record.options();
            out.writeInt(VERSION);
            ObjectFormat.writeString(out, record.key());
            out.writeLong(record.initiatedMillis());
            ObjectFormat.writeString(out, o.contentType() == null ? "" : o.contentType());
            ObjectFormat.writeMap(out, o.contentHeaders());
            ObjectFormat.writeMap(out, o.userMetadata());
            out.writeInt(o.extraChecksums().size());
            for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) { // enum order: the file is deterministic
                if (o.extraChecksums().contains(a)) {
                    ObjectFormat.writeString(out, a.name());
                }
            }
            ObjectFormat.writeString(out, record.checksumType() == null ? "" : record.checksumType().name());
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
     * @throws CorruptObjectException when the file is damaged
     */
    static UploadRecord decode(byte[] file) throws IOException {
        if (file.length < ObjectFormat.FOOTER_BYTES) {
            throw new CorruptObjectException("upload file is too short");
        }
        ByteBuffer footer = ByteBuffer.wrap(file, file.length - ObjectFormat.FOOTER_BYTES, ObjectFormat.FOOTER_BYTES);
        int headerLength = footer.getInt();
        int crc = footer.getInt();
        if (footer.getLong() != MAGIC || headerLength != file.length - ObjectFormat.FOOTER_BYTES) {
            throw new CorruptObjectException("upload file has no valid footer");
        }
        CRC32 check = new CRC32();
        check.update(file, 0, headerLength);
        if ((int) check.getValue() != crc) {
            throw new CorruptObjectException("upload file fails its CRC32");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(file, 0, headerLength))) {
            int version = in.readInt();
            if (version != 1 && version != VERSION) {
                throw new CorruptObjectException("upload file version is not supported");
            }
            String key = ObjectFormat.readString(in);
            long initiated = in.readLong();
            String contentType = ObjectFormat.readString(in);
            var contentHeaders = ObjectFormat.readMap(in);
            var userMetadata = ObjectFormat.readMap(in);
            int n = in.readInt();
            if (n < 0 || n > ChecksumAlgorithm.values().length) {
                throw new CorruptObjectException("upload file has a bad algorithm count");
            }
            EnumSet<ChecksumAlgorithm> extra = EnumSet.noneOf(ChecksumAlgorithm.class);
            for (int i = 0; i < n; i++) {
                String name = ObjectFormat.readString(in);
                for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
                    if (a.name().equals(name)) {
                        extra.add(a);
                    }
                }
            }
            ChecksumType type = version == 1 ? ChecksumType.COMPOSITE : checksumType(ObjectFormat.readString(in));
            WriteOptions options = new WriteOptions(WritePrecondition.NONE, contentType.isEmpty() ? null : contentType,
                    contentHeaders, userMetadata, null, extra);
            return new UploadRecord(key, initiated, options, type);
        } catch (EOFException e) {
            throw new CorruptObjectException("upload file is truncated");
        }
    }

    private static ChecksumType checksumType(String name) throws CorruptObjectException {
        if (name.isEmpty()) {
            return null;
        }
        for (ChecksumType t : ChecksumType.values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new CorruptObjectException("upload file names an unknown checksum type");
    }
}
