package io.troupe.app.internal;

/**
 * Chooses the log level of the {@code troupe} command before logging starts (the command's
 * {@code troupe-logback.xml} reads {@code troupe.log.level}): {@code -s} off, {@code -v} debug,
 * off while a {@code -x} process owns the console of a host with {@code hide_logs}, else info.
 * Nothing may log before {@link #configure} runs, or the level is fixed too early.
 */
final class Logging {
    static final String LEVEL_PROPERTY = "troupe.log.level";
    static final String CONFIG_PROPERTY = "logback.configurationFile";
    static final String CONFIG = "troupe-logback.xml";

    private Logging() {
    }

    static void configure(RunOptions options, ExecTarget target) {
        String level = options.silent() ? "OFF"
                : options.verbose() ? "DEBUG"
                : target != null && target.hideLogs() ? "OFF"
                : "INFO";
        System.setProperty(LEVEL_PROPERTY, level);
        if (System.getProperty(CONFIG_PROPERTY) == null) System.setProperty(CONFIG_PROPERTY, CONFIG);
    }
}
