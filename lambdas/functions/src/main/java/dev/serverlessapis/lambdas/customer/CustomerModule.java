package dev.serverlessapis.lambdas.customer;

import dagger.Module;
import dagger.Provides;
import dev.serverlessapis.adapters.apigateway.Cors;
import dev.serverlessapis.adapters.apigateway.HttpFunction;
import dev.serverlessapis.adapters.apigateway.Route;
import dev.serverlessapis.adapters.apigateway.RouteTable;
import dev.serverlessapis.adapters.apigateway.customer.CustomerEndpoints;
import dev.serverlessapis.adapters.dynamodb.DynamoDbCustomers;
import dev.serverlessapis.domain.customer.CheckCustomer;
import dev.serverlessapis.domain.customer.Customers;
import dev.serverlessapis.domain.customer.RegisterCustomer;
import dev.serverlessapis.lambdas.wiring.Configuration;
import dev.serverlessapis.lambdas.wiring.RequestObservers;
import java.util.Map;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@Module
public final class CustomerModule {
    static final String TABLE_VARIABLE = "CUSTOMER_IDS_TABLE";
    static final String FUNCTION = "dynamodb-rest-api";

    private CustomerModule() {
    }

    @Provides
    @Singleton
    static Customers customers(DynamoDbClient dynamoDb, Configuration configuration) {
        return new DynamoDbCustomers(dynamoDb, configuration.required(TABLE_VARIABLE));
    }

    @Provides
    static CustomerEndpoints endpoints(Customers customers) {
        return new CustomerEndpoints(new CheckCustomer(customers), new RegisterCustomer(customers));
    }

    @Provides
    static HttpFunction dynamoDbRestApi(CustomerEndpoints customers, RouteTable routes, Cors cors, RequestObservers observers) {
        return new HttpFunction(Map.of(
                Route.of("GET", CustomerEndpoints.RESOURCE), customers::check,
                Route.of("PUT", CustomerEndpoints.RESOURCE), customers::register), routes, cors, observers.of(FUNCTION));
    }
}
