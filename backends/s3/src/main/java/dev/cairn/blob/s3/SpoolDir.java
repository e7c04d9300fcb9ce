package dev.cairn.blob.s3;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Start-up housekeeping of the spool directory: bodies a crashed process left behind. */
final class SpoolDir {
    /** Older than any upload could take; younger files may belong to another live process. */
    private static final Duration STALE = Duration.ofDays(1);

    private SpoolDir() {
    }

    static void removeStale(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Instant cutoff = Instant.now().minus(STALE);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "body-*.tmp")) {
            for (Path f : files) {
                if (Files.getLastModifiedTime(f).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            // housekeeping only: the store works without it
        }
    }
}
