package dev.cairn.compat;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
        if (!BackendLane.supportsMultipart()) {
            // a backend without multipart: upload_file fails with a clean 501
            Proc.Result r = Proc.run(work, awsEnvironment(), List.of(Tools.venvProgram("python").toString(),
                    Tools.pythonDir().resolve("boto3_session.py").toString(), "multipart", gateway.endpoint().toString(), bucketName()));
            assertNotEquals(0, r.exitCode(), r.describe());
            assertTrue(r.stderr().contains("(NotImplemented) when calling the CreateMultipartUpload operation"), r.describe());
            return;
        }
        group("multipart");
    }
}
