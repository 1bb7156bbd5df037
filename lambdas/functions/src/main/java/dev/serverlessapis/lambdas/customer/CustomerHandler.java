package dev.serverlessapis.lambdas.customer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlessapis.adapters.apigateway.HttpFunction;
import java.time.Duration;

/** Function {@code dynamodb-rest-api}: {@code GET} and {@code PUT /customers}. */
public final class CustomerHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final HttpFunction FUNCTION;

    static {
        var graph = DaggerCustomerComponent.create();
        FUNCTION = graph.dynamoDbRestApi();
        graph.snapStartPriming().registerWhereSnapshotted();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return FUNCTION.handle(event, context.getAwsRequestId(), Duration.ofMillis(context.getRemainingTimeInMillis()));
    }
}
