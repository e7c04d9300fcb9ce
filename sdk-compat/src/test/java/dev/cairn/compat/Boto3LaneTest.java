package dev.cairn.compat;

import org.junit.jupiter.api.Test;

/**
 * boto3 at its defaults (aws-chunked uploads with a trailing CRC32 in current botocore),
 * path-style, on the local backend. Each test runs one group of {@code boto3_session.py}, which
 * checks its own results and exits non-zero on the first failed check.
 */
class Boto3LaneTest extends ProgramLane {
    @Override
    String backend() {
        return "local";
    }

    private void group(String name) throws Exception {
        Boto3Script.runGroup(this, "boto3_session.py", name);
    }

    @Test
    void buckets() throws Exception {
        group("buckets");
    }

    @Test
    void badCredentials() throws Exception {
        group("credentials");
    }

    @Test
    void objects() throws Exception {
        group("objects");
    }

    @Test
    void listing() throws Exception {
        group("listing");
    }

    @Test
    void copyAndDelete() throws Exception {
        group("copy_delete");
    }

    @Test
    void presignedGet() throws Exception {
        group("presigned");
    }

    @Test
    void multipartUploadFileAndDownloadFile() throws Exception {
        group("multipart");
    }
}
