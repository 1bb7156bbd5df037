package dev.serverlessapis.local;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches a request path to a route template the way API Gateway does: one segment per {@code {parameter}},
 * a literal segment beats a parameter, and parameters are handed over as the client percent-encoded them.
 */
final class RouteMatcher {
    record Match(String template, Map<String, String> pathParameters) {
    }

    private final List<String> templates;

    RouteMatcher(List<String> templates) {
        this.templates = templates.stream()
                .sorted(Comparator.comparingLong(RouteMatcher::literalSegments).reversed())
                .toList();
    }

    Optional<Match> match(String rawPath) {
        var segments = segments(rawPath);
        for (var template : templates) {
            var parts = segments(template);
            if (parts.size() != segments.size()) {
                continue;
            }
            var parameters = new LinkedHashMap<String, String>();
            var matches = true;
            for (int i = 0; i < parts.size() && matches; i++) {
                var part = parts.get(i);
                var segment = segments.get(i);
                if (part.startsWith("{") && part.endsWith("}")) {
                    matches = !segment.isEmpty();
                    parameters.put(part.substring(1, part.length() - 1), segment);
                } else {
                    matches = part.equals(segment);
                }
            }
            if (matches) {
                return Optional.of(new Match(template, parameters));
            }
        }
        return Optional.empty();
    }

    private static List<String> segments(String path) {
        var trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return List.of(trimmed.substring(1).split("/", -1));
    }

    private static long literalSegments(String template) {
        return segments(template).stream().filter(part -> !part.startsWith("{")).count();
    }
}
