package dev.cairn.server.config;

/** Shows whether a secret is set without showing it. */
final class Redact {
    private Redact() {
    }

    static String secret(String value) {
        return value == null ? "<unset>" : "<redacted>";
    }
}
