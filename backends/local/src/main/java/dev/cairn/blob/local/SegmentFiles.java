package dev.cairn.blob.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The segment directory of a completed multipart object: hard links to its part files, so the
 * object owns its bytes once the upload directory is gone, and no byte is copied. Linking (not
 * renaming) keeps the upload whole until the composite object file is published, so a failed
 * precondition or a crash before that commit point leaves a complete, retryable upload.
 */
final class SegmentFiles {
    private final Layout layout;
    private final Durability durability;

    SegmentFiles(Layout layout, Durability durability) {
        this.layout = layout;
        this.durability = durability;
    }

    /**
     * Links the given parts of an upload into a fresh segment directory, replacing what an
     * earlier, uncommitted attempt left there, and syncs the new entries.
     *
     * @throws UnsupportedOperationException when the filesystem has no hard links
     */
    void link(String bucket, String uploadId, List<Integer> partNumbers) throws IOException {
        Path dir = layout.segmentDir(bucket, uploadId);
        delete(dir); // a crashed or failed attempt's links: nothing references them (the caller checked)
        Path bucketDir = dir.getParent();
        if (!Files.isDirectory(bucketDir)) {
            try {
                Files.createDirectory(bucketDir);
            } catch (FileAlreadyExistsException e) {
                // created concurrently for another upload of the bucket
            }
            durability.syncDirectory(layout.segments());
        }
        Files.createDirectory(dir);
        durability.syncDirectory(bucketDir);
        for (int n : partNumbers) {
            Files.createLink(layout.segmentFile(bucket, uploadId, n), layout.partFile(bucket, uploadId, n));
        }
        durability.syncDirectory(dir);
    }

    /** Deletes an object's segment directory; a missing one is fine. Open readers keep their bytes (POSIX). */
    void delete(String bucket, String uploadId) throws IOException {
        delete(layout.segmentDir(bucket, uploadId));
    }

    private void delete(Path dir) throws IOException {
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
}
