package dev.cairn.gateway.s3.ops;

import static dev.cairn.gateway.s3.ops.ObjectTestSupport.assertError;
import static dev.cairn.gateway.s3.ops.ObjectTestSupport.crc32Base64;
import static dev.cairn.gateway.s3.ops.ObjectTestSupport.md5Base64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.gateway.s3.S3TestClient;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeleteObjectsTest {
    private final S3TestClient s3 = new S3TestClient();

    @BeforeEach
    void objects() {
        s3.request("PUT", "/bkt").send();
        for (String k : new String[] {"a", "b", "%20c", "d%20"}) {
            assertEquals(200, s3.request("PUT", "/bkt/" + k).body(k).send().status());
        }
    }

    private S3TestClient.Response deleteObjects(String xml) {
        return s3.request("POST", "/bkt").query("delete", null).body(xml).send();
    }

    private static String objects(String... keys) {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            sb.append("<Object><Key>").append(k).append("</Key></Object>");
        }
        return sb.toString();
    }

    @Test
    void deleteObjectIsIdempotent() {
        assertEquals(204, s3.request("DELETE", "/bkt/a").send().status());
        assertEquals(404, s3.request("HEAD", "/bkt/a").send().status());
        assertEquals(204, s3.request("DELETE", "/bkt/a").send().status());
        assertEquals(204, s3.request("DELETE", "/bkt/b").query("versionId", "null").send().status());
        assertError(s3.request("DELETE", "/bkt/b").query("versionId", "v2").send(), 400, "InvalidArgument");
        assertError(s3.request("DELETE", "/nobucket/a").send(), 404, "NoSuchBucket");
        assertError(s3.request("DELETE", "/bkt/d%20").header("If-Match", "\"x\"").send(), 501, "NotImplemented");
        assertEquals(200, s3.request("HEAD", "/bkt/d%20").send().status(), "a refused conditional delete deletes nothing");
    }

    @Test
    void verboseListsEveryKeyExactlyAsSent() {
        S3TestClient.Response r = deleteObjects("<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + objects("a", " c", "d ", "never-existed") + "</Delete>");
        assertEquals(200, r.status(), r.text());
        for (String k : new String[] {"a", " c", "d ", "never-existed"}) {
            assertTrue(r.text().contains("<Deleted><Key>" + k + "</Key></Deleted>"), k + ": " + r.text());
        }
        assertTrue(r.text().contains("<DeleteResult xmlns="), r.text());
        assertEquals(404, s3.request("HEAD", "/bkt/%20c").send().status());
        assertEquals(404, s3.request("HEAD", "/bkt/d%20").send().status());
        assertEquals(200, s3.request("HEAD", "/bkt/b").send().status());
    }

    @Test
    void quietListsOnlyErrors() {
        String longKey = "k".repeat(1025);
        S3TestClient.Response r = deleteObjects("<Delete><Quiet>true</Quiet>" + objects("a", longKey, "")
                + "<Object><Key>b</Key><VersionId>v7</VersionId></Object></Delete>");
        assertEquals(200, r.status(), r.text());
        assertFalse(r.text().contains("<Deleted>"), r.text());
        assertTrue(r.text().contains("<Error><Key>" + longKey + "</Key><Code>KeyTooLongError</Code>"), r.text());
        assertTrue(r.text().contains("<Error><Key></Key><Code>InvalidArgument</Code>"), r.text());
        assertTrue(r.text().contains("<Error><Key>b</Key><VersionId>v7</VersionId><Code>InvalidArgument</Code>"), r.text());
        assertEquals(404, s3.request("HEAD", "/bkt/a").send().status());
        assertEquals(200, s3.request("HEAD", "/bkt/b").send().status(), "another version id deletes nothing");
    }

    @Test
    void thousandKeysButNotMore() {
        String[] keys = new String[1001];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "k" + i;
        }
        assertError(deleteObjects("<Delete>" + objects(keys) + "</Delete>"), 400, "MalformedXML");
        assertEquals(200, s3.request("HEAD", "/bkt/a").send().status());
        String[] thousand = java.util.Arrays.copyOf(keys, 1000);
        S3TestClient.Response ok = deleteObjects("<Delete><Quiet>true</Quiet>" + objects(thousand) + "</Delete>");
        assertEquals(200, ok.status(), ok.text());
    }

    @Test
    void malformedBodies() {
        assertError(deleteObjects("<Delete>" + objects("a")), 400, "MalformedXML");
        assertError(deleteObjects("<Delete></Delete>"), 400, "MalformedXML");
        assertError(deleteObjects("<Remove>" + objects("a") + "</Remove>"), 400, "MalformedXML");
        assertError(deleteObjects("<Delete><Quiet>maybe</Quiet>" + objects("a") + "</Delete>"), 400, "MalformedXML");
        assertError(deleteObjects("<Delete><Object><Key>a</Key><Key>b</Key></Object></Delete>"), 400, "MalformedXML");
        assertError(deleteObjects("<Delete><Object></Object></Delete>"), 400, "MalformedXML");
        assertError(deleteObjects("<Delete><Bogus/>" + objects("a") + "</Delete>"), 400, "MalformedXML");
        assertError(deleteObjects("not xml"), 400, "MalformedXML");
        assertError(s3.request("POST", "/bkt").query("delete", null).body(new byte[0]).send(), 400, "MalformedXML");
        assertEquals(200, s3.request("HEAD", "/bkt/a").send().status(), "nothing was deleted");
    }

    @Test
    void xxeIsRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Delete><Object><Key>&x;</Key></Object></Delete>";
        S3TestClient.Response r = deleteObjects(xxe);
        assertError(r, 400, "MalformedXML");
        assertFalse(r.text().contains("root:"), r.text());
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + "<Delete><Object><Key>&b;</Key></Object></Delete>";
        assertError(deleteObjects(bomb), 400, "MalformedXML");
    }

    @Test
    void bodyIntegrity() {
        String xml = "<Delete>" + objects("a") + "</Delete>";
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        assertEquals(200, s3.request("POST", "/bkt").query("delete", null).header("Content-MD5", md5Base64(bytes)).body(xml).send().status());
        String xml2 = "<Delete>" + objects("b") + "</Delete>";
        assertError(s3.request("POST", "/bkt").query("delete", null).header("Content-MD5", md5Base64(bytes)).body(xml2).send(),
                400, "BadDigest");
        assertError(s3.request("POST", "/bkt").query("delete", null).header("x-amz-checksum-crc32", crc32Base64(bytes)).body(xml2).send(),
                400, "BadDigest");
        assertEquals(200, s3.request("HEAD", "/bkt/b").send().status(), "a body that failed its digest deletes nothing");
        byte[] bytes2 = xml2.getBytes(StandardCharsets.UTF_8);
        assertEquals(200, s3.request("POST", "/bkt").query("delete", null).header("x-amz-checksum-crc32", crc32Base64(bytes2)).body(xml2)
                .send().status());
        assertEquals(404, s3.request("HEAD", "/bkt/b").send().status());
    }

    @Test
    void tooLargeBodyAndMissingBucket() {
        String pad = "<!--" + "x".repeat(1 << 20) + "-->";
        assertError(deleteObjects(pad + "<Delete>" + objects("a") + "</Delete>"), 400, "MaxMessageLengthExceeded");
        assertError(s3.request("POST", "/nobucket").query("delete", null).body("<Delete>" + objects("a") + "</Delete>").send(),
                404, "NoSuchBucket");
    }
}
