package dev.cairn.gateway.s3.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.gateway.s3.S3TestClient;
import org.junit.jupiter.api.Test;

class BucketOpsTest {
    private final S3TestClient s3 = new S3TestClient();

    @Test
    void createListHeadLocateDelete() {
        assertEquals(200, s3.request("PUT", "/photos").send().status());
        S3TestClient.Response list = s3.request("GET", "/").send();
        assertEquals(200, list.status(), list.text());
        assertTrue(list.text().contains("<Name>photos</Name>"), list.text());
        assertFalse(list.text().contains(".oap"), "internal buckets stay hidden");
        S3TestClient.Response head = s3.request("HEAD", "/photos").send();
        assertEquals(200, head.status());
        assertEquals("us-east-1", head.header("x-amz-bucket-region"));
        S3TestClient.Response loc = s3.request("GET", "/photos").query("location", null).send();
        assertEquals(200, loc.status(), loc.text());
        assertTrue(loc.text().contains("<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"></LocationConstraint>"), loc.text());
        assertEquals(204, s3.request("DELETE", "/photos").send().status());
        assertEquals(404, s3.request("HEAD", "/photos").send().status());
    }

    @Test
    void createWithLocationConstraintBody() {
        S3TestClient.Response r = s3.request("PUT", "/eu-bucket")
                .body("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>")
                .send();
        assertEquals(200, r.status(), r.text());
        assertEquals("/eu-bucket", r.header("Location"));
        S3TestClient.Response bad = s3.request("PUT", "/xml-bucket").body("<NotAConfiguration/>").send();
        assertEquals(400, bad.status());
        assertTrue(bad.text().contains("<Code>MalformedXML</Code>"), bad.text());
    }

    @Test
    void errorsAreS3Xml() {
        S3TestClient.Response invalid = s3.request("PUT", "/Bad_Name").send();
        assertEquals(400, invalid.status());
        assertTrue(invalid.text().contains("<Code>InvalidBucketName</Code>"), invalid.text());
        assertTrue(invalid.text().contains("<RequestId>"), invalid.text());
        assertEquals(400, s3.request("PUT", "/metrics").send().status(), "reserved for the gateway's endpoints");
        s3.request("PUT", "/twice").send();
        S3TestClient.Response again = s3.request("PUT", "/twice").send();
        assertEquals(409, again.status());
        assertTrue(again.text().contains("<Code>BucketAlreadyOwnedByYou</Code>"), again.text());
        S3TestClient.Response missing = s3.request("DELETE", "/missing-bucket").send();
        assertEquals(404, missing.status());
        assertTrue(missing.text().contains("<Code>NoSuchBucket</Code>") && missing.text().contains("<BucketName>missing-bucket</BucketName>"), missing.text());
        assertEquals(404, s3.request("GET", "/.oap").query("location", null).send().status(), "the OAP space is not an S3 bucket");
        S3TestClient.Response unsupported = s3.request("DELETE", "/twice").query("versioning", null).send();
        assertEquals(501, unsupported.status());
        assertEquals(200, s3.request("HEAD", "/twice").send().status(), "an unsupported sub-resource never falls through to DeleteBucket");
    }
}
