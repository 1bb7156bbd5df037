package dev.serverlessapis.lambdas.wiring;

import dagger.Module;
import dagger.Provides;
import dev.serverlessapis.adapters.apigateway.Cors;
import dev.serverlessapis.adapters.apigateway.RouteTable;
import dev.serverlessapis.adapters.observability.ColdStart;
import javax.inject.Singleton;
import software.amazon.awssdk.regions.Region;

/** What every function's HTTP layer shares: the route table and the CORS policy. */
@Module
public final class HttpModule {
    private HttpModule() {
    }

    @Provides
    @Singleton
    static RouteTable routeTable() {
        return RouteTable.fromClasspath();
    }

    @Provides
    @Singleton
    static Cors cors(Configuration configuration, RouteTable routes, ColdStart coldStart) {
        var cors = Cors.allowing(configuration.optional(Configuration.ALLOWED_ORIGINS).orElse(""));
        // Every function's graph builds its CORS policy once, so this is where each registers its SnapStart priming:
        // only where a snapshot will be taken, since an on-demand cold start would pay for CRaC's set-up and get nothing.
        if (SnapStartPriming.SNAP_START.equals(configuration.optional(Configuration.INITIALIZATION_TYPE).orElse(""))) {
            SnapStartPriming.register(routes, cors, Region.of(configuration.required(Configuration.AWS_REGION)), coldStart);
        }
        return cors;
    }
}
