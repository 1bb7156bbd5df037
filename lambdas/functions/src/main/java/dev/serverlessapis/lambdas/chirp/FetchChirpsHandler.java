package dev.serverlessapis.lambdas.chirp;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlessapis.adapters.apigateway.HttpFunction;
import java.time.Duration;

/** Function {@code chirp_fetch_chirps}: {@code GET /chirp}, everyone's chirps or, with {@code userId}, one user's. */
public final class FetchChirpsHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final HttpFunction FUNCTION;

    static {
        var graph = DaggerChirpComponent.create();
        FUNCTION = graph.fetchChirps();
        graph.snapStartPriming().registerWhereSnapshotted();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return FUNCTION.handle(event, context.getAwsRequestId(), Duration.ofMillis(context.getRemainingTimeInMillis()));
    }
}
