package dev.serverlessapis.lambdas.chirp;

import dagger.Module;
import dagger.Provides;
import dev.serverlessapis.adapters.apigateway.Cors;
import dev.serverlessapis.adapters.apigateway.HttpFunction;
import dev.serverlessapis.adapters.apigateway.Route;
import dev.serverlessapis.adapters.apigateway.RouteTable;
import dev.serverlessapis.adapters.apigateway.chirp.ChirpEndpoints;
import dev.serverlessapis.adapters.dynamodb.DynamoDbChirps;
import dev.serverlessapis.adapters.dynamodb.SignedCursors;
import dev.serverlessapis.domain.chirp.Chirps;
import dev.serverlessapis.domain.chirp.ListChirps;
import dev.serverlessapis.domain.chirp.PostChirp;
import dev.serverlessapis.lambdas.wiring.Configuration;
import java.time.Clock;
import java.util.Map;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@Module
public final class ChirpModule {
    static final String TABLE_VARIABLE = "CHIRP_TABLE";
    static final String SAVE = "chirp_save_chirp";
    static final String FETCH = "chirp_fetch_chirps";

    private ChirpModule() {
    }

    @Provides
    @Singleton
    static Chirps chirps(DynamoDbClient dynamoDb, Configuration configuration) {
        return new DynamoDbChirps(dynamoDb, configuration.required(TABLE_VARIABLE),
                new SignedCursors(configuration.required(Configuration.CURSOR_SIGNING_KEY)));
    }

    @Provides
    static ChirpEndpoints endpoints(Chirps chirps, Clock clock) {
        return new ChirpEndpoints(new PostChirp(chirps, clock), new ListChirps(chirps));
    }

    @Provides
    @Singleton
    @Named(SAVE)
    static HttpFunction saveChirp(ChirpEndpoints chirps, RouteTable routes, Cors cors) {
        return new HttpFunction(Map.of(Route.of("POST", ChirpEndpoints.RESOURCE), chirps::post), routes, cors);
    }

    @Provides
    @Singleton
    @Named(FETCH)
    static HttpFunction fetchChirps(ChirpEndpoints chirps, RouteTable routes, Cors cors) {
        return new HttpFunction(Map.of(Route.of("GET", ChirpEndpoints.RESOURCE), chirps::list), routes, cors);
    }
}
