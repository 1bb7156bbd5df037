package dev.serverlessapis.terraform;

import static dev.serverlessapis.terraform.Terraform.module;
import static dev.serverlessapis.terraform.Terraform.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the API's 5xx alarm does with a period's requests and 5xx answers: its metric-math expression as terraform
 * renders it with the module's defaults, evaluated here over the two metrics it reads, against the alarm's threshold
 * (GreaterThanThreshold). Each case is a 5-minute period; the alarm pages after two breaching ones in a row.
 */
class ApiErrorRateAlarmTest {
    private static final Path APPLICATION = module("application");

    @Test
    void pagesOnEnoughFailuresOrOnEveryRequestFailingButNotOnOneFailureAmongAFewDozen(@TempDir Path work) throws Exception {
        TerraformCli.assumeInstalled("the alarm's expression is not rendered here");
        var alarm = resource(APPLICATION, "aws_cloudwatch_metric_alarm", "api_5xx_rate");
        assertThat(alarm.attributes().get("comparison_operator")).isEqualTo("\"GreaterThanThreshold\"");
        var rate = alarm.blocks("metric_query").stream()
                .filter(query -> "\"rate\"".equals(query.body().attributes().get("id"))).findFirst().orElseThrow();
        // The module's locals read these data sources; none of them is in the expression.
        var stubs = Map.of("data.aws_region.current.region", "\"eu-west-1\"", "data.aws_partition.current.partition", "\"aws\"",
                "data.aws_caller_identity.current.account_id", "\"123456789012\"", "${path.module}", APPLICATION.toString());
        var rendered = TerraformCli.evaluate(work, APPLICATION, stubs, TerraformCli.APPLICATION_REQUIRED,
                "[" + rate.body().attributes().get("expression") + ", " + alarm.attributes().get("threshold") + "]").getAsJsonArray();
        var expression = rendered.get(0).getAsString();
        var threshold = rendered.get(1).getAsDouble();

        var periods = List.of(
                new Period(1, 1, true), new Period(3, 3, true), new Period(3, 2, false), new Period(10, 4, false),
                new Period(10, 5, true), new Period(20, 1, false), new Period(99, 1, false), new Period(99, 4, false),
                new Period(100, 5, true), new Period(1000, 5, false), new Period(1000, 11, true), new Period(1000, 1000, true));
        for (var period : periods) {
            var value = MetricMath.evaluate(expression, Map.of("requests", period.requests(), "errors", period.errors()));
            assertThat(value > threshold).as("%s: %s = %s against %s", period, expression, value, threshold).isEqualTo(period.pages());
        }
    }

    /** A 5-minute period: its requests, how many of them API Gateway answered with a 5xx, and whether it breaches. */
    record Period(double requests, double errors, boolean pages) {
    }

    /** The part of CloudWatch's metric math the alarm uses, over one datapoint per metric: numbers, ids, IF, comparisons, + - * /. */
    static final class MetricMath {
        private static final Pattern TOKEN = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?|[A-Za-z_][A-Za-z0-9_]*|>=|<=|==|!=|[><(),/*+-])");
        private final List<String> tokens;
        private final Map<String, Double> metrics;
        private int next;

        private MetricMath(List<String> tokens, Map<String, Double> metrics) {
            this.tokens = tokens;
            this.metrics = metrics;
        }

        static double evaluate(String expression, Map<String, Double> metrics) {
            var tokens = new ArrayList<String>();
            var matcher = TOKEN.matcher(expression);
            var at = 0;
            while (at < expression.length() && matcher.find(at) && matcher.start() == at) {
                tokens.add(matcher.group(1));
                at = matcher.end();
            }
            assertThat(expression.substring(at).strip()).as("what metric math here cannot read of " + expression).isEmpty();
            var math = new MetricMath(tokens, metrics);
            var value = math.comparison();
            assertThat(math.next).as("the whole of " + expression).isEqualTo(tokens.size());
            return value;
        }

        private double comparison() {
            var left = sum();
            while (next < tokens.size() && List.of(">=", "<=", "==", "!=", ">", "<").contains(tokens.get(next))) {
                var operator = tokens.get(next++);
                var right = sum();
                var holds = switch (operator) {
                    case ">=" -> left >= right;
                    case "<=" -> left <= right;
                    case "==" -> left == right;
                    case "!=" -> left != right;
                    case ">" -> left > right;
                    default -> left < right;
                };
                left = holds ? 1 : 0;
            }
            return left;
        }

        private double sum() {
            var left = product();
            while (next < tokens.size() && (tokens.get(next).equals("+") || tokens.get(next).equals("-"))) {
                left = tokens.get(next++).equals("+") ? left + product() : left - product();
            }
            return left;
        }

        private double product() {
            var left = primary();
            while (next < tokens.size() && (tokens.get(next).equals("*") || tokens.get(next).equals("/"))) {
                left = tokens.get(next++).equals("*") ? left * primary() : left / primary();
            }
            return left;
        }

        private double primary() {
            var token = tokens.get(next++);
            if (token.equals("(")) {
                var value = comparison();
                expect(")");
                return value;
            }
            if (token.equals("IF")) {
                expect("(");
                var condition = comparison();
                expect(",");
                var whenTrue = comparison();
                expect(",");
                var whenFalse = comparison();
                expect(")");
                return condition != 0 ? whenTrue : whenFalse;
            }
            if (Character.isDigit(token.charAt(0))) {
                return Double.parseDouble(token);
            }
            assertThat(metrics).as("a metric the expression reads").containsKey(token);
            return metrics.get(token);
        }

        private void expect(String token) {
            assertThat(tokens.get(next++)).isEqualTo(token);
        }
    }
}
