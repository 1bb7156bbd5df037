package dev.serverlessapis.lambdas.user;

import static dev.serverlessapis.lambdas.user.UserApi.assertProblem;
import static dev.serverlessapis.lambdas.user.UserApi.create;
import static dev.serverlessapis.lambdas.user.UserApi.ids;
import static dev.serverlessapis.lambdas.user.UserApi.list;
import static dev.serverlessapis.lambdas.user.UserApi.uniqueEmail;
import static dev.serverlessapis.lambdas.user.UserApi.uniqueId;
import static dev.serverlessapis.adapters.apigateway.ProxyEvents.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlessapis.local.TestStack;
import dev.serverlessapis.local.WithTestStack;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("handler")
@ExtendWith(WithTestStack.class)
class UserProfileGetAllHandlerTest {
    /** Taking the stack makes sure DynamoDB Local and the functions' settings are up before a handler loads. */
    UserProfileGetAllHandlerTest(TestStack stack) {
    }

    private static final Pattern NEXT = Pattern.compile("<\\?([^>]*)>; rel=\"next\"");

    @Test
    void pagesFollowedByTheirNextLinksListEveryProfileExactlyOnce() {
        var mine = new ArrayList<String>();
        for (int i = 0; i < 11; i++) {
            var id = uniqueId();
            mine.add(id);
            create("""
                    {"id":"%s"%s}""".formatted(id, i % 2 == 0 ? """
                    ,"email":"%s\"""".formatted(uniqueEmail()) : ""));
        }

        var seen = walk(Map.of("limit", "3"));

        assertThat(seen).doesNotHaveDuplicates().containsAll(mine).noneMatch(id -> id.startsWith("email#"));
    }

    @Test
    void pagesHoldAtMostTheLimitAndTheDefaultIs25() {
        for (int i = 0; i < 26; i++) {
            create("""
                    {"id":"%s"}""".formatted(uniqueId()));
        }

        assertThat(ids(list(Map.of()))).hasSize(25);
        assertThat(ids(list(Map.of("limit", "1")))).hasSize(1);
        assertThat(header(list(Map.of("limit", "1")), "Link")).hasValueSatisfying(link -> assertThat(link).matches(NEXT.pattern()));
    }

    @Test
    void anEmailFindsItsProfileWhateverTheLetterCase() {
        var id = uniqueId();
        var email = uniqueEmail();
        create("""
                {"id":"%s","email":"%s"}""".formatted(id, email));

        assertThat(ids(list(Map.of("email", email.toUpperCase())))).containsExactly(id);
        assertThat(ids(list(Map.of("email", uniqueEmail())))).isEmpty();
        assertThat(header(list(Map.of("email", email)), "Link")).isEmpty();
    }

    @Test
    void anInvalidEmailLimitOrCursorIsA400NamingIt() {
        assertProblem(list(Map.of("email", "not-an-email")), 400, "email");
        for (var limit : List.of("0", "101", "abc", "-5", "")) {
            assertProblem(list(Map.of("limit", limit)), 400, "limit");
        }
        var link = header(list(Map.of("limit", "1")), "Link").orElseThrow();
        var cursor = query(link).get("cursor");
        // The payload's first character, whose 6 bits all belong to its first byte: the last characters of base64 may
        // carry unused bits, and changing only those left the decoded cursor and its signature valid (it passed once).
        var tampered = (cursor.charAt(0) == 'A' ? 'B' : 'A') + cursor.substring(1);
        assertProblem(list(Map.of("cursor", tampered)), 400, "cursor");
        assertProblem(list(Map.of("cursor", "not-a-cursor")), 400, "cursor");
        assertProblem(list(Map.of("email", uniqueEmail(), "cursor", tampered)), 400, "cursor");
    }

    /** Follows next links from the first page to the last, answering the ids in the order seen. */
    static List<String> walk(Map<String, String> firstQuery) {
        var seen = new ArrayList<String>();
        Optional<Map<String, String>> query = Optional.of(firstQuery);
        while (query.isPresent()) {
            var response = list(query.get());
            var page = ids(response);
            assertThat(page.size()).isLessThanOrEqualTo(Integer.parseInt(firstQuery.getOrDefault("limit", "25")));
            seen.addAll(page);
            query = header(response, "Link").map(UserProfileGetAllHandlerTest::query);
        }
        return seen;
    }

    static Map<String, String> query(String link) {
        var matcher = NEXT.matcher(link);
        assertThat(matcher.matches()).as(link).isTrue();
        var result = new HashMap<String, String>();
        for (var pair : matcher.group(1).split("&")) {
            var parts = pair.split("=", 2);
            result.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return result;
    }
}
