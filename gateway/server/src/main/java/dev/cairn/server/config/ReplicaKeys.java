package dev.cairn.server.config;

/**
 * The grammar of replica keys: {@code replica.NAME.KEY}, where NAME is lower-case letters, digits
 * and '-' (it names the replica in metrics and logs) and KEY is any storage key.
 */
final class ReplicaKeys {
    static final String PREFIX = "replica.";
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?");

    private ReplicaKeys() {
    }

    /** {NAME, KEY} of {@code replica.NAME.KEY}, or null when the key does not have that shape. */
    static String[] split(String key) {
        if (!key.startsWith(PREFIX)) {
            return null;
        }
        int dot = key.indexOf('.', PREFIX.length());
        if (dot < 0 || dot == key.length() - 1) {
            return null;
        }
        String name = key.substring(PREFIX.length(), dot);
        return isName(name) ? new String[] {name, key.substring(dot + 1)} : null;
    }

    static boolean isName(String name) {
        return NAME.matcher(name).matches();
    }
}
