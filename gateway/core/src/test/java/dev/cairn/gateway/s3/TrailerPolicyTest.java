package dev.cairn.gateway.s3;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobKey;
import dev.cairn.gateway.http.Headers;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import dev.cairn.gateway.s3.route.S3Operation;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Trailing headers are accepted on PutObject and UploadPart only: 400 InvalidRequest elsewhere. */
class TrailerPolicyTest {
    private static final EnumSet<S3Operation> WITH_TRAILERS = EnumSet.of(S3Operation.PUT_OBJECT, S3Operation.UPLOAD_PART);

    private static Headers headers(String name, String value) {
        return Headers.of(Map.of(name, List.of(value)));
    }

    @ParameterizedTest
    @EnumSource(S3Operation.class)
    void onlyPutObjectAndUploadPartTakeATrailer(S3Operation op) {
        for (Headers h : List.of(headers("x-amz-trailer", "x-amz-checksum-crc32"),
                headers("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"),
                headers("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER"))) {
            if (WITH_TRAILERS.contains(op)) {
                assertDoesNotThrow(() -> TrailerPolicy.check(op, h));
            } else {
                S3Exception e = assertThrows(S3Exception.class, () -> TrailerPolicy.check(op, h), op + " " + h);
                assertEquals(S3ErrorCode.InvalidRequest, e.code());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"STREAMING-AWS4-HMAC-SHA256-PAYLOAD", "UNSIGNED-PAYLOAD",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"})
    void bodiesWithoutATrailerAreNotTheirBusiness(String contentSha256) {
        assertDoesNotThrow(() -> TrailerPolicy.check(S3Operation.DELETE_OBJECTS, headers("x-amz-content-sha256", contentSha256)));
        assertDoesNotThrow(() -> TrailerPolicy.check(S3Operation.CREATE_BUCKET, Headers.of(Map.of())));
    }

    @Test
    void enforcedForEveryRoutedRequestBeforeTheHandler() {
        S3TestClient s3 = new S3TestClient();
        assertEquals(200, s3.request("PUT", "/bkt").send().status());
        assertEquals(200, s3.request("PUT", "/bkt/k").body("x").send().status());
        String xml = "<Delete><Object><Key>k</Key></Object></Delete>";
        List<S3TestClient.Request> refused = List.of(
                s3.request("POST", "/bkt").query("delete", null).header("x-amz-trailer", "x-amz-checksum-crc32").body(xml),
                s3.request("PUT", "/other").header("x-amz-trailer", "x-amz-checksum-crc32"),
                s3.request("GET", "/bkt/k").header("x-amz-trailer", "x-amz-checksum-crc32"),
                s3.request("PUT", "/bkt/copy").header("x-amz-copy-source", "/bkt/k").header("x-amz-trailer", "x-amz-checksum-crc32"));
        for (S3TestClient.Request r : refused) {
            S3TestClient.Response resp = r.send();
            assertEquals(400, resp.status(), resp.text());
            assertTrue(resp.text().contains("<Code>InvalidRequest</Code>") && resp.text().contains("PutObject and UploadPart"), resp.text());
        }
        assertEquals("x", s3.request("GET", "/bkt/k").send().text(), "DeleteObjects did not run");
        assertFalse(s3.store().bucketExists("other"), "CreateBucket did not run");
        assertThrows(RuntimeException.class, () -> s3.store().stat(new BlobKey("bkt", "copy")), "CopyObject did not run");
    }
}
