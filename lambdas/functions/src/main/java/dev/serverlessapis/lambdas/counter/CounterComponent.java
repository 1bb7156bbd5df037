package dev.serverlessapis.lambdas.counter;

import dagger.Component;
import dev.serverlessapis.adapters.apigateway.HttpFunction;
import dev.serverlessapis.lambdas.wiring.AwsModule;
import dev.serverlessapis.lambdas.wiring.HttpModule;
import dev.serverlessapis.lambdas.wiring.ObservabilityModule;
import dev.serverlessapis.lambdas.wiring.SnapStartPriming;
import javax.inject.Singleton;

@Singleton
@Component(modules = {AwsModule.class, HttpModule.class, ObservabilityModule.class, CounterModule.class})
interface CounterComponent {
    HttpFunction getHitCount();

    SnapStartPriming snapStartPriming();
}
