package dev.serverlessapis.adapters.apigateway;

import java.util.List;
import java.util.Map;

/**
 * A failure of the HTTP exchange itself, before the domain is asked anything: wrong media type, body too large,
 * malformed JSON, method not served.
 */
public final class HttpProblem extends RuntimeException {
    private final int status;
    private final String title;
    private final Map<String, List<String>> headers;

    public HttpProblem(int status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    public HttpProblem(int status, String title, String detail, Map<String, List<String>> headers) {
        super(detail);
        this.status = status;
        this.title = title;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, List<String>> headers() {
        return headers;
    }
}
