package dev.serverlessapis.lambdas.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.adapters.apigateway.RouteTable;
import dev.serverlessapis.adapters.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ApiRoutesTest {
    @Test
    void theCompiledRouteTableIsTerraformsApiJson() throws Exception {
        var apiJson = Path.of(System.getProperty("project.root", "../.."), "terraform/modules/application/api.json");
        var expected = RouteTable.fromSpec(JsonCodec.parseObject(Files.readString(apiJson, StandardCharsets.UTF_8)));
        var compiled = ApiRoutes.table();

        assertThat(compiled.resources()).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected.resources());
        for (var resource : expected.resources()) {
            assertThat(compiled.methods(resource)).as(resource).isEqualTo(expected.methods(resource));
        }
    }
}
