package dev.cairn.gateway.oap;

/**
 * Validates a Content-Type before it is stored and later echoed on every read. A value that is
 * not a media type (RFC 9110 §8.3.1) is refused at write time rather than served back, since
 * frameworks and clients choke on malformed Content-Type headers.
 */
final class MediaTypes {
    static final int MAX_LENGTH = 256;

    private MediaTypes() {
    }

    /** {@code type "/" subtype *( OWS ";" OWS name "=" ( token / quoted-string ) )}. */
    static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        Cursor c = new Cursor(value);
        if (!c.token() || !c.accept('/') || !c.token()) {
            return false;
        }
        while (true) {
            c.ows();
            if (c.done()) {
                return true;
            }
            if (!c.accept(';')) {
                return false;
            }
            c.ows();
            if (c.done()) {
                return true; // a trailing ';' is tolerated by RFC 9110's grammar of empty parameters
            }
            if (!c.token() || !c.accept('=') || !(c.quoted() || c.token())) {
                return false;
            }
        }
    }

    private static final class Cursor {
        private final String s;
        private int i;

        Cursor(String s) {
            this.s = s;
        }

        boolean done() {
            return i >= s.length();
        }

        boolean accept(char ch) {
            if (i < s.length() && s.charAt(i) == ch) {
                i++;
                return true;
            }
            return false;
        }

        void ows() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
        }

        boolean token() {
            int start = i;
            while (i < s.length() && isTchar(s.charAt(i))) {
                i++;
            }
            return i > start;
        }

        boolean quoted() {
            if (!accept('"')) {
                return false;
            }
            while (i < s.length()) {
                char ch = s.charAt(i++);
                if (ch == '"') {
                    return true;
                }
                if (ch == '\\') {
                    if (i >= s.length()) {
                        return false;
                    }
                    ch = s.charAt(i++);
                }
                if (ch < 0x20 && ch != '\t' || ch == 0x7f || ch > 0xff) {
                    return false;
                }
            }
            return false;
        }

        private static boolean isTchar(char ch) {
            return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(ch) >= 0;
        }
    }
}
