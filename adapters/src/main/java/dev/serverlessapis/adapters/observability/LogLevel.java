package dev.serverlessapis.adapters.observability;

import java.util.Locale;
import java.util.Optional;

/**
 * Lambda's application log levels. With {@code logging_config { log_format = "JSON" }}, Lambda tells the function the
 * level set for it in {@code AWS_LAMBDA_LOG_LEVEL}; lines a function writes itself are kept by their {@code level}.
 */
public enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR, FATAL;

    /** INFO where the setting is absent or not a level Lambda knows. */
    public static LogLevel parse(Optional<String> setting) {
        var name = setting.orElse("").trim().toUpperCase(Locale.ROOT);
        for (var level : values()) {
            if (level.name().equals(name)) {
                return level;
            }
        }
        return INFO;
    }

    boolean includes(LogLevel level) {
        return level.ordinal() >= ordinal();
    }
}
