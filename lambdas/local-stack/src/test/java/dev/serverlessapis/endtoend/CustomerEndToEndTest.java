package dev.serverlessapis.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("end-to-end")
@ExtendWith(WithTestStack.class)
class CustomerEndToEndTest {
    private final Http http;

    CustomerEndToEndTest(TestStack stack) {
        this.http = new Http(stack.apiEndpoint()).signedIn(stack.idToken("course-admin", true));
    }

    @Test
    void aCustomerPutIsThenInTheDb() {
        var id = "customer+é&" + UUID.randomUUID();
        var query = "/customers?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8);

        var before = http.get(query);
        var put = http.sendJson("PUT", "/customers", """
                {"id":"%s"}""".formatted(id));
        var after = http.get(query);

        assertThat(before.body()).isEqualTo("""
                {"id":"%s","customerInDB":false}""".formatted(id));
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.body()).isEqualTo("""
                {"customer":{"id":"%s"},"message":"success"}""".formatted(id));
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).isEqualTo("""
                {"id":"%s","customerInDB":true}""".formatted(id));
    }

    @Test
    void invalidIdsAre400AndOtherMethods405() {
        assertThat(http.get("/customers").statusCode()).isEqualTo(400);
        assertThat(http.get("/customers?id=").statusCode()).isEqualTo(400);
        assertThat(http.get("/customers?id=%20%20").statusCode()).isEqualTo(400);
        assertThat(http.get("/customers?id=c%201").statusCode()).as("whitespace inside an id").isEqualTo(400);
        assertThat(http.get("/customers?id=%20c-1").statusCode()).as("whitespace around an id").isEqualTo(400);
        assertThat(http.get("/customers?id=" + "x".repeat(257)).statusCode()).isEqualTo(400);
        assertThat(http.get("/customers?id=c-1%C2%85").statusCode()).as("a next-line break after an id").isEqualTo(400);
        assertThat(http.get("/customers?id=c%00d").statusCode()).as("a control character inside an id").isEqualTo(400);
        assertThat(http.get("/customers?id=a&id=b").statusCode()).as("two ids").isEqualTo(400);
        assertThat(http.sendJson("PUT", "/customers", """
                {}""").statusCode()).isEqualTo(400);
        var post = http.send(http.to("/customers").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, OPTIONS, PUT");
    }
}
