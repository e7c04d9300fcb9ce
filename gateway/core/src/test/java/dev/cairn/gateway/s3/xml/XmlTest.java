package dev.cairn.gateway.s3.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XmlTest {
    private static SafeXmlReader.Node parse(String xml) throws IOException {
        return SafeXmlReader.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), 64 * 1024, 100);
    }

    @Test
    void writerEscapesAndNests() {
        String xml = XmlWriter.document("ListBucketResult").element("Name", "b").start("Contents")
                .element("Key", "a<b>&\"c'\n").element("Size", 5).end().element("IsTruncated", false).finish();
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Name>b</Name><Contents><Key>a&lt;b&gt;&amp;&quot;c&apos;&#10;</Key><Size>5</Size></Contents>"
                + "<IsTruncated>false</IsTruncated></ListBucketResult>", xml);
    }

    @Test
    void writerOutputParsesBackExactly() throws IOException {
        String key = " lead and trail \t<&>日本\uD83D\uDE00\r\n";
        String xml = XmlWriter.plainDocument("Delete").start("Object").element("Key", key).end().finish();
        assertEquals(key, parse(xml).child("Object").childText("Key"));
        assertTrue(XmlWriter.isXmlSafe(key));
        assertFalse(XmlWriter.isXmlSafe("a\u0001b"));
    }

    @Test
    void readsDeleteObjectsWithOrWithoutNamespace() throws IOException {
        for (String ns : new String[] {"", " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\""}) {
            SafeXmlReader.Node root = parse("<Delete" + ns + "><Quiet>true</Quiet><Object><Key>a</Key></Object>"
                    + "<Object><Key>b/c</Key><VersionId>null</VersionId></Object></Delete>");
            assertEquals("Delete", root.name());
            assertEquals("true", root.childText("Quiet"));
            assertEquals(2, root.children("Object").size());
            assertEquals("b/c", root.children("Object").get(1).childText("Key"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Delete><Object><Key>&x;</Key></Object></Delete>",
        "<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><Delete>&b;</Delete>",
        "<Delete><Object><Key>a</Key></Object>",
        "<Delete></Delete><Other/>",
        "not xml at all",
        "",
    })
    void rejectsDtdsEntitiesAndMalformedBodies(String xml) {
        S3Exception e = assertThrows(S3Exception.class, () -> parse(xml));
        assertEquals(S3ErrorCode.MalformedXML, e.code());
    }

    @Test
    void capsBytesElementsAndDepth() {
        byte[] big = ("<Delete>" + "<Object><Key>k</Key></Object>".repeat(5000) + "</Delete>").getBytes(StandardCharsets.UTF_8);
        S3Exception tooBig = assertThrows(S3Exception.class, () -> SafeXmlReader.parse(new ByteArrayInputStream(big), 1024, 100_000));
        assertEquals(S3ErrorCode.MaxMessageLengthExceeded, tooBig.code());
        S3Exception tooMany = assertThrows(S3Exception.class, () -> SafeXmlReader.parse(new ByteArrayInputStream(big), big.length, 100));
        assertEquals(S3ErrorCode.MalformedXML, tooMany.code());
        String deep = "<a>".repeat(40) + "</a>".repeat(40);
        assertEquals(S3ErrorCode.MalformedXML, assertThrows(S3Exception.class, () -> parse(deep)).code());
    }
}
