package dev.serverlessapis.local.dynamodb;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A table of {@code terraform/modules/application/api.json}, typed: its keys, indexes, time to live and seed items. */
public record TableSpec(String name, String nameVariable, Key partitionKey, Key sortKey, String timeToLiveAttribute,
                        List<Index> globalSecondaryIndexes, Seed seed) {
    private static final Gson GSON = new Gson();
    private static final TypeToken<List<TableSpec>> TABLES = new TypeToken<>() { };

    public record Key(String name, String type) {
    }

    public record Index(String name, Key partitionKey, Key sortKey, String projection) {
        public Optional<Key> sort() {
            return Optional.ofNullable(sortKey);
        }
    }

    public record Seed(String variable, List<String> defaults, Map<String, Map<String, String>> attributes) {
    }

    public Optional<Key> sort() {
        return Optional.ofNullable(sortKey);
    }

    public List<Index> indexes() {
        return globalSecondaryIndexes == null ? List.of() : globalSecondaryIndexes;
    }

    public Optional<Seed> seeding() {
        return Optional.ofNullable(seed);
    }

    public Optional<String> timeToLive() {
        return Optional.ofNullable(timeToLiveAttribute);
    }

    /** The tables of the {@code api.json} on the classpath, which this module's build copies from Terraform. */
    public static List<TableSpec> ofApiJson() {
        try (var stream = Objects.requireNonNull(TableSpec.class.getResourceAsStream("/api.json"), "api.json is on the classpath");
             var reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            return GSON.fromJson(GSON.fromJson(reader, JsonObject.class).get("tables"), TABLES);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
