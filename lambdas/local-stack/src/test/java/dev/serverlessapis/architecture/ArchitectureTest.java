package dev.serverlessapis.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.serverlessapis.adapters.apigateway.HttpFunction;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The layers, kept honest. One rule per field, each saying why. They run as dynamic tests because Surefire drops
 * ArchUnit's field-based tests without a word.
 */
class ArchitectureTest {
    private static final String DOMAIN = "dev.serverlessapis.domain..";
    private static final String ADAPTERS = "dev.serverlessapis.adapters..";
    private static final String LAMBDAS = "dev.serverlessapis.lambdas..";
    private static final String LOCAL = "dev.serverlessapis.local..";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.serverlessapis");

    static final ArchRule domain_depends_on_nothing_but_the_jdk = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("the rules must run and be tested without any framework, SDK or transport");

    static final ArchRule domain_areas_share_only_the_shared_package = slices()
            .matching("dev.serverlessapis.domain.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(DescribedPredicate.alwaysTrue(), resideInAPackage("dev.serverlessapis.domain.shared.."))
            .because("counters, users, chirps and customers are separate APIs that share only error and paging types");

    static final ArchRule adapters_never_depend_on_lambdas = noClasses().that().resideInAPackage(ADAPTERS)
            .should().dependOnClassesThat().resideInAnyPackage(LAMBDAS, LOCAL)
            .because("adapters implement the domain's ports; wiring and packaging sit above them");

    static final ArchRule functions_never_depend_on_the_local_stack = noClasses().that().resideInAPackage(LAMBDAS)
            .should().dependOnClassesThat().resideInAPackage(LOCAL)
            .because("the Lambda package must not contain DynamoDB Local or the emulator");

    static final ArchRule ports_mention_no_sdk_type = classes().that().resideInAPackage(DOMAIN).and().areInterfaces()
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("ports speak the domain's words, so an adapter can change without the domain noticing");

    static final ArchRule dynamodb_adapters_are_named_after_their_port = classes()
            .that().resideInAPackage("dev.serverlessapis.adapters.dynamodb..")
            .and().implement(resideInAPackage(DOMAIN))
            .should(beNamedDynamoDbPlusTheirPort())
            .because("an adapter is named <Tech><Port>, so the port it serves is obvious");

    static final ArchRule handlers_stay_thin = classes().that().implement(RequestHandler.class)
            .and().resideInAPackage(LAMBDAS)
            .should(delegateToOneHttpFunctionAndDeclareOnlyHandleRequest())
            .because("a handler only gets its function from the Dagger graph built once and delegates to it");

    static final ArchRule only_the_configuration_reads_the_environment = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.serverlessapis.lambdas.wiring.Configuration")
            .should().callMethod(System.class, "getenv", String.class)
            .orShould().callMethod(System.class, "getenv")
            .because("settings are read in one place, which the local stack can override");

    static final ArchRule sdk_clients_are_built_only_in_the_wiring = noClasses()
            .that().resideOutsideOfPackages("dev.serverlessapis.lambdas.wiring..", LOCAL)
            .should().callMethod(software.amazon.awssdk.services.dynamodb.DynamoDbClient.class, "builder")
            .orShould().callMethod(software.amazon.awssdk.services.dynamodb.DynamoDbClient.class, "create")
            .because("one client per execution environment, with explicit region, credentials and HTTP client");

    static final ArchRule top_level_areas_are_free_of_cycles = slices().matching("dev.serverlessapis.(*)..")
            .should().beFreeOfCycles()
            .because("domain, adapters, lambdas and local stack form layers, not a knot");

    static final ArchRule adapter_packages_are_free_of_cycles = slices().matching("dev.serverlessapis.adapters.(**)")
            .should().beFreeOfCycles()
            .because("each adapter package must be understandable on its own");

    @TestFactory
    Stream<DynamicTest> rules() {
        return Arrays.stream(ArchitectureTest.class.getDeclaredFields())
                .filter(field -> field.getType() == ArchRule.class && Modifier.isStatic(field.getModifiers()))
                .map(field -> DynamicTest.dynamicTest(field.getName(), () -> rule(field).check(CLASSES)));
    }

    private static ArchRule rule(Field field) throws IllegalAccessException {
        return (ArchRule) field.get(null);
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
                var thin = methods.equals(java.util.List.of("handleRequest"))
                        && fields.size() == 1
                        && fields.getFirst().getModifiers().contains(JavaModifier.STATIC)
                        && fields.getFirst().getRawType().isAssignableTo(HttpFunction.class);
                events.add(new SimpleConditionEvent(handler, thin,
                        handler.getName() + " declares " + methods + " and fields " + fields.stream().map(f -> f.getName()).toList()));
            }
        };
    }

}
