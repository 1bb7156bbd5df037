# Saved Logs Insights queries, in a folder named after the deployment. The request and failure lines carry both
# request ids: apiRequestId is the one a client sees in a problem document, requestId is Lambda's, which the EMF
# documents carry too, Lambda's platform lines as record.requestId and the runtime's own lines (an error that escaped
# the handler) as AWSRequestId.
resource "aws_cloudwatch_query_definition" "request_by_id" {
  name            = "${var.service}/one-request-by-id"
  log_group_names = concat(var.log_group_names, [var.access_log_group_name])
  query_string = join("\n", [
    "# Replace the id below with the request id from the client's response (or Lambda's request id). The stage's access",
    "# line (requestId is the API's there) names Lambda's as lambdaRequestId, so either id finds it: where API Gateway",
    "# itself answered a 5xx (a timeout, a crash), search again with Lambda's id for Lambda's own lines.",
    "# A client may send its own x-amzn-RequestId, which API Gateway then takes as the request's id: requestId (Lambda's)",
    "# and extendedRequestId (the access line's) are never shared, and tell such requests apart.",
    "fields @timestamp, level, message, function, route, method, status, latencyMs, coldStart, traceId, errorType, stackTrace.0, requestId, lambdaRequestId, extendedRequestId, integrationError",
    "| filter apiRequestId = \"paste-the-request-id-here\" or requestId = \"paste-the-request-id-here\" or record.requestId = \"paste-the-request-id-here\" or AWSRequestId = \"paste-the-request-id-here\" or lambdaRequestId = \"paste-the-request-id-here\"",
    "| sort @timestamp asc",
  ])
}

resource "aws_cloudwatch_query_definition" "slowest_requests" {
  name            = "${var.service}/slowest-requests"
  log_group_names = var.log_group_names
  query_string = join("\n", [
    "fields @timestamp, function, method, route, status, latencyMs, coldStart, apiRequestId, traceId",
    "| filter ispresent(latencyMs)",
    "| sort latencyMs desc",
    "| limit 50",
  ])
}

resource "aws_cloudwatch_query_definition" "recent_failures" {
  name            = "${var.service}/recent-failures"
  log_group_names = concat(var.log_group_names, [var.access_log_group_name])
  query_string    = local.failures_query
}
