package dev.cairn.blob.local;

import static dev.cairn.blob.local.LocalTestSupport.assertBlobError;
import static dev.cairn.blob.local.LocalTestSupport.filesUnder;
import static dev.cairn.blob.local.LocalTestSupport.readAll;
import static dev.cairn.blob.local.LocalTestSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.SupportsMultipart.CompletedPart;
import dev.cairn.blob.WritePrecondition;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kills a process with SIGKILL at each step of a multipart completion (If-Match on version 1)
 * and checks what a new store sees: version 1 before the commit point, the whole new object
 * after it, never a mix; and the same completion, retried, succeeds either way.
 */
@Timeout(180)
class CrashCompleteTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(CompletionHook.Step.class)
    void aCompletionKilledAtAnyStepIsAllOrNothingAndARetrySucceeds(CompletionHook.Step step) throws Exception {
        Path root = dir.resolve("data");
        Path stderr = dir.resolve("child-stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashCompleterMain.class.getName(), root.toString(), step.name())
                .redirectError(stderr.toFile())
                .start();
        String[] upload;
        try {
            BlockingQueue<String> lines = pump(child);
            String line = lines.poll(90, TimeUnit.SECONDS);
            assertTrue(line != null && line.startsWith("UPLOAD "), () -> line + "\n" + diagnostics(stderr));
            upload = line.split(" ");
            assertEquals(CrashCompleterMain.AT_STEP, lines.poll(60, TimeUnit.SECONDS), () -> diagnostics(stderr));
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
        } finally {
            child.destroyForcibly();
        }
        String uploadId = upload[1];
        String v1Etag = upload[2];
        List<CompletedPart> done = new ArrayList<>();
        for (int i = 3; i < upload.length; i++) {
            done.add(new CompletedPart(i - 2, upload[i]));
        }
        List<byte[]> parts = CrashCompleterMain.parts();
        byte[] v2 = MultipartTestSupport.concat(parts);
        BlobKey key = new BlobKey(CrashCompleterMain.BUCKET, CrashCompleterMain.KEY);

        try (LocalBlobStore store = LocalTestSupport.open(root)) {
            ObjectInfo seen = store.stat(key);
            byte[] bytes = readAll(store, key);
            if (step == CompletionHook.Step.PUBLISHED) {
                assertEquals(Map.of("version", "2"), seen.userMetadata());
                assertEquals(MultipartTestSupport.expectedEtag(parts), seen.etag());
                assertArrayEquals(v2, bytes, "past the commit point the whole new object is visible");
            } else {
                assertEquals(Map.of("version", "1"), seen.userMetadata());
                assertArrayEquals(utf8(CrashCompleterMain.V1_TEXT), bytes, "before the commit point version 1 is intact");
                assertEquals(3, store.listParts(key, uploadId, 0, 100).parts().size(), "the upload is intact");
            }
            assertEquals(List.of(), LocalTestSupport.partFiles(root), "start-up cleans the completion's temporary file");

            // The client retries the same request; with If-Match on version 1 even after the commit point.
            ObjectInfo completed = store.completeMultipartUpload(key, uploadId, done, new WritePrecondition.IfMatch(v1Etag),
                    CrashCompleterMain.MIN);
            assertEquals(MultipartTestSupport.expectedEtag(parts), completed.etag());
            assertEquals(MultipartTestSupport.expectedB3(parts), completed.blake3());
            assertEquals(completed, store.stat(key));
            assertArrayEquals(v2, readAll(store, key));
            assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> store.listParts(key, uploadId, 0, 100));
            assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> store.completeMultipartUpload(key, uploadId, done,
                    new WritePrecondition.IfMatch(v1Etag), CrashCompleterMain.MIN));
            assertEquals(List.of(), filesUnder(root.resolve("uploads")));
            assertEquals(parts.size(), filesUnder(root.resolve("segments")).size());
        }
    }

    private static BlockingQueue<String> pump(Process child) {
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
        return lines;
    }

    private static String diagnostics(Path stderr) {
        try {
            return "child stderr:\n" + (Files.exists(stderr) ? Files.readString(stderr) : "(none)");
        } catch (IOException e) {
            return "child stderr unreadable: " + e;
        }
    }
}
