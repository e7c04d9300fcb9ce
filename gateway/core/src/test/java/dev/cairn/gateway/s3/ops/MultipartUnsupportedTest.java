package dev.cairn.gateway.s3.ops;

import static dev.cairn.gateway.s3.ops.ObjectTestSupport.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.ForwardingBlobStore;
import dev.cairn.blob.memory.MemoryBlobStoreProvider;
import dev.cairn.gateway.s3.S3TestClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Over a store without {@link dev.cairn.blob.SupportsMultipart}, every multipart operation stays 501, and partNumber reads still work. */
class MultipartUnsupportedTest {
    private final S3TestClient s3 = new S3TestClient(
            new ForwardingBlobStore(new MemoryBlobStoreProvider().open(new BackendSettings(Path.of("."), Map.of()))) {
            });

    @Test
    void everyMultipartOperationIsNotImplemented() {
        s3.request("PUT", "/bkt").send();
        s3.request("PUT", "/bkt/src").body("x").send();
        assertError(s3.request("POST", "/bkt/k").query("uploads", null).send(), 501, "NotImplemented");
        assertError(s3.request("PUT", "/bkt/k").query("partNumber", "1").query("uploadId", "u").body("x").send(), 501, "NotImplemented");
        assertError(s3.request("PUT", "/bkt/k").query("partNumber", "1").query("uploadId", "u").header("x-amz-copy-source", "/bkt/src")
                .send(), 501, "NotImplemented");
        assertError(s3.request("POST", "/bkt/k").query("uploadId", "u").body("<CompleteMultipartUpload/>").send(), 501, "NotImplemented");
        assertError(s3.request("DELETE", "/bkt/k").query("uploadId", "u").send(), 501, "NotImplemented");
        assertError(s3.request("GET", "/bkt/k").query("uploadId", "u").send(), 501, "NotImplemented");
        assertError(s3.request("GET", "/bkt").query("uploads", null).send(), 501, "NotImplemented");
        S3TestClient.Response part1 = s3.request("GET", "/bkt/src").query("partNumber", "1").send();
        assertEquals(206, part1.status(), part1.text());
        assertEquals("x", part1.text());
        assertError(s3.request("GET", "/bkt/src").query("partNumber", "2").send(), 416, "InvalidPartNumber");
    }
}
