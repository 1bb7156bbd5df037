package dev.serverlessapis.coldstart;

import dev.serverlessapis.local.ApiSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One request per function that it answers with a 2xx: a write wherever the function writes. */
final class Requests {
    private static final String JSON = "header:Content-Type=application/json";

    record Request(List<String> arguments) {
    }

    private static final Map<String, Request> BY_FUNCTION = Map.ofEntries(
            Map.entry("getHitCount", new Request(List.of("POST", "/counters/{name}", "/counters/cloud-resume", "path:name=cloud-resume"))),
            Map.entry("user-profile-post", new Request(List.of("POST", "/users", "/users", JSON, "body:{\"name\":\"Cold Start\"}"))),
            Map.entry("user-profile-get-all", new Request(List.of("GET", "/users", "/users"))),
            Map.entry("user-profile-get", new Request(List.of("GET", "/users/{id}", "/users/" + BenchCold.FIXTURE_USER,
                    "path:id=" + BenchCold.FIXTURE_USER))),
            Map.entry("user-profile-put", new Request(List.of("PUT", "/users/{id}", "/users/" + BenchCold.FIXTURE_USER,
                    "path:id=" + BenchCold.FIXTURE_USER, JSON, "body:{\"id\":\"" + BenchCold.FIXTURE_USER + "\",\"name\":\"Warm\"}"))),
            Map.entry("user-profile-delete", new Request(List.of("DELETE", "/users/{id}", "/users/" + BenchCold.DELETED_USER,
                    "path:id=" + BenchCold.DELETED_USER))),
            Map.entry("user-profile-delete-all", new Request(List.of("DELETE", "/users", "/users"))),
            Map.entry("dynamodb-rest-api", new Request(List.of("PUT", "/customers", "/customers", JSON, "body:{\"id\":\"cold-start\"}"))),
            Map.entry("chirp_save_chirp", new Request(List.of("POST", "/chirp", "/chirp", JSON,
                    "body:{\"userId\":\"cold-start\",\"text\":\"first words\"}"))),
            Map.entry("chirp_fetch_chirps", new Request(List.of("GET", "/chirp", "/chirp", "query:userId=cold-start"))));

    private Requests() {
    }

    /** In api.json's order; a function the bench has no request for stops it, so none is left out unnoticed. */
    static Map<String, Request> forEveryFunctionOf(ApiSpec spec) {
        var result = new LinkedHashMap<String, Request>();
        for (var function : spec.functions()) {
            var request = BY_FUNCTION.get(function.name());
            if (request == null) {
                throw new IllegalStateException("bench-cold has no request for the function " + function.name() + " of api.json");
            }
            result.put(function.name(), request);
        }
        return result;
    }
}
