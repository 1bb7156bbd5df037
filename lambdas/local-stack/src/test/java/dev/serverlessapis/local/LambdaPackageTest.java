package dev.serverlessapis.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The one package every function runs from: everything the handlers need, nothing that only tests or the local stack need. */
class LambdaPackageTest {
    /** Lambda refuses larger direct uploads. */
    private static final long LAMBDA_DIRECT_UPLOAD_LIMIT = 50L * 1024 * 1024;
    private static final List<String> FORBIDDEN = List.of(
            "com/amazonaws/services/dynamodbv2/local/", "com/almworks/sqlite4java/", "org/eclipse/jetty/",
            "org/junit/", "org/assertj/", "com/tngtech/archunit/", "net/jqwik/", "org/openqa/selenium/",
            "software/amazon/awssdk/http/apache/", "org/apache/http/", "software/amazon/awssdk/http/apache5/", "org/apache/hc/",
            "software/amazon/awssdk/http/nio/netty/", "io/netty/",
            "dev/serverlessapis/local/");

    private final Path jar = Path.of(System.getProperty("project.root", "../.."), "lambdas/functions/target/functions-lambda.jar");

    @Test
    void holdsEveryHandlerTheSpecNamesAndTheSpecItself() throws IOException {
        try (var zip = new ZipFile(jar.toFile())) {
            for (var function : ApiSpec.load().functions()) {
                assertThat(zip.getEntry(function.handlerClass().replace('.', '/') + ".class"))
                        .as("handler of %s", function.name()).isNotNull();
            }
            assertThat(zip.getEntry("api.json")).isNotNull();
            assertThat(zip.getEntry("software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class")).isNotNull();
        }
    }

    @Test
    void leavesOutTheLocalStackTestLibrariesAndHeavyHttpClients() throws IOException {
        try (var zip = new ZipFile(jar.toFile())) {
            var offending = zip.stream().map(ZipEntry::getName)
                    .filter(name -> FORBIDDEN.stream().anyMatch(name::startsWith))
                    .toList();
            assertThat(offending).isEmpty();
        }
        assertThat(Files.size(jar)).isLessThan(LAMBDA_DIRECT_UPLOAD_LIMIT);
    }
}
