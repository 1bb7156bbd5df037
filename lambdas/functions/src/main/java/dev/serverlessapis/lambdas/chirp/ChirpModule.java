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
import dev.serverlessapis.domain.shared.DomainEvents;
import dev.serverlessapis.lambdas.wiring.Configuration;
import dev.serverlessapis.lambdas.wiring.RequestObservers;
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
    static ChirpEndpoints endpoints(Chirps chirps, Clock clock, DomainEvents events) {
        return new ChirpEndpoints(new PostChirp(chirps, clock, events), new ListChirps(chirps));
    }

    @Provides
    @Named(SAVE)
    static HttpFunction saveChirp(ChirpEndpoints chirps, RouteTable routes, Cors cors, RequestObservers observers) {
        return new HttpFunction(Map.of(Route.of("POST", ChirpEndpoints.RESOURCE), chirps::post), routes, cors, observers.of(SAVE));
    }

    @Provides
    @Named(FETCH)
    static HttpFunction fetchChirps(ChirpEndpoints chirps, RouteTable routes, Cors cors, RequestObservers observers) {
        return new HttpFunction(Map.of(Route.of("GET", ChirpEndpoints.RESOURCE), chirps::list), routes, cors, observers.of(FETCH));
    }
}
