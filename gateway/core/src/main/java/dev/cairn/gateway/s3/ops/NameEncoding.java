package dev.cairn.gateway.s3.ops;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import dev.cairn.gateway.s3.xml.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How a listing writes names (keys, prefixes, delimiter, markers): as they are, or
 * percent-encoded for {@code encoding-type=url}.
 *
 * <p>URL encoding follows what S3 sends and what every SDK decodes: the UTF-8 bytes of the name,
 * with the unreserved characters ({@code A-Z a-z 0-9 - _ . ~}) and {@code /} kept, everything
 * else as {@code %XX} with upper-case hex. A space is {@code %20}, never {@code +}: botocore
 * ({@code unquote_plus}) and the Java SDK ({@code URLDecoder}) decode both, but a decoder that
 * treats {@code +} literally only decodes {@code %20} right, and a literal {@code +} must be
 * {@code %2B} either way so it stays distinct from a space.
 */
enum NameEncoding {
    /** Names as they are. A name XML 1.0 cannot carry fails the request (see {@link #apply}). */
    RAW,
    /** {@code encoding-type=url}. */
    URL;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * The encoding a request asked for.
     *
     * @param encodingType the {@code encoding-type} parameter, or null when absent
     * @throws S3Exception InvalidArgument for any value other than {@code url}
     */
    static NameEncoding parse(String encodingType) {
        if (encodingType == null) {
            return RAW;
        }
        if (encodingType.equals("url")) {
            return URL;
        }
        throw new S3Exception(S3ErrorCode.InvalidArgument, "Invalid Encoding Method specified in Request",
                Map.of("ArgumentName", "encoding-type", "ArgumentValue", encodingType));
    }

    /** The value of the {@code EncodingType} response element, or null when names are raw. */
    String elementValue() {
        return this == URL ? "url" : null;
    }

    /**
     * The name as the listing writes it; null stays null.
     *
     * @throws S3Exception InvalidArgument when names are raw and this one holds characters XML
     *     1.0 cannot carry (control characters other than tab, LF and CR; U+FFFE, U+FFFF): sending
     *     them raw would break the client's parser, and substituting them would hand the client a
     *     key that does not exist
     */
    String apply(String name) {
        if (name == null) {
            return null;
        }
        if (this == URL) {
            return percentEncode(name);
        }
        if (!XmlWriter.isXmlSafe(name)) {
            throw new S3Exception(S3ErrorCode.InvalidArgument,
                    "The listing holds a key or prefix with characters XML 1.0 cannot carry; repeat the request with encoding-type=url.",
                    Map.of("ArgumentName", "encoding-type"));
        }
        return name;
    }

    static String percentEncode(String s) {
        StringBuilder out = null;
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (keeps(b)) {
                if (out != null) {
                    out.append((char) b);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(bytes.length + 16);
                for (int k = 0; k < i; k++) {
                    out.append((char) bytes[k]);
                }
            }
            out.append('%').append(HEX[b >>> 4]).append(HEX[b & 0xF]);
        }
        return out == null ? s : out.toString();
    }

    private static boolean keeps(int b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
                || b == '-' || b == '_' || b == '.' || b == '~' || b == '/';
    }
}
