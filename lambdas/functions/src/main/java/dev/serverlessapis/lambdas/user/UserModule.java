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
import dev.serverlessapis.domain.user.CreateUserProfile;
import dev.serverlessapis.domain.user.DeleteAllUserProfiles;
import dev.serverlessapis.domain.user.DeleteUserProfile;
import dev.serverlessapis.domain.user.ListUserProfiles;
import dev.serverlessapis.domain.user.ReadUserProfile;
import dev.serverlessapis.domain.user.ReplaceUserProfile;
import dev.serverlessapis.domain.user.UserProfiles;
import dev.serverlessapis.lambdas.wiring.Configuration;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The six user-profile functions: each serves its one route of api.json over the same port and endpoints. */
@Module
public final class UserModule {
    static final String TABLE_VARIABLE = "USER_PROFILES_TABLE";
    /**
     * How long one {@code DELETE /users} call keeps deleting before it answers {@code "more": true}. With one SDK call's
     * own timeout after it, this stays inside the function's timeout (10 s by default in Terraform).
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
    static UserEndpoints endpoints(UserProfiles profiles, Clock clock, Configuration configuration) {
        var deleteAllBudget = configuration.optional(DELETE_ALL_BUDGET_VARIABLE).map(Long::parseLong).map(Duration::ofMillis)
                .orElse(DEFAULT_DELETE_ALL_BUDGET);
        return new UserEndpoints(new CreateUserProfile(profiles), new ListUserProfiles(profiles), new ReadUserProfile(profiles),
                new ReplaceUserProfile(profiles), new DeleteUserProfile(profiles), new DeleteAllUserProfiles(profiles, clock, deleteAllBudget));
    }

    @Provides
    @Singleton
    @Named("user-profile-post")
    static HttpFunction post(UserEndpoints users, RouteTable routes, Cors cors) {
        return serving("POST", UserEndpoints.COLLECTION, users::create, routes, cors);
    }

    @Provides
    @Singleton
    @Named("user-profile-get-all")
    static HttpFunction getAll(UserEndpoints users, RouteTable routes, Cors cors) {
        return serving("GET", UserEndpoints.COLLECTION, users::list, routes, cors);
    }

    @Provides
    @Singleton
    @Named("user-profile-delete-all")
    static HttpFunction deleteAll(UserEndpoints users, RouteTable routes, Cors cors) {
        return serving("DELETE", UserEndpoints.COLLECTION, users::deleteAll, routes, cors);
    }

    @Provides
    @Singleton
    @Named("user-profile-get")
    static HttpFunction get(UserEndpoints users, RouteTable routes, Cors cors) {
        return serving("GET", UserEndpoints.ITEM, users::read, routes, cors);
    }

    @Provides
    @Singleton
    @Named("user-profile-put")
    static HttpFunction put(UserEndpoints users, RouteTable routes, Cors cors) {
        return serving("PUT", UserEndpoints.ITEM, users::replace, routes, cors);
    }

    @Provides
    @Singleton
    @Named("user-profile-delete")
    static HttpFunction delete(UserEndpoints users, RouteTable routes, Cors cors) {
        return serving("DELETE", UserEndpoints.ITEM, users::delete, routes, cors);
    }

    private static HttpFunction serving(String method, String resource, Endpoint endpoint, RouteTable routes, Cors cors) {
        return new HttpFunction(Map.of(Route.of(method, resource), endpoint), routes, cors);
    }
}
