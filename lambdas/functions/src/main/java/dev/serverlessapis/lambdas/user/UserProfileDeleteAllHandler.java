package dev.serverlessapis.lambdas.user;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlessapis.adapters.apigateway.HttpFunction;
import java.time.Duration;

/** Function {@code user-profile-delete-all}: {@code DELETE /users}. */
public final class UserProfileDeleteAllHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final HttpFunction FUNCTION;

    static {
        var graph = DaggerUserComponent.create();
        FUNCTION = graph.deleteAll();
        graph.snapStartPriming().registerWhereSnapshotted();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return FUNCTION.handle(event, context.getAwsRequestId(), Duration.ofMillis(context.getRemainingTimeInMillis()));
    }
}
