package dev.cairn.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** s3cmd (from PyPI, in the lanes' venv), SigV4, path-style, plain HTTP, memory backend. */
class S3cmdLaneTest extends ProgramLane {
    @Override
    String backend() {
        return "memory";
    }

    /** Whether s3cmd signs with SigV2 instead of SigV4 (the SigV2 lane overrides this). */
    boolean signatureV2() {
        return false;
    }

    private Proc.Result s3cmd(String secret, String... args) throws Exception {
        String hostPort = "127.0.0.1:" + gateway.port();
        Path config = Files.writeString(work.resolve("s3cfg-" + System.nanoTime()), String.join("\n", "[default]",
                "access_key = " + Gateway.ACCESS_KEY, "secret_key = " + secret, "host_base = " + hostPort,
                // no %(bucket)s in host_bucket: path-style requests
                "host_bucket = " + hostPort, "use_https = False", "bucket_location = " + Gateway.REGION, "signature_v2 = " + (signatureV2() ? "True" : "False"), ""));
        // one retry: s3cmd otherwise backs off through five attempts on every 5xx
        List<String> cmd = new ArrayList<>(List.of(Tools.venvProgram("s3cmd").toString(), "-c", config.toString(), "--max-retries=1"));
        cmd.addAll(List.of(args));
        return Proc.run(work, Map.of(), cmd);
    }

    private String ok(String... args) throws Exception {
        Proc.Result r = s3cmd(Gateway.SECRET_KEY, args);
        assertEquals(0, r.exitCode(), String.join(" ", args) + "\n" + r.describe());
        return r.stdout();
    }

    @Test
    void buckets() throws Exception {
        String bucket = bucketName();
        assertTrue(ok("mb", "s3://" + bucket).contains("Bucket 's3://" + bucket + "/' created"));
        assertTrue(ok("ls").contains("s3://" + bucket));
        assertTrue(ok("rb", "s3://" + bucket).contains("Bucket 's3://" + bucket + "/' removed"));
        assertTrue(!ok("ls").contains("s3://" + bucket));
        Proc.Result wrong = s3cmd("not-the-secret", "ls");
        assertNotEquals(0, wrong.exitCode(), wrong.describe());
        assertTrue((wrong.stdout() + wrong.stderr()).contains("SignatureDoesNotMatch"), wrong.describe());
    }

    @Test
    void putGetListDelete() throws Exception {
        String bucket = bucketName();
        ok("mb", "s3://" + bucket);
        Path file = Files.write(work.resolve("f.bin"), JavaSdkLane.bytes(300_000));
        ok("put", file.toString(), "s3://" + bucket + "/dir/f.bin");
        String root = ok("ls", "s3://" + bucket + "/");
        assertTrue(root.matches("(?s)\\s*DIR\\s+s3://" + java.util.regex.Pattern.quote(bucket) + "/dir/\\s*"), root);
        assertTrue(ok("ls", "s3://" + bucket + "/dir/").contains("s3://" + bucket + "/dir/f.bin"));
        Path back = work.resolve("back.bin");
        ok("get", "s3://" + bucket + "/dir/f.bin", back.toString());
        assertEquals(-1, Files.mismatch(file, back));
        ok("del", "s3://" + bucket + "/dir/f.bin");
        ok("rb", "s3://" + bucket);
    }

    /**
     * {@code sync} up, again (s3cmd compares sizes and MD5s with the listing, so a key or ETag that
     * came back altered would upload again), down into an empty directory, and with
     * {@code --delete-removed} after a local delete.
     */
    @Test
    void syncUpAndBackDown() throws Exception {
        String bucket = bucketName();
        ok("mb", "s3://" + bucket);
        Path tree = SyncTree.write(work.resolve("tree"));
        String up = ok("sync", tree + "/", "s3://" + bucket + "/tree/");
        assertEquals(SyncTree.FILES.size(), up.lines().filter(l -> l.startsWith("upload: ")).count(), up);
        String again = ok("sync", tree + "/", "s3://" + bucket + "/tree/");
        assertTrue(again.lines().noneMatch(l -> l.startsWith("upload: ")), again);
        Path down = work.resolve("down");
        String fetched = ok("sync", "s3://" + bucket + "/tree/", down + "/");
        assertEquals(SyncTree.FILES.size(), fetched.lines().filter(l -> l.startsWith("download: ")).count(), fetched);
        SyncTree.assertSameTree(tree, down);

        Files.delete(tree.resolve("plus+sign/1+1=2.txt"));
        ok("sync", "--delete-removed", tree + "/", "s3://" + bucket + "/tree/");
        String listed = ok("ls", "--recursive", "s3://" + bucket + "/tree/");
        assertEquals(SyncTree.FILES.size() - 1, listed.lines().filter(l -> l.contains("s3://" + bucket + "/tree/")).count(), listed);
        assertTrue(!listed.contains("1+1=2.txt"), listed);
    }
}
