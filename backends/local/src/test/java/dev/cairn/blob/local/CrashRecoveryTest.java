package dev.cairn.blob.local;

import static dev.cairn.blob.local.LocalTestSupport.partFiles;
import static dev.cairn.blob.local.LocalTestSupport.readAll;
import static dev.cairn.blob.local.LocalTestSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ListRequest;
import dev.cairn.blob.ObjectInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Kills a writer process with SIGKILL in the middle of a write and checks what a new store sees. */
@Timeout(180)
class CrashRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void aWriterKilledMidWriteLeavesThePreviousVersionIntact() throws Exception {
        Path root = dir.resolve("data");
        Path stderr = dir.resolve("child-stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashWriterMain.class.getName(), root.toString())
                .redirectError(stderr.toFile())
                .start();
        try {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread pump = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("pump failed: " + e);
                }
            }, "crash-child-stdout");
            pump.setDaemon(true);
            pump.start();
            assertEquals(CrashWriterMain.V1_DONE, lines.poll(90, TimeUnit.SECONDS), () -> diagnostics(stderr));
            assertEquals(CrashWriterMain.MID_WRITE, lines.poll(60, TimeUnit.SECONDS), () -> diagnostics(stderr));
            assertFalse(partFiles(root).isEmpty(), "version 2 should be in flight in tmp/");
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
        } finally {
            child.destroyForcibly();
        }

        BlobKey key = new BlobKey(CrashWriterMain.BUCKET, CrashWriterMain.KEY);
        try (LocalBlobStore store = LocalTestSupport.open(root)) {
            assertEquals(List.of(), partFiles(root), "start-up must clean the interrupted write");
            ObjectInfo info = store.stat(key);
            assertEquals(Map.of("version", "1"), info.userMetadata());
            assertEquals("text/plain", info.contentType());
            assertEquals(CrashWriterMain.V1_TEXT.length(), info.size());
            assertArrayEquals(utf8(CrashWriterMain.V1_TEXT), readAll(store, key));
            assertEquals(List.of(key.key()), store.list(ListRequest.all(key.bucket())).objects().stream()
                    .map(o -> o.key().key()).toList());
            assertTrue(store.health().writable());
        }
    }

    private static String diagnostics(Path stderr) {
        try {
            return "child stderr:\n" + (Files.exists(stderr) ? Files.readString(stderr) : "(none)");
        } catch (IOException e) {
            return "child stderr unreadable: " + e;
        }
    }
}
