import dev.serverlessapis.adapters.apigateway.RouteTable;
import dev.serverlessapis.adapters.json.JsonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * A build step of the functions module (Maven's generate-sources, run as a single-file program on the module's
 * classpath): reads api.json, the file Terraform applies, into a {@link RouteTable} with the same
 * {@link RouteTable#fromSpec} the tests use, and writes that table as the Java class {@code ApiRoutes}, so a function
 * starts with its routes compiled in instead of parsing JSON at every cold start. Generated at each build from the one
 * api.json, it cannot drift from it.
 */
public final class GenerateApiRoutes {
    private GenerateApiRoutes() {
    }

    /** @param arguments api.json, then the directory of generated sources */
    public static void main(String[] arguments) throws IOException {
        var spec = JsonCodec.parseObject(Files.readString(Path.of(arguments[0]), StandardCharsets.UTF_8));
        var table = RouteTable.fromSpec(spec);
        var entries = table.resources().stream().sorted()
                .map(resource -> "                Map.entry(" + literal(resource) + ", List.of("
                        + table.methods(resource).orElseThrow().stream().map(GenerateApiRoutes::literal).collect(Collectors.joining(", ")) + "))")
                .collect(Collectors.joining(",\n"));
        var source = """
                package dev.serverlessapis.lambdas.wiring;

                import dev.serverlessapis.adapters.apigateway.RouteTable;
                import java.util.List;
                import java.util.Map;

                /** Generated at build time from terraform/modules/application/api.json by src/generate/java/GenerateApiRoutes.java: do not edit. */
                final class ApiRoutes {
                    private ApiRoutes() {
                    }

                    /** Every resource of api.json with the methods it serves, OPTIONS included. */
                    static RouteTable table() {
                        return new RouteTable(Map.ofEntries(
                %s));
                    }
                }
                """.formatted(entries);
        var file = Path.of(arguments[1], "dev/serverlessapis/lambdas/wiring/ApiRoutes.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source, StandardCharsets.UTF_8);
    }

    private static String literal(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
