package dev.cairn.gateway.s3.xml;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads small S3 request bodies (DeleteObjects, CompleteMultipartUpload, CreateBucketConfiguration)
 * into a tree of elements, with every door of XML's attack surface shut: no DTDs, no external
 * entities, no entity expansion, a byte cap on the body, and caps on depth and element count.
 * Namespaces are ignored (clients differ in whether they send S3's).
 */
public final class SafeXmlReader {
    private static final XMLInputFactory FACTORY = newFactory();

    /**
     * An element: its local name, its text exactly as sent (object keys may start or end with
     * spaces, so nothing is trimmed), and its children in order.
     */
    public record Node(String name, String text, List<Node> children) {
        /** The first child with this name, or null. */
        public Node child(String childName) {
            for (Node n : children) {
                if (n.name.equals(childName)) {
                    return n;
                }
            }
            return null;
        }

        /** The text of the first child with this name, or null. */
        public String childText(String childName) {
            Node n = child(childName);
            return n == null ? null : n.text;
        }

        public List<Node> children(String childName) {
            List<Node> out = new ArrayList<>();
            for (Node n : children) {
                if (n.name.equals(childName)) {
                    out.add(n);
                }
            }
            return out;
        }
    }

    private SafeXmlReader() {
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /**
     * Parses a body of at most {@code maxBytes} bytes with at most {@code maxElements} elements.
     *
     * @throws S3Exception MalformedXML for anything that is not plain, well-formed XML within the
     *     limits (a body over {@code maxBytes} is MaxMessageLengthExceeded)
     */
    public static Node parse(InputStream body, int maxBytes, int maxElements) throws IOException {
        byte[] bytes = body.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new S3Exception(S3ErrorCode.MaxMessageLengthExceeded, "Your request was too big (limit " + maxBytes + " bytes).");
        }
        if (bytes.length == 0) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(bytes));
            try {
                return readDocument(r, maxElements);
            } finally {
                r.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof S3Exception s3) {
                throw s3;
            }
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
    }

    private static Node readDocument(XMLStreamReader r, int maxElements) throws XMLStreamException {
        List<Map.Entry<String, List<Node>>> stack = new ArrayList<>();
        List<StringBuilder> texts = new ArrayList<>();
        int elements = 0;
        Node root = null;
        while (r.hasNext()) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE -> throw new S3Exception(S3ErrorCode.MalformedXML);
                case XMLStreamConstants.START_ELEMENT -> {
                    if (root != null || ++elements > maxElements || stack.size() >= 16) {
                        throw new S3Exception(S3ErrorCode.MalformedXML, elements > maxElements
                                ? "The XML you provided has more than " + maxElements + " elements." : null);
                    }
                    stack.add(new java.util.AbstractMap.SimpleEntry<>(r.getLocalName(), new ArrayList<>()));
                    texts.add(new StringBuilder());
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!texts.isEmpty()) {
                        texts.get(texts.size() - 1).append(r.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    Map.Entry<String, List<Node>> top = stack.remove(stack.size() - 1);
                    StringBuilder text = texts.remove(texts.size() - 1);
                    Node node = new Node(top.getKey(), text.toString(), List.copyOf(top.getValue()));
                    if (stack.isEmpty()) {
                        root = node;
                    } else {
                        stack.get(stack.size() - 1).getValue().add(node);
                    }
                }
                default -> {
                }
            }
        }
        if (root == null) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        return root;
    }
}
