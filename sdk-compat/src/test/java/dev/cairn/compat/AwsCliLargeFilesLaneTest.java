package dev.cairn.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The AWS CLI (v1, the {@link AwsCliLaneTest} set-up) with files well above its 8 MiB multipart
 * threshold, on the local backend: {@code cp} of 100 MiB and a {@code sync} whose tree mixes
 * multipart-sized and small files, both ways.
 */
class AwsCliLargeFilesLaneTest extends ProgramLane {
    private static final long MIB = 1 << 20;

    @Override
    String backend() {
        return "local";
    }

    @Test
    void copyHundredMibUpAndDown() throws Exception {
        String bucket = bucketName();
        awsOk("s3", "mb", "s3://" + bucket);
        Path big = BigFile.write(work.resolve("hundred-mib.bin"), 100 * MIB);
        awsOk("s3", "cp", big.toString(), "s3://" + bucket + "/big.bin");
        // the CLI's default 8 MiB chunks: 13 parts
        String etag = awsOk("s3api", "head-object", "--bucket", bucket, "--key", "big.bin", "--query", "ETag", "--output", "text").trim();
        assertTrue(etag.replace("\"", "").endsWith("-13"), etag);
        Path back = work.resolve("back.bin");
        awsOk("s3", "cp", "s3://" + bucket + "/big.bin", back.toString());
        assertEquals(BigFile.sha256(big), BigFile.sha256(back));
    }

    /** Up into an empty prefix, again (nothing to send: sizes and times match), down into an empty directory. */
    @Test
    void syncTreeWithMultipartFiles() throws Exception {
        String bucket = bucketName();
        awsOk("s3", "mb", "s3://" + bucket);
        Path tree = SyncTree.write(work.resolve("tree"));
        BigFile.write(tree.resolve("twelve-mib.bin"), 12 * MIB);
        BigFile.write(tree.resolve("deep/a/thirty-mib.bin"), 30 * MIB);
        String up = awsOk("s3", "sync", tree.toString(), "s3://" + bucket + "/tree");
        assertEquals(SyncTree.FILES.size() + 2, up.lines().filter(l -> l.startsWith("upload:")).count(), up);
        assertEquals("", awsOk("s3", "sync", tree.toString(), "s3://" + bucket + "/tree").trim(), "second sync sends nothing");
        String etag = awsOk("s3api", "head-object", "--bucket", bucket, "--key", "tree/deep/a/thirty-mib.bin", "--query", "ETag",
                "--output", "text").trim();
        assertTrue(etag.replace("\"", "").endsWith("-4"), etag);
        Path down = work.resolve("down");
        awsOk("s3", "sync", "s3://" + bucket + "/tree", down.toString());
        SyncTree.assertSameTree(tree, down);
    }
}
