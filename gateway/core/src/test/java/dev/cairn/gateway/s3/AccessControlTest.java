package dev.cairn.gateway.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.gateway.s3.auth.AccessKeys;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Several key pairs and public-read buckets, end to end through {@link S3Api}. */
class AccessControlTest {
    static final String SECOND_KEY = "AKIDSECONDKEY0000002";
    static final String SECOND_SECRET = "second-secret-0123456789-second-secret-0";

    private final S3TestClient s3 = S3TestClient.customized(s -> s.withAccess(
            AccessKeys.create(S3TestClient.ACCESS_KEY, S3TestClient.SECRET_KEY, Map.of(SECOND_KEY, SECOND_SECRET)),
            Set.of("pub", "pub-missing")));

    @BeforeEach
    void buckets() {
        for (String path : new String[] {"/pub", "/priv"}) {
            assertEquals(200, s3.request("PUT", path).send().status());
            assertEquals(200, s3.request("PUT", path + "/a.txt").body("hello").send().status());
        }
    }

    @Test
    void secondKeyPairHasFullAccess() {
        S3TestClient.Response put = s3.request("PUT", "/priv/b.txt").signedBy(SECOND_KEY, SECOND_SECRET).body("from two").send();
        assertEquals(200, put.status(), put.text());
        S3TestClient.Response get = s3.request("GET", "/priv/b.txt").signedBy(SECOND_KEY, SECOND_SECRET).send();
        assertEquals(200, get.status(), get.text());
        assertEquals("from two", get.text());
        assertEquals(200, s3.request("GET", "/").signedBy(SECOND_KEY, SECOND_SECRET).send().status());
        assertEquals(200, s3.request("GET", "/priv/b.txt").send().status(), "the owner's pair sees the same objects");
    }

    @Test
    void unknownKeyIsInvalidAccessKeyId() {
        S3TestClient.Response r = s3.request("GET", "/priv/a.txt").signedBy("AKIDNOBODY0000000000", SECOND_SECRET).send();
        assertError(r, 403, "InvalidAccessKeyId");
    }

    @Test
    void wrongSecretOfSecondKeyIsSignatureDoesNotMatch() {
        S3TestClient.Response r = s3.request("GET", "/priv/a.txt").signedBy(SECOND_KEY, S3TestClient.SECRET_KEY).send();
        assertError(r, 403, "SignatureDoesNotMatch");
    }

    @Test
    void anonymousReadsOfPublicBucket() {
        S3TestClient.Response get = s3.request("GET", "/pub/a.txt").anonymous().send();
        assertEquals(200, get.status(), get.text());
        assertEquals("hello", get.text());
        S3TestClient.Response head = s3.request("HEAD", "/pub/a.txt").anonymous().send();
        assertEquals(200, head.status());
        assertEquals("5", head.header("Content-Length"));
        assertEquals(200, s3.request("HEAD", "/pub").anonymous().send().status());
        S3TestClient.Response v1 = s3.request("GET", "/pub").anonymous().send();
        assertEquals(200, v1.status(), v1.text());
        assertTrue(v1.text().contains("<Key>a.txt</Key>"), v1.text());
        S3TestClient.Response v2 = s3.request("GET", "/pub").query("list-type", "2").anonymous().send();
        assertEquals(200, v2.status(), v2.text());
        assertTrue(v2.text().contains("<Key>a.txt</Key>"), v2.text());
        assertError(s3.request("GET", "/pub/missing").anonymous().send(), 404, "NoSuchKey");
        assertError(s3.request("GET", "/pub-missing/a.txt").anonymous().send(), 404, "NoSuchBucket");
    }

    @ParameterizedTest(name = "anonymous {0} {1}{2} → AccessDenied")
    @CsvSource({
        "PUT, /pub/new.txt, ''",
        "DELETE, /pub/a.txt, ''",
        "POST, /pub, ?delete",
        "PUT, /pub/a.txt, ?copy",
        "POST, /pub/big, ?uploads",
        "GET, /pub, ?location",
        "GET, /pub/a.txt, ?uploadId=x",
        "GET, /pub, ?acl",
        "PUT, /pub, ''",
        "DELETE, /pub, ''",
        "POST, /pub/a.txt, ''",
        "GET, /, ''",
        "GET, /priv/a.txt, ''",
        "HEAD, /priv/a.txt, ''",
        "HEAD, /priv, ''",
        "GET, /priv, ''",
        "GET, /priv, ?list-type=2",
        "GET, /nobody/a.txt, ''",
    })
    void anonymousEverythingElseIsDenied(String method, String path, String query) {
        S3TestClient.Request req = s3.request(method, path).anonymous();
        if (query.equals("?copy")) {
            req.header("x-amz-copy-source", "/pub/a.txt");
        } else if (!query.isEmpty()) {
            String[] nv = query.substring(1).split("=", 2);
            req.query(nv[0], nv.length == 2 ? nv[1] : null);
        }
        if (method.equals("PUT") || method.equals("POST")) {
            req.body("x");
        }
        S3TestClient.Response r = req.send();
        assertEquals(403, r.status(), r.text());
        if (!method.equals("HEAD")) {
            assertTrue(r.text().contains("<Code>AccessDenied</Code>"), r.text());
        }
        assertEquals("hello", s3.request("GET", "/pub/a.txt").send().text(), "nothing changed");
        assertEquals(200, s3.request("HEAD", "/pub").send().status(), "nothing changed");
        assertEquals(404, s3.request("HEAD", "/pub/new.txt").send().status(), "nothing created");
    }

    @Test
    void badSignaturesOnPublicBucketsAreNeverDowngradedToAnonymous() {
        assertError(s3.request("GET", "/pub/a.txt").signedBy(SECOND_KEY, "wrong").send(), 403, "SignatureDoesNotMatch");
        assertError(s3.request("GET", "/pub/a.txt").signedBy("AKIDNOBODY0000000000", "wrong").send(), 403, "InvalidAccessKeyId");
        S3TestClient.Response presigned = s3.request("GET", "/pub/a.txt").anonymous()
                .query("X-Amz-Algorithm", "AWS4-HMAC-SHA256").query("X-Amz-Signature", "00").send();
        assertEquals(400, presigned.status(), presigned.text());
        assertTrue(presigned.text().contains("<Code>AuthorizationQueryParametersError</Code>"), presigned.text());
    }

    @Test
    void withoutConfigurationNothingIsPublic() {
        S3TestClient plain = new S3TestClient();
        assertEquals(200, plain.request("PUT", "/pub").send().status());
        assertEquals(200, plain.request("PUT", "/pub/a.txt").body("x").send().status());
        assertError(plain.request("GET", "/pub/a.txt").anonymous().send(), 403, "AccessDenied");
        assertError(plain.request("GET", "/pub").anonymous().send(), 403, "AccessDenied");
        assertError(plain.request("GET", "/pub/a.txt").signedBy(SECOND_KEY, SECOND_SECRET).send(), 403, "InvalidAccessKeyId");
    }

    private static void assertError(S3TestClient.Response r, int status, String code) {
        assertEquals(status, r.status(), r.text());
        assertTrue(r.text().contains("<Code>" + code + "</Code>"), r.text());
    }
}
