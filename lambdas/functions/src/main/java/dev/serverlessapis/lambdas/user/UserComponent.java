package dev.serverlessapis.lambdas.user;

import dagger.Component;
import dev.serverlessapis.adapters.apigateway.HttpFunction;
import dev.serverlessapis.lambdas.wiring.AwsModule;
import dev.serverlessapis.lambdas.wiring.HttpModule;
import javax.inject.Named;
import javax.inject.Singleton;

@Singleton
@Component(modules = {AwsModule.class, HttpModule.class, UserModule.class})
interface UserComponent {
    @Named("user-profile-post")
    HttpFunction post();

    @Named("user-profile-get-all")
    HttpFunction getAll();

    @Named("user-profile-get")
    HttpFunction get();

    @Named("user-profile-put")
    HttpFunction put();

    @Named("user-profile-delete")
    HttpFunction delete();

    @Named("user-profile-delete-all")
    HttpFunction deleteAll();
}
