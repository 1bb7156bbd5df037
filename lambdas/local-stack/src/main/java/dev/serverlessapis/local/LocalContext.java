package dev.serverlessapis.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.serverlessapis.local.dynamodb.LocalDynamoDb;
import java.nio.charset.StandardCharsets;

/**
 * The Lambda context of one local invocation: what the runtime would tell the handler, its remaining time included,
 * counting down from the invocation's start as on Lambda.
 */
record LocalContext(String awsRequestId, String functionName, long startedNanos) implements Context {
    private static final int TIMEOUT_MILLIS = 29_000;
    private static final LambdaLogger STDERR = new LambdaLogger() {
        @Override
        public void log(String message) {
            System.err.println(message);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    };

    LocalContext(String awsRequestId, String functionName) {
        this(awsRequestId, functionName, System.nanoTime());
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + LocalDynamoDb.REGION + ":000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, TIMEOUT_MILLIS - (System.nanoTime() - startedNanos) / 1_000_000);
    }

    @Override
    public int getMemoryLimitInMB() {
        return 512;
    }

    @Override
    public LambdaLogger getLogger() {
        return STDERR;
    }
}
