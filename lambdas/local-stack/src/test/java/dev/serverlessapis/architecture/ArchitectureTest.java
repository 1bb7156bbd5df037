package dev.serverlessapis.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.serverlessapis.adapters.apigateway.HttpFunction;
import dev.serverlessapis.adapters.apigateway.HttpResponse;
import dev.serverlessapis.adapters.apigateway.Problems;
import dev.serverlessapis.adapters.json.JsonCodec;
import dev.serverlessapis.domain.chirp.ChirpText;
import dev.serverlessapis.domain.shared.DomainException;
import dev.serverlessapis.domain.shared.TemporarilyUnavailableException;
import dev.serverlessapis.domain.user.Email;
import dev.serverlessapis.domain.user.UserProfile;
import dev.serverlessapis.lambdas.wiring.SnapStartPriming;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The layers, kept honest: one rule per field, each saying why, run by ArchUnit's JUnit 5 engine. Only rules that
 * can fail are here; what the Maven modules already forbid (the domain seeing an SDK, adapters seeing the lambdas,
 * the Lambda package seeing the local stack, cycles between modules) is not asked again, since the compiler refuses
 * such code before any rule could see it.
 */
@AnalyzeClasses(packages = "dev.serverlessapis",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {
    private static final String DOMAIN = "dev.serverlessapis.domain..";
    private static final String DYNAMODB_ADAPTER = "dev.serverlessapis.adapters.dynamodb..";
    private static final String LAMBDAS = "dev.serverlessapis.lambdas..";
    private static final String LOCAL = "dev.serverlessapis.local..";
    private static final String SDK_CALL_WRAPPER = "dev.serverlessapis.adapters.dynamodb.DynamoDbCalls";
    /** Answers, not failures: the adapter that asked reads them (see {@code DynamoDbCalls}). */
    private static final Set<Class<?>> SDK_ANSWERS = Set.of(ConditionalCheckFailedException.class, TransactionCanceledException.class);

    @ArchTest
    static final ArchRule domain_areas_share_only_the_shared_package = slices()
            .matching("dev.serverlessapis.domain.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(DescribedPredicate.alwaysTrue(), resideInAPackage("dev.serverlessapis.domain.shared.."))
            .because("counters, users, chirps and customers are separate APIs that share only error, paging and value base types");

    @ArchTest
    static final ArchRule only_what_the_store_gives_back_is_taken_as_stored = noClasses()
            .that().resideOutsideOfPackage(DYNAMODB_ADAPTER)
            .and().doNotBelongToAnyOf(UserProfile.class)
            .should().callMethod(ChirpText.class, "stored", String.class)
            .orShould().callMethod(dev.serverlessapis.domain.chirp.UserId.class, "stored", String.class)
            .orShould().callMethod(Email.class, "stored", String.class)
            .orShould().callMethod(dev.serverlessapis.domain.user.UserId.class, "stored", String.class)
            .because("a value taken as stored skips today's rules, which only data read back from the table may; "
                    + "anything a client sends is input and goes through the checking constructor");

    @ArchTest
    static final ArchRule no_use_case_calls_another = classes().that(areUseCases())
            .should(notCallAnotherUseCase())
            .because("a use case is one thing a user does; what two share belongs in the domain's types or a port, "
                    + "not in one use case borrowing another");

    @ArchTest
    static final ArchRule commands_and_queries_are_records = classes()
            .that().resideInAPackage(DOMAIN).and().haveNameMatching(".*\\$(Command|Query)")
            .should().beRecords()
            .because("a use case's input is an immutable value that validates itself when it is made");

    @ArchTest
    static final ArchRule domain_exceptions_are_raised_only_in_the_domain = classes()
            .that().resideOutsideOfPackage(DOMAIN)
            .should(notConstructADomainExceptionOtherThanTheStoresTryAgain())
            .because("the domain decides what is invalid, missing, conflicting or stale; only a store may say "
                    + "'try again' (TemporarilyUnavailableException), from the DynamoDB adapter");

    @ArchTest
    static final ArchRule only_the_call_wrapper_catches_sdk_failures = classes()
            .that().doNotHaveFullyQualifiedName(SDK_CALL_WRAPPER)
            .should(notCatchSdkFailures())
            .because("SDK exceptions are translated in one place, DynamoDbCalls; elsewhere only the two answers "
                    + "(a failed condition, a cancelled transaction) may be caught");

    @ArchTest
    static final ArchRule only_problems_turns_domain_exceptions_into_responses = classes()
            .that().resideOutsideOfPackage(DOMAIN)
            .should(notCatchDomainExceptions())
            .because("one place (Problems, reached from HttpFunction) maps each domain exception to a status and a "
                    + "problem document; an endpoint that catches one would answer differently from the rest");

    @ArchTest
    static final ArchRule only_problems_writes_problem_documents = noClasses()
            .that().doNotHaveFullyQualifiedName(Problems.class.getName())
            .should().callMethod(HttpResponse.class, "replacingContentType", String.class)
            .because("every application/problem+json document has the same members, written in one place");

    @ArchTest
    static final ArchRule only_the_codec_uses_gson = noClasses()
            .that().resideInAnyPackage("dev.serverlessapis.adapters..", LAMBDAS)
            .and(DescribedPredicate.not(belongToAnyOf(JsonCodec.class)))
            .should().dependOnClassesThat().resideInAPackage("com.google.gson..")
            .because("a profile is stored and answered as it was sent only while one codec (JsonCodec) reads "
                    + "and writes every document, request bodies, stored profiles, cursors and responses alike");

    @ArchTest
    static final ArchRule the_codec_uses_only_gsons_streaming_reader = classes()
            .that(belongToAnyOf(JsonCodec.class))
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("com.google.gson..")
                    .or(JavaClass.Predicates.equivalentTo(JsonReader.class))
                    .or(JavaClass.Predicates.equivalentTo(JsonToken.class))
                    .or(JavaClass.Predicates.equivalentTo(Strictness.class)))
            .because("setting up a Gson instance (type-adapter factories, reflection, an adapter per runtime type) was "
                    + "the largest piece the project added to every function's cold start; the codec's own types need "
                    + "only the streaming JsonReader, and it writes through JsonText");

    @ArchTest
    static final ArchRule dynamodb_adapters_are_named_after_their_port = classes()
            .that().resideInAPackage(DYNAMODB_ADAPTER)
            .and().implement(resideInAPackage(DOMAIN))
            .should(beNamedDynamoDbPlusTheirPort())
            .because("an adapter is named <Tech><Port>, so the port it serves is obvious");

    @ArchTest
    static final ArchRule handlers_stay_thin = classes().that().implement(RequestHandler.class)
            .and().resideInAPackage(LAMBDAS)
            .should(delegateToOneHttpFunctionAndDeclareOnlyHandleRequest())
            .because("a handler only gets its function from the Dagger graph built once and delegates to it");

    @ArchTest
    static final ArchRule handlers_register_their_snapstart_priming = classes().that().implement(RequestHandler.class)
            .and().resideInAPackage(LAMBDAS)
            .should().callMethod(SnapStartPriming.class, "registerWhereSnapshotted")
            .because("a restored SnapStart function should find its hot paths warm, and a reader of the handler should see "
                    + "where that is arranged rather than find it as a side effect of building something else");

    @ArchTest
    static final ArchRule only_the_configuration_reads_the_environment = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.serverlessapis.lambdas.wiring.Configuration")
            .should().callMethod(System.class, "getenv", String.class)
            .orShould().callMethod(System.class, "getenv")
            .because("settings are read in one place, which the local stack can override");

    @ArchTest
    static final ArchRule sdk_clients_are_built_only_in_the_wiring = noClasses()
            .that().resideOutsideOfPackages("dev.serverlessapis.lambdas.wiring..", LOCAL)
            .should().callMethod(DynamoDbClient.class, "builder")
            .orShould().callMethod(DynamoDbClient.class, "create")
            .because("one client per execution environment, with explicit region, credentials and HTTP client");

    @ArchTest
    static final ArchRule adapter_packages_are_free_of_cycles = slices().matching("dev.serverlessapis.adapters.(**)")
            .should().beFreeOfCycles()
            .because("each adapter package must be understandable on its own");

    @ArchTest
    static final ArchRule no_main_class_is_longer_than_250_lines = classes().that().areTopLevelClasses()
            .should(SourceLength.atMost(250))
            .because("a class of more than 250 lines does more than one job, and a class that does two jobs becomes "
                    + "two; the length is its source file's, as wc -l counts it");

    /** The adapters' test-jar (proxy events and their helpers) is on this classpath: test code, not the architecture. */
    public static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    /** A use case: a top-level domain class built on a port (an interface of the domain). */
    private static DescribedPredicate<JavaClass> areUseCases() {
        return DescribedPredicate.describe("are use cases (top-level domain classes built on a port)", ArchitectureTest::isUseCase);
    }

    private static boolean isUseCase(JavaClass type) {
        return type.isTopLevelClass() && !type.isInterface() && type.getPackageName().startsWith("dev.serverlessapis.domain")
                && type.getConstructors().stream().flatMap(constructor -> constructor.getRawParameterTypes().stream())
                .anyMatch(parameter -> parameter.isInterface() && parameter.getPackageName().startsWith("dev.serverlessapis.domain"));
    }

    private static JavaClass topLevel(JavaClass type) {
        var outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    private static ArchCondition<JavaClass> notCallAnotherUseCase() {
        return new ArchCondition<>("not call another use case or its command") {
            @Override
            public void check(JavaClass useCase, ConditionEvents events) {
                useCase.getAccessesFromSelf().stream()
                        .filter(access -> isUseCase(topLevel(access.getTargetOwner())))
                        .filter(access -> !topLevel(access.getTargetOwner()).equals(topLevel(access.getOriginOwner())))
                        .forEach(access -> events.add(SimpleConditionEvent.violated(access, access.getDescription())));
            }
        };
    }

    private static ArchCondition<JavaClass> notConstructADomainExceptionOtherThanTheStoresTryAgain() {
        return new ArchCondition<>("not construct a domain exception other than the store's 'try again'") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                type.getConstructorCallsFromSelf().stream()
                        .filter(call -> call.getTargetOwner().isAssignableTo(DomainException.class))
                        .filter(call -> !(call.getTargetOwner().isEquivalentTo(TemporarilyUnavailableException.class)
                                && call.getOriginOwner().getPackageName().startsWith("dev.serverlessapis.adapters.dynamodb")))
                        .forEach(call -> events.add(SimpleConditionEvent.violated(call, call.getDescription())));
            }
        };
    }

    private static ArchCondition<JavaClass> notCatchSdkFailures() {
        return notCatch("an SDK failure", (type, caught) -> caught.isAssignableTo(SdkException.class)
                ? SDK_ANSWERS.stream().noneMatch(caught::isEquivalentTo)
                // Within the adapter, catching RuntimeException or Exception would catch SDK failures too.
                : type.getPackageName().startsWith("dev.serverlessapis.adapters.dynamodb") && caught.isAssignableFrom(SdkException.class));
    }

    private static ArchCondition<JavaClass> notCatchDomainExceptions() {
        return notCatch("a domain exception", (type, caught) -> caught.isAssignableTo(DomainException.class));
    }

    /** Read from the bytecode's exception tables: every try-catch block of every method, constructor and lambda. */
    private static ArchCondition<JavaClass> notCatch(String what, BiPredicate<JavaClass, JavaClass> forbidden) {
        return new ArchCondition<>("not catch " + what) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                type.getCodeUnits().stream().flatMap(codeUnit -> codeUnit.getTryCatchBlocks().stream()).forEach(block ->
                        block.getCaughtThrowables().stream()
                                .filter(caught -> forbidden.test(type, caught))
                                .forEach(caught -> events.add(SimpleConditionEvent.violated(block,
                                        block.getOwner().getFullName() + " catches " + caught.getName() + " in "
                                                + block.getSourceCodeLocation()))));
            }
        };
    }

    private static ArchCondition<JavaClass> beNamedDynamoDbPlusTheirPort() {
        return new ArchCondition<>("be named DynamoDb + the port they implement") {
            @Override
            public void check(JavaClass adapter, ConditionEvents events) {
                var named = adapter.getRawInterfaces().stream()
                        .filter(port -> port.getPackageName().startsWith("dev.serverlessapis.domain"))
                        .anyMatch(port -> adapter.getSimpleName().equals("DynamoDb" + port.getSimpleName()));
                events.add(new SimpleConditionEvent(adapter, named, adapter.getName() + " is not DynamoDb<Port>"));
            }
        };
    }

    private static ArchCondition<JavaClass> delegateToOneHttpFunctionAndDeclareOnlyHandleRequest() {
        return new ArchCondition<>("hold one static HttpFunction and declare only handleRequest") {
            @Override
            public void check(JavaClass handler, ConditionEvents events) {
                var methods = handler.getMethods().stream()
                        .filter(method -> !method.getModifiers().contains(JavaModifier.SYNTHETIC)
                                && !method.getModifiers().contains(JavaModifier.BRIDGE))
                        .map(method -> method.getName())
                        .toList();
                var fields = handler.getFields().stream()
                        .filter(field -> !field.getModifiers().contains(JavaModifier.SYNTHETIC))
                        .toList();
                var thin = methods.equals(List.of("handleRequest"))
                        && fields.size() == 1
                        && fields.getFirst().getModifiers().contains(JavaModifier.STATIC)
                        && fields.getFirst().getRawType().isAssignableTo(HttpFunction.class);
                events.add(new SimpleConditionEvent(handler, thin,
                        handler.getName() + " declares " + methods + " and fields " + fields.stream().map(f -> f.getName()).toList()));
            }
        };
    }
}
