package dev.cairn.blob.local;

import static dev.cairn.blob.local.LocalTestSupport.open;
import static dev.cairn.blob.local.LocalTestSupport.partFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupCleanupTest {
    @TempDir
    Path root;

    @Test
    void startUpDeletesWhatCrashedWritersLeftInTmp() throws IOException {
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        Files.writeString(tmp.resolve("loose.part"), "partial");
        Path dead = Files.createDirectories(tmp.resolve("dead-writer"));
        Files.writeString(dead.resolve("1.part"), "partial");
        Files.writeString(dead.resolve("2.part"), "partial");
        Files.createFile(tmp.resolve("dead-writer.lock")); // unlocked: its process is gone
        try (LocalBlobStore store = open(root)) {
            assertEquals(List.of(), partFiles(root));
            assertFalse(Files.exists(tmp.resolve("dead-writer.lock")));
            assertTrue(store.health().writable());
        }
    }

    @Test
    void startUpLeavesTheTemporaryFilesOfALiveStoreAlone() throws IOException {
        try (LocalBlobStore live = open(root)) {
            List<Path> areas;
            try (var s = Files.list(root.resolve("tmp"))) {
                areas = s.filter(Files::isDirectory).toList();
            }
            assertEquals(1, areas.size());
            Path inFlight = areas.get(0).resolve("99.part");
            Files.writeString(inFlight, "being written");
            try (LocalBlobStore second = open(root)) {
                assertTrue(Files.exists(inFlight), "a live store's in-flight write was deleted");
                assertTrue(second.health().writable());
            }
            assertTrue(live.health().writable());
        }
    }

    @Test
    void closingAStoreRemovesItsTemporaryArea() throws IOException {
        open(root).close();
        assertEquals(List.of(), LocalTestSupport.filesUnder(root.resolve("tmp")));
    }
}
