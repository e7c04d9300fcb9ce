package dev.cairn.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * rclone (Debian's package; {@code .ci/run} installs it) with an S3 remote of provider
 * {@code Other}, path-style, on the local backend. Its own config file (given with
 * {@code --config}), so no user config is read.
 */
class RcloneLaneTest extends ProgramLane {
    @Override
    String backend() {
        return "local";
    }

    private Proc.Result rclone(String... args) throws Exception {
        Path rclone = Tools.systemProgram("rclone", "install it with: apt-get install rclone");
        // the remote exactly as docs/s3-compatibility.md gives it
        Path config = Files.writeString(work.resolve("rclone.conf"), String.join("\n", "[cairn]",
                "type = s3",
                "provider = Other",
                "access_key_id = " + Gateway.ACCESS_KEY,
                "secret_access_key = " + Gateway.SECRET_KEY,
                "endpoint = " + gateway.endpoint(),
                "region = " + Gateway.REGION,
                "force_path_style = true", ""));
        List<String> cmd = new ArrayList<>(List.of(rclone.toString(), "--config", config.toString(), "--retries", "1", "--low-level-retries", "1"));
        cmd.addAll(List.of(args));
        return Proc.run(work, Map.of(), cmd);
    }

    private String ok(String... args) throws Exception {
        Proc.Result r = rclone(args);
        assertEquals(0, r.exitCode(), String.join(" ", args) + "\n" + r.describe());
        return r.stdout();
    }

    @Test
    void buckets() throws Exception {
        String bucket = bucketName();
        ok("mkdir", "cairn:" + bucket);
        assertTrue(ok("lsd", "cairn:").contains(bucket));
        ok("rmdir", "cairn:" + bucket);
        assertTrue(!ok("lsd", "cairn:").contains(bucket));
    }

    @Test
    void copyCatListDelete() throws Exception {
        String bucket = bucketName();
        ok("mkdir", "cairn:" + bucket);
        Path file = Files.write(work.resolve("f.bin"), JavaSdkLane.bytes(500_000));
        ok("copyto", file.toString(), "cairn:" + bucket + "/dir/f.bin");
        assertTrue(ok("ls", "cairn:" + bucket).contains("500000 dir/f.bin"));
        ok("check", work.toString(), "cairn:" + bucket + "/dir", "--include", "f.bin");
        Path back = work.resolve("back");
        ok("copyto", "cairn:" + bucket + "/dir/f.bin", back.toString());
        assertEquals(-1, Files.mismatch(file, back));
        ok("deletefile", "cairn:" + bucket + "/dir/f.bin");
        ok("rmdir", "cairn:" + bucket);
    }

    /**
     * {@code sync} up, {@code check} (sizes and MD5s against the listing's ETags), down into an
     * empty directory, and a sync after a local delete removes the object.
     */
    @Test
    void syncUpAndBackDown() throws Exception {
        String bucket = bucketName();
        ok("mkdir", "cairn:" + bucket);
        Path tree = SyncTree.write(work.resolve("tree"));
        ok("sync", tree.toString(), "cairn:" + bucket + "/tree");
        ok("check", tree.toString(), "cairn:" + bucket + "/tree");
        List<String> remote = ok("lsf", "-R", "--files-only", "cairn:" + bucket + "/tree").lines().sorted().toList();
        assertEquals(SyncTree.FILES.keySet().stream().sorted().toList(), remote);
        Path down = work.resolve("down");
        ok("sync", "cairn:" + bucket + "/tree", down.toString());
        SyncTree.assertSameTree(tree, down);

        Files.delete(tree.resolve("plus+sign/1+1=2.txt"));
        ok("sync", tree.toString(), "cairn:" + bucket + "/tree");
        assertTrue(!ok("lsf", "-R", "--files-only", "cairn:" + bucket + "/tree").contains("1+1=2.txt"));
        ok("check", tree.toString(), "cairn:" + bucket + "/tree");
    }

    /**
     * A file above rclone's multipart cutoff, with cutoff and chunk size lowered to S3's 5 MiB
     * minimum so that 23 MiB is 5 parts; {@code check} compares sizes only for it, since a
     * multipart ETag is not an MD5, so the copy back is compared too.
     */
    @Test
    void multipartCopyUpAndBack() throws Exception {
        String bucket = bucketName();
        ok("mkdir", "cairn:" + bucket);
        Path up = Files.createDirectories(work.resolve("up"));
        Path file = BigFile.write(up.resolve("big.bin"), (23 << 20) + 5);
        ok("copy", up.toString(), "cairn:" + bucket + "/mp", "--s3-upload-cutoff", "5M", "--s3-chunk-size", "5M");
        ok("check", up.toString(), "cairn:" + bucket + "/mp");
        try (S3Client s3 = JavaSdkLane.pathStyleClient(gateway)) {
            String etag = s3.headObject(b -> b.bucket(bucket).key("mp/big.bin")).eTag();
            assertTrue(etag.replace("\"", "").endsWith("-5"), "not 5 parts: " + etag);
        }
        Path back = work.resolve("back");
        ok("copy", "cairn:" + bucket + "/mp", back.toString());
        assertEquals(BigFile.sha256(file), BigFile.sha256(back.resolve("big.bin")));
    }
}
