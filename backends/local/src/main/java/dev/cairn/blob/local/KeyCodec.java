package dev.cairn.blob.local;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps object keys to file names under a bucket directory, and back, so that every key is stored
 * faithfully and no key can name a path outside its bucket.
 *
 * <p>A key is split on {@code '/'} (empty segments included). Each segment is encoded by keeping
 * the bytes {@code [A-Za-z0-9_-]}, keeping {@code '.'} except as the first character of a name,
 * and writing every other UTF-8 byte as {@code %XX} (uppercase hex). An empty segment becomes the
 * single name {@code %}, which the byte encoding never produces. Encoded names therefore contain
 * only {@code [A-Za-z0-9_.%-]}, never start with a dot, and are never empty, so none can be
 * {@code .}, {@code ..} or contain a separator.
 *
 * <p>Intermediate segments are directories; the last segment is a file named encoded + {@code @}.
 * Because {@code @} is always escaped inside names, an object {@code a} (file {@code a@}) and a
 * folder {@code a/} (directory {@code a}) coexist. An encoded segment longer than
 * {@value #MAX_PIECE} bytes is cut into pieces (never inside a {@code %XX} triple); every piece
 * but the last is a directory named piece + {@code +} ({@code +} is always escaped too), which
 * keeps each name under common 255-byte file name limits for keys of up to 1024 bytes.
 */
final class KeyCodec {
    /** The longest encoded piece; with its one-byte suffix a name stays below 255 bytes. */
    static final int MAX_PIECE = 240;
    static final char OBJECT_SUFFIX = '@';
    static final char CONTINUATION_SUFFIX = '+';
    static final String EMPTY_SEGMENT = "%";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private KeyCodec() {
    }

    /** The names from the bucket directory down to the object file, in order. */
    static List<String> names(String key) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (true) {
            int slash = key.indexOf('/', start);
            String segment = slash < 0 ? key.substring(start) : key.substring(start, slash);
            List<String> pieces = pieces(segment);
            for (int i = 0; i < pieces.size() - 1; i++) {
                out.add(pieces.get(i) + CONTINUATION_SUFFIX);
            }
            String last = pieces.get(pieces.size() - 1);
            if (slash < 0) {
                out.add(last + OBJECT_SUFFIX);
                return out;
            }
            out.add(last);
            start = slash + 1;
        }
    }

    /** The object file of {@code key} under {@code bucketDir}. */
    static Path resolve(Path bucketDir, String key) {
        Path p = bucketDir;
        for (String name : names(key)) {
            p = p.resolve(name);
        }
        return p;
    }

    /** One segment's encoded pieces (without suffixes); at least one. */
    static List<String> pieces(String segment) {
        if (segment.isEmpty()) {
            return List.of(EMPTY_SEGMENT);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (piece.length() + width(c, piece.length() == 0) > MAX_PIECE) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
            if (c == '.' ? piece.length() > 0 : isPlain(c)) {
                piece.append((char) c);
            } else {
                piece.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        pieces.add(piece.toString());
        return pieces;
    }

    private static int width(int c, boolean atStart) {
        return (c == '.' ? !atStart : isPlain(c)) ? 1 : 3;
    }

    private static boolean isPlain(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    /**
     * Decodes one segment from its concatenated pieces (suffixes removed). Returns null when the
     * text is not exactly what {@link #pieces} produces for some segment (a foreign or hand-made
     * file), so a listing never shows a key that {@link #resolve} would not find.
     */
    static String decodeSegment(String encoded) {
        if (encoded.equals(EMPTY_SEGMENT)) {
            return "";
        }
        if (encoded.isEmpty()) {
            return null;
        }
        byte[] bytes = new byte[encoded.length()];
        int n = 0;
        for (int i = 0; i < encoded.length(); i++) {
            char ch = encoded.charAt(i);
            if (ch == '%') {
                if (i + 2 >= encoded.length()) {
                    return null;
                }
                int hi = hexValue(encoded.charAt(i + 1));
                int lo = hexValue(encoded.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else if (ch == '.' || isPlain(ch)) {
                bytes[n++] = (byte) ch;
            } else {
                return null;
            }
        }
        String segment;
        try {
            segment = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, n))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        return String.join("", pieces(segment)).equals(encoded) ? segment : null;
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1; // lowercase hex is not canonical
    }

    /**
     * Decodes the names under a bucket directory back into a key, or null when they are not a
     * canonical encoding of one. The inverse of {@link #names}.
     */
    static String decode(List<String> names) {
        StringBuilder key = new StringBuilder();
        StringBuilder segment = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            boolean lastName = i == names.size() - 1;
            if (name.isEmpty()) {
                return null;
            }
            char suffix = name.charAt(name.length() - 1);
            if (suffix == CONTINUATION_SUFFIX && !lastName) {
                segment.append(name, 0, name.length() - 1);
                continue;
            }
            if (lastName != (suffix == OBJECT_SUFFIX)) {
                return null;
            }
            segment.append(name, 0, lastName ? name.length() - 1 : name.length());
            String decoded = decodeSegment(segment.toString());
            if (decoded == null) {
                return null;
            }
            key.append(decoded);
            if (!lastName) {
                key.append('/');
            }
            segment.setLength(0);
        }
        return key.toString();
    }
}
