package dev.serverlessapis.lambdas.counter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlessapis.adapters.apigateway.HttpFunction;
import java.time.Duration;

/** Function {@code getHitCount}: {@code POST} and {@code GET /counters/{name}}. */
public final class HitCounterHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final HttpFunction FUNCTION;

    static {
        var graph = DaggerCounterComponent.create();
        FUNCTION = graph.getHitCount();
        graph.snapStartPriming().registerWhereSnapshotted();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return FUNCTION.handle(event, context.getAwsRequestId(), Duration.ofMillis(context.getRemainingTimeInMillis()));
    }
}
