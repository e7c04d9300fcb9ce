package dev.cairn.server;

import dev.cairn.server.config.CairnConfig;

/**
 * Applies {@code log.*} settings to slf4j-simple through its system properties. slf4j-simple
 * reads them when the first logger is created, so this only takes effect when called before any
 * logging (as {@link Main} does); system properties win over {@code simplelogger.properties}.
 */
final class LogSetup {
    private LogSetup() {
    }

    static void apply(CairnConfig.Logging logging) {
        System.setProperty("org.slf4j.simpleLogger.log.dev.cairn", logging.level());
        System.setProperty("org.slf4j.simpleLogger.log.cairn.access", logging.access() ? "info" : "off");
    }
}
