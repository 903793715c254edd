package org.systemarena.cli;

/**
 * Sets up slf4j-simple before the first logger exists: warnings (and errors) on stderr as {@code warning: ...}
 * lines, info too with {@code --verbose}; the Hadoop client underneath the Parquet reader only logs errors.
 */
final class Logging {
    private static final String P = "org.slf4j.simpleLogger.";

    private Logging() {
    }

    static void configure(boolean verbose) {
        setDefault(P + "defaultLogLevel", verbose ? "info" : "warn");
        setDefault(P + "logFile", "System.err");
        setDefault(P + "showThreadName", "false");
        setDefault(P + "showLogName", "false");
        setDefault(P + "showShortLogName", "false");
        setDefault(P + "levelInBrackets", "false");
        setDefault(P + "warnLevelString", "warning:");
        setDefault(P + "log.org.apache.hadoop", "error");
        setDefault(P + "log.org.apache.parquet", "error");
        // validate and run report triggers that match nothing themselves, with the rule's trigger.
        setDefault(P + "log.org.systemarena.decision.DecisionPointExtractor", "error");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
