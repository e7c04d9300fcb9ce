package dev.cairn.server.config;

/**
 * Invalid configuration: an unknown key, a bad value, a file that cannot be read. The message is
 * meant for an operator, names the key and where its value came from, and never contains a secret
 * value. {@code Main} prints it without a stack trace and exits with {@link #EXIT_CODE}.
 */
public final class ConfigException extends RuntimeException {
    /** The process exit code for configuration errors. */
    public static final int EXIT_CODE = 2;

    private static final long serialVersionUID = 1L;

    private final String key;

    public ConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    public ConfigException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /** The offending key, or null when the error is not about one key (e.g. an unreadable file). */
    public String key() {
        return key;
    }
}
