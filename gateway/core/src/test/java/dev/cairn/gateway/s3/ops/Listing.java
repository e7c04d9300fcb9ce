package dev.cairn.gateway.s3.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.WriteOptions;
import dev.cairn.gateway.s3.S3TestClient;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** A parsed ListBucketResult, read the way a strict XML client reads it; plus test fixtures. */
final class Listing {
    /** What S3's URL encoding may leave in a name. */
    private static final Pattern URL_ENCODED = Pattern.compile("[A-Za-z0-9._~/%-]*");

    final String xml;
    private final Element root;
    private final boolean urlEncoded;

    private Listing(String xml, Element root) {
        this.xml = xml;
        this.root = root;
        this.urlEncoded = "url".equals(text("EncodingType"));
    }

    /** Parses a 200 listing, failing the test on any other answer or on XML a parser rejects. */
    static Listing of(S3TestClient.Response r) {
        assertEquals(200, r.status(), r.text());
        assertEquals("application/xml", r.header("Content-Type"));
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
            Element root = d.getDocumentElement();
            assertEquals("ListBucketResult", root.getLocalName());
            assertEquals("http://s3.amazonaws.com/doc/2006-03-01/", root.getNamespaceURI());
            return new Listing(r.text(), root);
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + r.text(), e);
        }
    }

    /** A top-level element's text, or null when absent. */
    String text(String name) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(name)) {
                return e.getTextContent();
            }
        }
        return null;
    }

    /** A top-level name, URL-decoded when the listing is encoded. */
    String name(String element) {
        return decode(text(element));
    }

    boolean truncated() {
        String t = text("IsTruncated");
        assertTrue("true".equals(t) || "false".equals(t), xml);
        return Boolean.parseBoolean(t);
    }

    List<Element> contents() {
        return children(root, "Contents");
    }

    /** Keys as listed, decoded when encoded. */
    List<String> keys() {
        List<String> out = new ArrayList<>();
        for (Element c : contents()) {
            out.add(decode(child(c, "Key")));
        }
        return out;
    }

    /** Common prefixes as listed, decoded when encoded. */
    List<String> prefixes() {
        List<String> out = new ArrayList<>();
        for (Element c : children(root, "CommonPrefixes")) {
            out.add(decode(child(c, "Prefix")));
        }
        return out;
    }

    /** Keys and prefixes in UTF-8 order, as one page lists them. */
    List<String> entries() {
        List<String> all = new ArrayList<>(keys());
        all.addAll(prefixes());
        all.sort(Listing::utf8Compare);
        return all;
    }

    private String decode(String s) {
        if (s == null || !urlEncoded) {
            return s;
        }
        assertTrue(URL_ENCODED.matcher(s).matches(), "not S3 URL encoding: " + s);
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The text of the only child with this name, or null when there is none. */
    static String child(Element parent, String name) {
        List<Element> c = children(parent, name);
        if (c.size() > 1) {
            fail("more than one " + name);
        }
        return c.isEmpty() ? null : c.get(0).getTextContent();
    }

    // ---- fixtures

    static void put(BlobStore store, String bucket, Collection<String> keys) {
        for (String k : keys) {
            put(store, bucket, k, WriteOptions.DEFAULTS);
        }
    }

    static void put(BlobStore store, String bucket, String key, WriteOptions options) {
        byte[] body = ("body of " + key).getBytes(StandardCharsets.UTF_8);
        store.write(new BlobKey(bucket, key), ObjectSource.of(body), options);
    }

    /** Keys sorted by their UTF-8 bytes, computed independently of the SPI's comparator. */
    static List<String> utf8Sorted(Collection<String> keys) {
        List<String> out = new ArrayList<>(keys);
        out.sort(Listing::utf8Compare);
        return out;
    }

    static int utf8Compare(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
