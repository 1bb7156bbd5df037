package dev.serverlessapis.lambdas.chirp;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlessapis.adapters.apigateway.HttpFunction;
import java.time.Duration;

/** Function {@code chirp_save_chirp}: {@code POST /chirp}. */
public final class SaveChirpHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final HttpFunction FUNCTION;

    static {
        var graph = DaggerChirpComponent.create();
        FUNCTION = graph.saveChirp();
        graph.snapStartPriming().registerWhereSnapshotted();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return FUNCTION.handle(event, context.getAwsRequestId(), Duration.ofMillis(context.getRemainingTimeInMillis()));
    }
}
