package dev.serverlessapis.lambdas.user;

import dagger.Component;
import dev.serverlessapis.adapters.apigateway.HttpFunction;
import dev.serverlessapis.lambdas.wiring.AwsModule;
import dev.serverlessapis.lambdas.wiring.HttpModule;
import dev.serverlessapis.lambdas.wiring.ObservabilityModule;
import dev.serverlessapis.lambdas.wiring.SnapStartPriming;
import javax.inject.Named;
import javax.inject.Singleton;

@Singleton
@Component(modules = {AwsModule.class, HttpModule.class, ObservabilityModule.class, UserModule.class})
interface UserComponent {
    @Named(UserModule.POST_FUNCTION)
    HttpFunction post();

    @Named(UserModule.GET_ALL_FUNCTION)
    HttpFunction getAll();

    @Named(UserModule.GET_FUNCTION)
    HttpFunction get();

    @Named(UserModule.PUT_FUNCTION)
    HttpFunction put();

    @Named(UserModule.DELETE_FUNCTION)
    HttpFunction delete();

    @Named(UserModule.DELETE_ALL_FUNCTION)
    HttpFunction deleteAll();

    SnapStartPriming snapStartPriming();
}
