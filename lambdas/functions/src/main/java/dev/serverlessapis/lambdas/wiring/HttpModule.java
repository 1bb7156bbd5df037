package dev.serverlessapis.lambdas.wiring;

import dagger.Module;
import dagger.Provides;
import dev.serverlessapis.adapters.apigateway.Cors;
import dev.serverlessapis.adapters.apigateway.RouteTable;
import javax.inject.Singleton;

/** What every function's HTTP layer shares: the route table (api.json's, compiled in at build time) and the CORS policy. */
@Module
public final class HttpModule {
    private HttpModule() {
    }

    @Provides
    @Singleton
    static RouteTable routeTable() {
        return ApiRoutes.table();
    }

    @Provides
    @Singleton
    static Cors cors(Configuration configuration) {
        return Cors.allowing(configuration.optional(Configuration.ALLOWED_ORIGINS).orElse(""));
    }
}
