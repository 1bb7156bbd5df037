package dev.serverlessapis.adapters.apigateway;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every route of the REST API, from the same {@code api.json} Terraform applies, so that a function can answer 405
 * with the methods its resource really serves, on AWS and locally alike. The functions get it compiled in at build
 * time ({@code ApiRoutes}, generated through {@link #fromSpec}); tests read api.json.
 */
public final class RouteTable {
    private final Map<String, List<String>> methodsByResource;

    public RouteTable(Map<String, List<String>> methodsByResource) {
        this.methodsByResource = Map.copyOf(methodsByResource);
    }

    /** @param spec api.json as {@link dev.serverlessapis.adapters.json.JsonCodec#parseObject} reads it */
    public static RouteTable fromSpec(Map<String, Object> spec) {
        var methods = new TreeMap<String, TreeSet<String>>();
        for (var route : (List<?>) spec.get("routes")) {
            var object = (Map<?, ?>) route;
            methods.computeIfAbsent((String) object.get("path"), path -> new TreeSet<>()).add((String) object.get("method"));
        }
        var result = new TreeMap<String, List<String>>();
        methods.forEach((path, served) -> {
            served.add("OPTIONS");
            result.put(path, List.copyOf(served));
        });
        return new RouteTable(result);
    }

    /** Every resource template, e.g. {@code /counters/{name}}. */
    public java.util.Set<String> resources() {
        return methodsByResource.keySet();
    }

    /** The methods served on a resource, OPTIONS included; empty for an unknown resource. */
    public Optional<List<String>> methods(String resource) {
        return Optional.ofNullable(methodsByResource.get(resource));
    }
}
