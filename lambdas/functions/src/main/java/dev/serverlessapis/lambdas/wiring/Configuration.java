package dev.serverlessapis.lambdas.wiring;

import java.time.Duration;
import java.util.Optional;

/**
 * The function's settings. On Lambda they are environment variables set by Terraform; the local stack, which runs
 * every function in one JVM, sets them as system properties instead, and those win. This is the only class that
 * reads either.
 */
public final class Configuration {
    public static final String DYNAMODB_ENDPOINT = "DYNAMODB_ENDPOINT";
    public static final String AWS_REGION = "AWS_REGION";
    public static final String ALLOWED_ORIGINS = "ALLOWED_ORIGINS";
    public static final String CURSOR_SIGNING_KEY = "CURSOR_SIGNING_KEY";
    /** Set by Lambda: {@code on-demand}, {@code provisioned-concurrency} or {@code snap-start}. */
    public static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";
    /** The {@code Service} dimension of the function's metrics: {@code {project}-{environment}}, set by Terraform. */
    public static final String METRICS_SERVICE = "METRICS_SERVICE";
    /** Set by Lambda from {@code logging_config}: the application log level, e.g. {@code INFO}. */
    public static final String LOG_LEVEL = "AWS_LAMBDA_LOG_LEVEL";
    /** Set by Lambda from {@code logging_config}: {@code JSON} or {@code Text}; the local stack sets it too. */
    public static final String LOG_FORMAT = "AWS_LAMBDA_LOG_FORMAT";
    /** Set by Lambda where tracing is active: where its X-Ray daemon listens. */
    public static final String XRAY_DAEMON_ADDRESS = "AWS_XRAY_DAEMON_ADDRESS";

    public Optional<String> optional(String name) {
        var value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public String required(String name) {
        var value = optional(name);
        if (value.isEmpty()) {
            throw new IllegalStateException("the setting " + name + " is missing: Terraform sets it on Lambda, the local stack sets it locally");
        }
        return value.get();
    }

    /** A whole-number setting, or {@code fallback} where it is not set; one that is no number names itself. */
    public int integer(String name, int fallback) {
        var value = optional(name);
        try {
            return value.isPresent() ? Integer.parseInt(value.get()) : fallback;
        } catch (NumberFormatException notANumber) {
            throw new NumberFormatException(name + " must be a whole number, not '" + value.get() + "'");
        }
    }

    /** A setting given in milliseconds, or {@code fallback} where it is not set. */
    public Duration milliseconds(String name, Duration fallback) {
        var value = optional(name);
        return value.isPresent() ? Duration.ofMillis(Long.parseLong(value.get())) : fallback;
    }
}
