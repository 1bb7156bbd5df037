package dev.serverlessapis.coldstart;

import dev.serverlessapis.local.ApiSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One request per function that it answers with a 2xx: a write wherever the function writes. */
final class Requests {
    private static final String JSON = "header:Content-Type=application/json";
    /** The claims API Gateway's Cognito authorizer passes on a signed-in route: an admin's, so every write is allowed. */
    private static final String ADMIN = "admin:cold-start";

    record Request(List<String> arguments) {
    }

    private static final Map<String, Request> BY_FUNCTION = Map.ofEntries(
            Map.entry("getHitCount", new Request(List.of("POST", "/counters/{name}", "/counters/cloud-resume", "path:name=cloud-resume"))),
            Map.entry("user-profile-post", signedIn(List.of("POST", "/users", "/users", JSON, "body:{\"name\":\"Cold Start\"}"))),
            Map.entry("user-profile-get-all", signedIn(List.of("GET", "/users", "/users"))),
            Map.entry("user-profile-get", signedIn(List.of("GET", "/users/{id}", "/users/" + BenchCold.FIXTURE_USER,
                    "path:id=" + BenchCold.FIXTURE_USER))),
            Map.entry("user-profile-put", signedIn(List.of("PUT", "/users/{id}", "/users/" + BenchCold.FIXTURE_USER,
                    "path:id=" + BenchCold.FIXTURE_USER, JSON, "body:{\"id\":\"" + BenchCold.FIXTURE_USER + "\",\"name\":\"Warm\"}"))),
            Map.entry("user-profile-delete", signedIn(List.of("DELETE", "/users/{id}", "/users/" + BenchCold.DELETED_USER,
                    "path:id=" + BenchCold.DELETED_USER))),
            Map.entry("user-profile-delete-all", signedIn(List.of("DELETE", "/users", "/users"))),
            Map.entry("dynamodb-rest-api", signedIn(List.of("PUT", "/customers", "/customers", JSON, "body:{\"id\":\"cold-start\"}"))),
            Map.entry("chirp_save_chirp", signedIn(List.of("POST", "/chirp", "/chirp", JSON,
                    "body:{\"userId\":\"cold-start\",\"text\":\"first words\"}"))),
            Map.entry("chirp_fetch_chirps", new Request(List.of("GET", "/chirp", "/chirp", "query:userId=cold-start"))));

    private Requests() {
    }

    /** A request on a route api.json marks signed-in: the event carries an admin's verified claims. */
    private static Request signedIn(List<String> arguments) {
        var all = new ArrayList<>(arguments);
        all.add(ADMIN);
        return new Request(List.copyOf(all));
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
