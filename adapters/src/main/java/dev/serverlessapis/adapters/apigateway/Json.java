package dev.serverlessapis.adapters.apigateway;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The one JSON configuration of the HTTP layer. */
public final class Json {
    /** Nulls are kept because a client's {@code "nickname": null} is part of what it stored. */
    public static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private Json() {
    }
}
