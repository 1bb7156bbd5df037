package dev.serverlessapis.adapters.apigateway;

import dev.serverlessapis.domain.shared.ConflictException;
import dev.serverlessapis.domain.shared.ForbiddenException;
import dev.serverlessapis.domain.shared.InvalidInputException;
import dev.serverlessapis.domain.shared.NotFoundException;
import dev.serverlessapis.domain.shared.StaleVersionException;
import dev.serverlessapis.domain.shared.TemporarilyUnavailableException;
import dev.serverlessapis.domain.shared.UnauthenticatedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where exceptions become HTTP statuses and RFC 9457 problem documents. Whatever is not a named
 * failure is a defect: it is answered as a 500 that carries only the request id, and the function's
 * {@link dev.serverlessapis.adapters.observability.RequestObserver} logs it with its stack trace under that same id.
 */
public final class Problems {
    private Problems() {
    }

    /** A 401 that names the scheme to authenticate with, whether the function or the gateway refuses the caller. */
    public static HttpResponse unauthorized(String detail) {
        return problem(401, "Unauthorized", detail, Map.of()).withHeader("WWW-Authenticate", "Bearer");
    }

    public static HttpResponse toResponse(Throwable failure, String requestId) {
        return switch (failure) {
            case HttpProblem problem -> problem(problem.status(), problem.title(), problem.getMessage(), Map.of())
                    .withHeaders(problem.headers());
            case InvalidInputException invalid -> problem(400, "Bad Request", invalid.getMessage(), Map.of("errors",
                    invalid.violations().stream().map(v -> Map.of("field", v.field(), "message", v.message())).toList()));
            case UnauthenticatedException nobody -> unauthorized(nobody.getMessage());
            case ForbiddenException forbidden -> problem(403, "Forbidden", forbidden.getMessage(), Map.of());
            case NotFoundException notFound -> problem(404, "Not Found", notFound.getMessage(), Map.of());
            case ConflictException conflict -> problem(409, "Conflict", conflict.getMessage(), Map.of());
            case StaleVersionException stale -> problem(412, "Precondition Failed", stale.getMessage(), Map.of());
            case TemporarilyUnavailableException busy -> problem(503, "Service Unavailable",
                    "The service is busy; retry shortly. Request id " + requestId + ".", Map.of("requestId", requestId))
                    .withHeader("Retry-After", "1");
            default -> problem(500, "Internal Server Error",
                    "Something went wrong on our side. Request id " + requestId + ".", Map.of("requestId", requestId));
        };
    }

    public static HttpResponse problem(int status, String title, String detail, Map<String, ?> extensions) {
        var document = new LinkedHashMap<String, Object>();
        document.put("type", "about:blank");
        document.put("title", title);
        document.put("status", status);
        document.put("detail", Optional.ofNullable(detail).orElse(title));
        document.putAll(extensions);
        return HttpResponse.json(status, document).replacingContentType(HttpResponse.PROBLEM_JSON);
    }

    static Map<String, List<String>> allow(List<String> methods) {
        return Map.of("Allow", List.of(String.join(", ", methods)));
    }
}
