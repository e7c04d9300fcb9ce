package dev.cairn.server.config;

import dev.cairn.blob.DataSize;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How a configuration value is parsed and validated. {@link #parse} throws an
 * {@link IllegalArgumentException} whose message describes the problem but not the key; the
 * caller adds the key and the source.
 */
public enum ValueType {
    STRING("TEXT") {
        @Override
        Object parse(String text) {
            return text;
        }
    },
    /** A TCP port, 0 (pick a free one) to 65535. */
    PORT("PORT") {
        @Override
        Object parse(String text) {
            int port = parseInt(text);
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("'" + text + "' is not a port (0-65535)");
            }
            return port;
        }
    },
    /** A whole number of at least 1. */
    POSITIVE_INT("INT") {
        @Override
        Object parse(String text) {
            int n = parseInt(text);
            if (n < 1) {
                throw new IllegalArgumentException("'" + text + "' must be at least 1");
            }
            return n;
        }
    },
    /** A whole number of at least 0 (limits where 0 means unlimited). */
    COUNT("INT") {
        @Override
        Object parse(String text) {
            int n = parseInt(text);
            if (n < 0) {
                throw new IllegalArgumentException("'" + text + "' must be at least 0");
            }
            return n;
        }
    },
    /** A byte size, see {@link DataSize}. */
    SIZE("SIZE") {
        @Override
        Object parse(String text) {
            return DataSize.parse(text);
        }
    },
    /** A duration, see {@link Durations}. */
    DURATION("DURATION") {
        @Override
        Object parse(String text) {
            return Durations.parse(text);
        }
    },
    BOOLEAN("BOOL") {
        @Override
        Object parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on", "1" -> Boolean.TRUE;
                case "false", "no", "off", "0" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("'" + text + "' is not a boolean (true or false)");
            };
        }
    },
    PATH("PATH") {
        @Override
        Object parse(String text) {
            try {
                return Path.of(text);
            } catch (java.nio.file.InvalidPathException e) {
                throw new IllegalArgumentException("'" + text + "' is not a valid path: " + e.getReason());
            }
        }
    },
    /** all or quorum (any case), see {@code replication.write-policy}. */
    WRITE_POLICY("all|quorum") {
        @Override
        Object parse(String text) {
            String policy = text.trim().toLowerCase(Locale.ROOT);
            if (!policy.equals("all") && !policy.equals("quorum")) {
                throw new IllegalArgumentException("'" + text + "' is not a write policy (all or quorum)");
            }
            return policy;
        }
    },
    /** A share from 0 to 1, written {@code 10%} or {@code 0.1}; returned as a Double. */
    PERCENT("PERCENT") {
        @Override
        Object parse(String text) {
            String t = text.trim();
            double share;
            try {
                share = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100 : Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a share (10% or 0.1)");
            }
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("'" + text + "' must be between 0% and 100%");
            }
            return share;
        }
    },
    /** One of error, warn, info, debug, trace. */
    LOG_LEVEL("LEVEL") {
        @Override
        Object parse(String text) {
            String level = text.trim().toLowerCase(Locale.ROOT);
            return switch (level) {
                case "error", "warn", "info", "debug", "trace" -> level;
                default -> throw new IllegalArgumentException("'" + text + "' is not a log level (error, warn, info, debug, trace)");
            };
        }
    };

    private final String placeholder;

    ValueType(String placeholder) {
        this.placeholder = placeholder;
    }

    /** The word shown in {@code --help}, e.g. {@code --http.port=PORT}. */
    public String placeholder() {
        return placeholder;
    }

    abstract Object parse(String text);

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
    }
}
