package dev.cairn.gateway.s3.xml;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small writer for S3's response XML: elements and escaped text, nothing else. S3 responses
 * carry no attributes except the namespace on the root, and keys may hold characters XML 1.0
 * cannot carry; those are written as numeric references only where XML allows them, and callers
 * use {@code encoding-type=url} for the rest (see {@link #isXmlSafe}).
 */
public final class XmlWriter {
    public static final String S3_NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

    /** The XML declaration every document starts with, line break included. */
    public static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private final StringBuilder out = new StringBuilder(512);
    private final Deque<String> open = new ArrayDeque<>();

    private XmlWriter() {
        out.append(DECLARATION);
    }

    /** Starts a document whose root carries the S3 namespace. */
    public static XmlWriter document(String root) {
        XmlWriter w = new XmlWriter();
        w.out.append('<').append(root).append(" xmlns=\"").append(S3_NAMESPACE).append("\">");
        w.open.push(root);
        return w;
    }

    /** Starts a document whose root has no namespace (S3's {@code <Error>}). */
    public static XmlWriter plainDocument(String root) {
        XmlWriter w = new XmlWriter();
        w.out.append('<').append(root).append('>');
        w.open.push(root);
        return w;
    }

    public XmlWriter start(String name) {
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    public XmlWriter end() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** {@code <name>text</name>}; a null text writes nothing. */
    public XmlWriter element(String name, String text) {
        if (text != null) {
            out.append('<').append(name).append('>');
            escape(text);
            out.append("</").append(name).append('>');
        }
        return this;
    }

    /** Escaped text inside the innermost open element. */
    public XmlWriter text(String text) {
        escape(text);
        return this;
    }

    public XmlWriter element(String name, long value) {
        out.append('<').append(name).append('>').append(value).append("</").append(name).append('>');
        return this;
    }

    public XmlWriter element(String name, boolean value) {
        return element(name, value ? "true" : "false");
    }

    /** Closes every open element and returns the document. */
    public String finish() {
        while (!open.isEmpty()) {
            end();
        }
        return out.toString();
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#13;");
                case '\n' -> out.append("&#10;");
                case '\t' -> out.append("&#9;");
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        // Not representable in XML 1.0 even as a reference; S3 clients that list such
                        // keys ask for encoding-type=url. Substitute so the document stays well-formed.
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** True when {@code s} can be carried in XML 1.0 text exactly. */
    public static boolean isXmlSafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
                return false;
            }
        }
        return true;
    }
}
