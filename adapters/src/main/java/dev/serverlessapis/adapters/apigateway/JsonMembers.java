package dev.serverlessapis.adapters.apigateway;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;
import java.util.Map;

/**
 * A JSON object body as plain Java members for the domain: strings, booleans, null, lists, maps, and numbers that
 * keep the client's exact text (so {@code 1.0}, {@code 1e3} and 30-digit integers come back as sent).
 */
public final class JsonMembers {
    private static final Gson MEMBERS_GSON = new GsonBuilder()
            .setObjectToNumberStrategy(ToNumberPolicy.LAZILY_PARSED_NUMBER)
            .create();
    private static final TypeToken<Map<String, Object>> MEMBERS = new TypeToken<>() { };

    private JsonMembers() {
    }

    public static Map<String, Object> of(JsonObject body) {
        return MEMBERS_GSON.fromJson(body, MEMBERS);
    }
}
