package dev.serverlessapis.lambdas.counter;

import dagger.Module;
import dagger.Provides;
import dev.serverlessapis.adapters.apigateway.Cors;
import dev.serverlessapis.adapters.apigateway.HttpFunction;
import dev.serverlessapis.adapters.apigateway.Route;
import dev.serverlessapis.adapters.apigateway.RouteTable;
import dev.serverlessapis.adapters.apigateway.counter.CounterEndpoints;
import dev.serverlessapis.adapters.dynamodb.DynamoDbHitCounters;
import dev.serverlessapis.domain.counter.HitCounters;
import dev.serverlessapis.domain.counter.IncrementCounter;
import dev.serverlessapis.domain.counter.ReadCounter;
import dev.serverlessapis.domain.shared.DomainEvents;
import dev.serverlessapis.lambdas.wiring.Configuration;
import dev.serverlessapis.lambdas.wiring.RequestObservers;
import java.time.Clock;
import java.util.Map;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@Module
public final class CounterModule {
    static final String TABLE_VARIABLE = "HIT_COUNTERS_TABLE";
    static final String FUNCTION = "getHitCount";

    private CounterModule() {
    }

    @Provides
    @Singleton
    static HitCounters hitCounters(DynamoDbClient dynamoDb, Configuration configuration, Clock clock) {
        return new DynamoDbHitCounters(dynamoDb, configuration.required(TABLE_VARIABLE), clock);
    }

    @Provides
    static CounterEndpoints endpoints(HitCounters counters, DomainEvents events) {
        return new CounterEndpoints(new IncrementCounter(counters, events), new ReadCounter(counters));
    }

    @Provides
    static HttpFunction getHitCount(CounterEndpoints counters, RouteTable routes, Cors cors, RequestObservers observers) {
        return new HttpFunction(Map.of(
                Route.of("POST", CounterEndpoints.RESOURCE), counters::increment,
                Route.of("GET", CounterEndpoints.RESOURCE), counters::read), routes, cors, observers.of(FUNCTION));
    }
}
