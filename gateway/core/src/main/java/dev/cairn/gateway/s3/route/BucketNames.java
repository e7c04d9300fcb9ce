package dev.cairn.gateway.s3.route;

/**
 * The AWS rules for names of new general-purpose buckets: 3 to 63 characters of lower-case
 * letters, digits, dots and hyphens; starting and ending with a letter or digit; no two adjacent
 * dots; not shaped like an IPv4 address; none of the reserved prefixes ({@code xn--},
 * {@code sthree-}, {@code amzn-s3-demo-}) or suffixes ({@code -s3alias}, {@code --ol-s3},
 * {@code .mrap}, {@code --x-s3}, {@code --table-s3}).
 */
public final class BucketNames {
    private BucketNames() {
    }

    /** The reason {@code name} is not a valid new bucket name, or null when it is valid. */
    public static String problem(String name) {
        if (name == null || name.length() < 3 || name.length() > 63) {
            return "Bucket names must be between 3 (min) and 63 (max) characters long.";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
                return "Bucket names can consist only of lowercase letters, numbers, dots (.), and hyphens (-).";
            }
        }
        if (!alnum(name.charAt(0)) || !alnum(name.charAt(name.length() - 1))) {
            return "Bucket names must begin and end with a letter or number.";
        }
        if (name.contains("..")) {
            return "Bucket names must not contain two adjacent periods.";
        }
        if (name.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
            return "Bucket names must not be formatted as an IP address.";
        }
        for (String p : new String[] {"xn--", "sthree-", "amzn-s3-demo-"}) {
            if (name.startsWith(p)) {
                return "Bucket names must not start with the prefix '" + p + "'.";
            }
        }
        for (String s : new String[] {"-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"}) {
            if (name.endsWith(s)) {
                return "Bucket names must not end with the suffix '" + s + "'.";
            }
        }
        return null;
    }

    private static boolean alnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
