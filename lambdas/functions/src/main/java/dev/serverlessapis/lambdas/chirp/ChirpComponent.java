package dev.serverlessapis.lambdas.chirp;

import dagger.Component;
import dev.serverlessapis.adapters.apigateway.HttpFunction;
import dev.serverlessapis.lambdas.wiring.AwsModule;
import dev.serverlessapis.lambdas.wiring.HttpModule;
import dev.serverlessapis.lambdas.wiring.ObservabilityModule;
import dev.serverlessapis.lambdas.wiring.SnapStartPriming;
import javax.inject.Named;
import javax.inject.Singleton;

@Singleton
@Component(modules = {AwsModule.class, HttpModule.class, ObservabilityModule.class, ChirpModule.class})
interface ChirpComponent {
    @Named(ChirpModule.SAVE)
    HttpFunction saveChirp();

    @Named(ChirpModule.FETCH)
    HttpFunction fetchChirps();

    SnapStartPriming snapStartPriming();
}
