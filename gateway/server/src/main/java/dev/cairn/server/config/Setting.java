package dev.cairn.server.config;

/**
 * A raw configuration value and where it came from, e.g. {@code "environment variable CAIRN_HTTP_PORT"}.
 * The source is part of every error message so an operator knows which layer to fix.
 */
record Setting(String value, String source) {
    static final String DEFAULT = "default";
}
