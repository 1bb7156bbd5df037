package dev.serverlessapis.lambdas.user;

import dagger.Module;
import dagger.Provides;
import dev.serverlessapis.adapters.apigateway.Cors;
import dev.serverlessapis.adapters.apigateway.Endpoint;
import dev.serverlessapis.adapters.apigateway.HttpFunction;
import dev.serverlessapis.adapters.apigateway.Route;
import dev.serverlessapis.adapters.apigateway.RouteTable;
import dev.serverlessapis.adapters.apigateway.user.UserEndpoints;
import dev.serverlessapis.adapters.dynamodb.DynamoDbUserProfiles;
import dev.serverlessapis.adapters.dynamodb.SignedCursors;
import dev.serverlessapis.adapters.observability.RequestObserver;
import dev.serverlessapis.domain.user.CreateUserProfile;
import dev.serverlessapis.domain.user.DeleteAllUserProfiles;
import dev.serverlessapis.domain.user.DeleteUserProfile;
import dev.serverlessapis.domain.user.ListUserProfiles;
import dev.serverlessapis.domain.user.ReadUserProfile;
import dev.serverlessapis.domain.user.ReplaceUserProfile;
import dev.serverlessapis.domain.user.UserProfiles;
import dev.serverlessapis.domain.shared.DomainEvents;
import dev.serverlessapis.lambdas.wiring.Configuration;
import dev.serverlessapis.lambdas.wiring.RequestObservers;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The six user-profile functions: each serves its one route of api.json over the same port and endpoints. The
 * functions are unscoped, as each handler asks for its own once: scoped, the component's constructor would create the
 * providers of all six at every cold start (their factory classes loaded, none built).
 */
@Module
public final class UserModule {
    static final String TABLE_VARIABLE = "USER_PROFILES_TABLE";
    static final String POST_FUNCTION = "user-profile-post";
    static final String GET_ALL_FUNCTION = "user-profile-get-all";
    static final String GET_FUNCTION = "user-profile-get";
    static final String PUT_FUNCTION = "user-profile-put";
    static final String DELETE_FUNCTION = "user-profile-delete";
    static final String DELETE_ALL_FUNCTION = "user-profile-delete-all";
    /**
     * How long one {@code DELETE /users} call keeps deleting before it answers {@code "more": true}, at most: the
     * request's own deadline ends it sooner when that is nearer (a short function timeout, a slow store).
     */
    static final String DELETE_ALL_BUDGET_VARIABLE = "DELETE_ALL_TIME_BUDGET_MS";
    static final Duration DEFAULT_DELETE_ALL_BUDGET = Duration.ofSeconds(4);

    private UserModule() {
    }

    @Provides
    @Singleton
    static UserProfiles userProfiles(DynamoDbClient dynamoDb, Configuration configuration) {
        return new DynamoDbUserProfiles(dynamoDb, configuration.required(TABLE_VARIABLE),
                new SignedCursors(configuration.required(Configuration.CURSOR_SIGNING_KEY)));
    }

    @Provides
    static UserEndpoints endpoints(UserProfiles profiles, Clock clock, Configuration configuration, DomainEvents events) {
        var deleteAllBudget = configuration.milliseconds(DELETE_ALL_BUDGET_VARIABLE, DEFAULT_DELETE_ALL_BUDGET);
        return new UserEndpoints(new CreateUserProfile(profiles, events), new ListUserProfiles(profiles), new ReadUserProfile(profiles),
                new ReplaceUserProfile(profiles, events), new DeleteUserProfile(profiles), new DeleteAllUserProfiles(profiles, clock, deleteAllBudget));
    }

    @Provides
    @Named(POST_FUNCTION)
    static HttpFunction post(UserEndpoints users, RouteTable routes, Cors cors, RequestObservers observers) {
        return serving("POST", UserEndpoints.COLLECTION, users::create, routes, cors, observers.of(POST_FUNCTION));
    }

    @Provides
    @Named(GET_ALL_FUNCTION)
    static HttpFunction getAll(UserEndpoints users, RouteTable routes, Cors cors, RequestObservers observers) {
        return serving("GET", UserEndpoints.COLLECTION, users::list, routes, cors, observers.of(GET_ALL_FUNCTION));
    }

    @Provides
    @Named(DELETE_ALL_FUNCTION)
    static HttpFunction deleteAll(UserEndpoints users, RouteTable routes, Cors cors, RequestObservers observers) {
        return serving("DELETE", UserEndpoints.COLLECTION, users::deleteAll, routes, cors, observers.of(DELETE_ALL_FUNCTION));
    }

    @Provides
    @Named(GET_FUNCTION)
    static HttpFunction get(UserEndpoints users, RouteTable routes, Cors cors, RequestObservers observers) {
        return serving("GET", UserEndpoints.ITEM, users::read, routes, cors, observers.of(GET_FUNCTION));
    }

    @Provides
    @Named(PUT_FUNCTION)
    static HttpFunction put(UserEndpoints users, RouteTable routes, Cors cors, RequestObservers observers) {
        return serving("PUT", UserEndpoints.ITEM, users::replace, routes, cors, observers.of(PUT_FUNCTION));
    }

    @Provides
    @Named(DELETE_FUNCTION)
    static HttpFunction delete(UserEndpoints users, RouteTable routes, Cors cors, RequestObservers observers) {
        return serving("DELETE", UserEndpoints.ITEM, users::delete, routes, cors, observers.of(DELETE_FUNCTION));
    }

    private static HttpFunction serving(String method, String resource, Endpoint endpoint, RouteTable routes, Cors cors,
                                        RequestObserver observer) {
        return new HttpFunction(Map.of(Route.of(method, resource), endpoint), routes, cors, observer);
    }
}
