package dev.serverlessapis.adapters.observability;

import java.util.Optional;

/**
 * The X-Ray trace header of the current invocation: {@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1}.
 * On Lambda's Java runtime it arrives per invocation in the system property {@code com.amazonaws.xray.traceHeader}
 * (environment variables cannot change inside a running JVM), with {@code _X_AMZN_TRACE_ID} as the older fallback.
 * The parent is the id of the function's segment, which Lambda itself records and sends.
 */
public record TraceHeader(String traceId, Optional<String> parentId, boolean sampled) {
    public static final String SYSTEM_PROPERTY = "com.amazonaws.xray.traceHeader";
    public static final String ENVIRONMENT_VARIABLE = "_X_AMZN_TRACE_ID";

    public TraceHeader {
        if (!FieldShape.TRACE_ID.fits(traceId)) {
            throw new IllegalArgumentException("not an X-Ray trace id");
        }
        if (parentId.isPresent() && !FieldShape.SEGMENT_ID.fits(parentId.get())) {
            throw new IllegalArgumentException("not an X-Ray segment id");
        }
    }

    /** Empty when there is no header, or it carries no valid root: nothing is traced then. */
    public static Optional<TraceHeader> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String root = null;
        String parent = null;
        var sampled = false;
        for (var part : header.split(";")) {
            var pair = part.trim().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            switch (pair[0]) {
                case "Root" -> root = pair[1];
                case "Parent" -> parent = pair[1];
                case "Sampled" -> sampled = pair[1].equals("1");
                default -> {
                    // Lineage and other fields are not needed to attach subsegments.
                }
            }
        }
        if (root == null || !FieldShape.TRACE_ID.fits(root) || parent != null && !FieldShape.SEGMENT_ID.fits(parent)) {
            return Optional.empty();
        }
        return Optional.of(new TraceHeader(root, Optional.ofNullable(parent), sampled));
    }

    /** Subsegments are sent only for a sampled trace with a parent to attach to. */
    public boolean recordsSubsegments() {
        return sampled && parentId.isPresent();
    }
}
