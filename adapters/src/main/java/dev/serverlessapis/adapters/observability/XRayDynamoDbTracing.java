package dev.serverlessapis.adapters.observability;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Records each DynamoDB call as an X-Ray subsegment of the function's segment and sends it to the daemon: table,
 * operation, region, request id, start and end, the HTTP status, the SDK's retries, and the error, throttle and fault
 * flags. Only calls made while a sampled trace is active are recorded, which is where the X-Ray SDK would record them,
 * without its cold-start cost. Registered on the DynamoDB client with {@code overrideConfiguration}.
 */
public final class XRayDynamoDbTracing implements ExecutionInterceptor {
    private static final ExecutionAttribute<Call> CALL = new ExecutionAttribute<>("XRayDynamoDbTracing.Call");

    private final Supplier<Optional<String>> traceHeader;
    private final XRayDaemon daemon;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param traceHeader the current invocation's trace header: the {@link TraceHeader#SYSTEM_PROPERTY system property}
     *                    Lambda's Java runtime sets, else {@link TraceHeader#ENVIRONMENT_VARIABLE}
     */
    public XRayDynamoDbTracing(Supplier<Optional<String>> traceHeader, XRayDaemon daemon, Clock clock) {
        this.traceHeader = traceHeader;
        this.daemon = daemon;
        this.clock = clock;
    }

    /** A call in flight: what its subsegment needs from the moment it started. */
    private static final class Call {
        final TraceHeader trace;
        final long startMicros;
        int attempts;

        Call(TraceHeader trace, long startMicros) {
            this.trace = trace;
            this.startMicros = startMicros;
        }
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        var trace = TraceHeader.parse(traceHeader.get().orElse(null));
        if (trace.isPresent() && trace.get().recordsSubsegments()) {
            attributes.putAttribute(CALL, new Call(trace.get(), micros(clock.instant())));
        }
    }

    /** Called once per attempt, retries included. */
    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        var call = attributes.getAttribute(CALL);
        if (call != null) {
            call.attempts++;
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        var call = attributes.getAttribute(CALL);
        if (call != null) {
            daemon.send(subsegment(call, context.request(), attributes, context.httpResponse().statusCode(),
                    requestId(context.response()), Optional.empty()));
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        var call = attributes.getAttribute(CALL);
        if (call == null) {
            return;
        }
        var failure = context.exception();
        var response = context.httpResponse();
        var status = failure instanceof SdkServiceException service ? service.statusCode()
                : response.isPresent() ? response.get().statusCode() : 0;
        var requestId = failure instanceof SdkServiceException service ? Optional.ofNullable(service.requestId()) : Optional.<String>empty();
        daemon.send(subsegment(call, context.request(), attributes, status, requestId, Optional.of(failure)));
    }

    private String subsegment(Call call, software.amazon.awssdk.core.SdkRequest request, ExecutionAttributes attributes,
                              int status, Optional<String> requestId, Optional<Throwable> failure) {
        var aws = new JsonLine().string("operation", attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        var region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        if (region != null) {
            aws.string("region", region.id());
        }
        if (requestId.isPresent() && !requestId.get().isBlank()) {
            aws.string("request_id", requestId.get());
        }
        var tables = tables(request);
        if (tables.size() == 1) {
            aws.string("table_name", tables.getFirst());
        } else if (!tables.isEmpty()) {
            aws.strings("table_names", tables);
        }
        aws.number("retries", Math.max(0, call.attempts - 1));

        var segment = new JsonLine()
                .string("name", "DynamoDB")
                .string("id", segmentId(call.trace))
                .string("trace_id", call.trace.traceId())
                .string("parent_id", call.trace.parentId().orElseThrow())
                .string("type", "subsegment")
                .string("namespace", "aws")
                .seconds("start_time", call.startMicros)
                .seconds("end_time", Math.max(call.startMicros, micros(clock.instant())))
                .object("aws", aws);
        if (status > 0) {
            segment.object("http", new JsonLine().object("response", new JsonLine().number("status", status)));
        }
        if (failure.isPresent()) {
            var thrown = failure.get();
            var throttled = status == 429 || DynamoDbThrottling.refused(thrown);
            if (throttled) {
                segment.bool("throttle", true);
            }
            if (throttled || status >= 400 && status < 500) {
                segment.bool("error", true);
            } else {
                segment.bool("fault", true);
            }
            segment.object("cause", new JsonLine().objects("exceptions", List.of(new JsonLine()
                    .string("id", segmentId(call.trace))
                    .string("type", thrown.getClass().getSimpleName())
                    .bool("remote", thrown instanceof SdkServiceException))));
        }
        return segment.toJson();
    }

    /**
     * Tables by name only; item keys and values never leave the call. Plain tests and loops, not a pattern switch or
     * streams: this runs in every function's first call, where each of those costs generated classes.
     */
    private static List<String> tables(software.amazon.awssdk.core.SdkRequest request) {
        var tables = new LinkedHashSet<String>();
        if (request instanceof BatchWriteItemRequest batch) {
            tables.addAll(batch.requestItems().keySet());
        } else if (request instanceof BatchGetItemRequest batch) {
            tables.addAll(batch.requestItems().keySet());
        } else if (request instanceof TransactWriteItemsRequest transaction) {
            for (var item : transaction.transactItems()) {
                addIfNamed(tables, item.put() == null ? null : item.put().tableName());
                addIfNamed(tables, item.update() == null ? null : item.update().tableName());
                addIfNamed(tables, item.delete() == null ? null : item.delete().tableName());
                addIfNamed(tables, item.conditionCheck() == null ? null : item.conditionCheck().tableName());
            }
        } else if (request instanceof TransactGetItemsRequest transaction) {
            for (var item : transaction.transactItems()) {
                addIfNamed(tables, item.get().tableName());
            }
        } else {
            addIfNamed(tables, request.getValueForField("TableName", String.class).orElse(null));
        }
        return List.copyOf(tables);
    }

    private static void addIfNamed(Set<String> tables, String table) {
        if (table != null) {
            tables.add(table);
        }
    }

    private static Optional<String> requestId(SdkResponse response) {
        return response instanceof software.amazon.awssdk.awscore.AwsResponse aws
                ? Optional.ofNullable(aws.responseMetadata().requestId()) : Optional.empty();
    }

    /**
     * Unique within the trace, which is all X-Ray asks: the invocation's parent id mixed with this environment's
     * sequence and clock. No random generator, so no SnapStart snapshot can make two environments repeat ids.
     */
    private String segmentId(TraceHeader trace) {
        var seed = Long.parseUnsignedLong(trace.parentId().orElseThrow(), 16) ^ System.nanoTime() * 0x9E3779B97F4A7C15L;
        var mixed = mix(seed + sequence.incrementAndGet() * 0xBF58476D1CE4E5B9L);
        var hex = Long.toHexString(mixed);
        return "0".repeat(16 - hex.length()) + hex;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }
}
