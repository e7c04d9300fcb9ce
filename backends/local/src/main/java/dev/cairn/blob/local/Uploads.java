package dev.cairn.blob.local;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.SupportsMultipart.MultipartUpload;
import dev.cairn.blob.UploadIds;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.digest.ChecksumType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The on-disk state of multipart uploads ({@code uploads/<bucket>/<id>/}, see {@link Layout}).
 * Every file is written to the temporary area, synced and renamed into place, and every new
 * directory entry is synced, so what this class reports survives a crash.
 *
 * <p>An upload is <em>live</em> while its {@code upload} record exists and no {@code aborted}
 * tombstone does. Abort writes the tombstone first, so a crash mid-abort reads as aborted; a
 * completed upload loses its record first, so a crash mid-cleanup reads as gone. Callers
 * serialise mutations of one upload with the upload's lock.
 */
final class Uploads {
    private final Layout layout;
    private final Durability durability;
    private final TempArea temp;

    Uploads(Layout layout, Durability durability, TempArea temp) {
        this.layout = layout;
        this.durability = durability;
        this.temp = temp;
    }

    /** Records a new upload and returns it; the bucket must exist. */
    MultipartUpload create(BlobKey key, WriteOptions options, ChecksumType checksumType) throws IOException {
        long now = System.currentTimeMillis();
        String id = UploadIds.newId(now);
        UploadFormat.UploadRecord record = new UploadFormat.UploadRecord(key.key(), now, options, checksumType);
        Path bucketUploads = layout.uploadsOf(key.bucket());
        if (!Files.isDirectory(bucketUploads)) {
            Files.createDirectories(bucketUploads);
            durability.syncDirectory(layout.uploads());
        }
        Path dir = layout.uploadDir(key.bucket(), id);
        Files.createDirectory(dir);
        durability.syncDirectory(bucketUploads);
        writeAtomically(UploadFormat.encode(record), layout.uploadRecord(key.bucket(), id));
        return toUpload(key.bucket(), id, record);
    }

    private static MultipartUpload toUpload(String bucket, String id, UploadFormat.UploadRecord record) {
        return new MultipartUpload(new BlobKey(bucket, record.key()), id, Instant.ofEpochMilli(record.initiatedMillis()),
                record.options(), record.checksumType());
    }

    /** The live upload {@code id} of {@code key}, or null (a malformed id, another key's upload, aborted, completed, never made). */
    MultipartUpload find(BlobKey key, String id) throws IOException {
        if (!UploadIds.isValid(id)) {
            return null;
        }
        MultipartUpload upload = load(key.bucket(), id);
        return upload != null && upload.key().equals(key) ? upload : null;
    }

    private MultipartUpload load(String bucket, String id) throws IOException {
        if (Files.exists(layout.abortedMarker(bucket, id))) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(layout.uploadRecord(bucket, id));
        } catch (NoSuchFileException e) {
            return null;
        }
        return toUpload(bucket, id, UploadFormat.decode(bytes));
    }

    /** Every live upload of a bucket, unordered; uploads that vanish meanwhile are skipped. */
    List<MultipartUpload> all(String bucket) throws IOException {
        List<MultipartUpload> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(layout.uploadsOf(bucket))) {
            for (Path dir : dirs) {
                String id = dir.getFileName().toString();
                if (UploadIds.isValid(id)) {
                    try {
                        MultipartUpload upload = load(bucket, id);
                        if (upload != null) {
                            out.add(upload);
                        }
                    } catch (CorruptObjectException e) {
                        // one damaged record must not hide every other upload; calls naming it report it
                    }
                }
            }
        } catch (NoSuchFileException e) {
            return out; // no upload was ever made in this bucket
        }
        return out;
    }

    /** Moves a spooled part into place, replacing a part with the same number. */
    void storePart(String bucket, String id, int partNumber, Path spooled) throws IOException {
        Path target = layout.partFile(bucket, id, partNumber);
        Files.move(spooled, target, StandardCopyOption.ATOMIC_MOVE);
        durability.syncDirectory(target.getParent());
    }

    /** The metadata of a stored part, or null when there is none. */
    StoredMeta part(String bucket, String id, int partNumber) throws IOException {
        try (FileChannel ch = FileChannel.open(layout.partFile(bucket, id, partNumber), StandardOpenOption.READ)) {
            return ObjectFormat.read(ch);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The stored parts' numbers in ascending order. */
    List<Integer> partNumbers(String bucket, String id) throws IOException {
        TreeMap<Integer, Boolean> numbers = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(layout.uploadDir(bucket, id))) {
            for (Path f : files) {
                int n = Layout.partNumber(f.getFileName().toString());
                if (n > 0) {
                    numbers.put(n, Boolean.TRUE);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return new ArrayList<>(numbers.keySet());
    }

    /** True when upload {@code id} has a tombstone naming {@code key} (aborted, possibly mid-cleanup). */
    boolean abortedFor(BlobKey key, String id) throws IOException {
        try {
            return Files.readString(layout.abortedMarker(key.bucket(), id), StandardCharsets.UTF_8).equals(key.key());
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** Tombstones a live upload, then frees its record and parts. */
    void abort(BlobKey key, String id) throws IOException {
        writeAtomically(key.key().getBytes(StandardCharsets.UTF_8), layout.abortedMarker(key.bucket(), id));
        removeRecordAndParts(key.bucket(), id);
    }

    /** Finishes an abort that a crash interrupted; safe to repeat. */
    void finishAbort(String bucket, String id) throws IOException {
        removeRecordAndParts(bucket, id);
    }

    private void removeRecordAndParts(String bucket, String id) throws IOException {
        Files.deleteIfExists(layout.uploadRecord(bucket, id));
        for (int n : partNumbers(bucket, id)) {
            Files.deleteIfExists(layout.partFile(bucket, id, n));
        }
        durability.syncDirectory(layout.uploadDir(bucket, id));
    }

    /**
     * Ends a completed upload: its record goes first (from then on it is gone for every
     * caller), then the part names (the segment links keep the data), then the directory.
     */
    void remove(String bucket, String id) throws IOException {
        Path dir = layout.uploadDir(bucket, id);
        if (!Files.isDirectory(dir)) {
            return;
        }
        if (Files.deleteIfExists(layout.uploadRecord(bucket, id))) {
            durability.syncDirectory(dir);
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        } catch (NoSuchFileException e) {
            return;
        }
        Files.deleteIfExists(dir);
        durability.syncDirectory(dir.getParent());
    }

    private void writeAtomically(byte[] content, Path target) throws IOException {
        Path tmp = temp.newFile();
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                durability.syncFile(ch);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            durability.syncDirectory(target.getParent());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
