data "aws_region" "current" {}

locals {
  # The metrics the functions publish, as EmfMetrics writes them (dev.serverlessapis.adapters.observability.Metric):
  # one namespace, each metric by its name and the dimension names it is published under. The dashboard and alarms
  # build every metric they read from these entries; ObservabilityTerraformTest holds them to the code's catalogue.
  namespace = "ServerlessApis"
  metrics = {
    requests = {
      name       = "Requests"
      dimensions = ["Service", "Function"]
    }
    requests_by_outcome = {
      name       = "Requests"
      dimensions = ["Service", "Function", "Outcome"]
    }
    latency = {
      name       = "Latency"
      dimensions = ["Service", "Function"]
    }
    cold_starts = {
      name       = "ColdStarts"
      dimensions = ["Service", "Function"]
    }
    events = {
      name       = "Events"
      dimensions = ["Service", "Event"]
    }
  }
  # The values of the closed dimensions (the code's Outcome and Event enums), as the dashboard shows them.
  outcomes        = ["2xx", "4xx", "5xx"]
  domain_events   = ["ChirpPosted", "CounterIncremented", "IncrementReplayed", "ProfileCreated", "EmailConflict"]
  dynamodb_events = ["DynamoDbRetry", "DynamoDbThrottle"]

  region = data.aws_region.current.region

  # What each per-function chart shows: a metric of the catalogue, and the values of its closed dimensions.
  function_charts = {
    requests      = { metric = "requests", values = {} }
    server_errors = { metric = "requests_by_outcome", values = { Outcome = "5xx" } }
    client_errors = { metric = "requests_by_outcome", values = { Outcome = "4xx" } }
    latency       = { metric = "latency", values = {} }
    cold_starts   = { metric = "cold_starts", values = {} }
  }
  event_charts = {
    domain   = local.domain_events
    dynamodb = local.dynamodb_events
  }

  # A metric of the catalogue as a dashboard row: namespace, name, then each of its dimensions with its value. A
  # dimension the entry names but the values lack fails the plan, so a row cannot silently lose a dimension.
  function_rows = { for key, chart in local.function_charts : key => [for function in var.functions : concat(
    [local.namespace, local.metrics[chart.metric].name],
    flatten([for dimension in local.metrics[chart.metric].dimensions : [dimension, merge({ Service = var.service, Function = function }, chart.values)[dimension]]]),
    [{ label = function }],
  )] }
  event_rows = { for key, events in local.event_charts : key => [for event in events : concat(
    [local.namespace, local.metrics.events.name],
    flatten([for dimension in local.metrics.events.dimensions : [dimension, { Service = var.service, Event = event }[dimension]]]),
    [{ label = event }],
  )] }

  log_sources = join(" | ", [for group in concat(var.log_group_names, [var.access_log_group_name]) : "SOURCE '${group}'"])

  widgets = [
    { title = "Requests per function", stat = "Sum", metrics = local.function_rows.requests },
    { title = "5xx answers per function", stat = "Sum", metrics = local.function_rows.server_errors },
    { title = "4xx answers per function", stat = "Sum", metrics = local.function_rows.client_errors },
    { title = "Latency p50 per function (ms)", stat = "p50", metrics = local.function_rows.latency },
    { title = "Latency p99 per function (ms)", stat = "p99", metrics = local.function_rows.latency },
    { title = "Cold starts per function", stat = "Sum", metrics = local.function_rows.cold_starts },
    { title = "Domain events", stat = "Sum", metrics = local.event_rows.domain },
    { title = "DynamoDB retries and throttles (calls still throttled after retries)", stat = "Sum", metrics = local.event_rows.dynamodb },
    { title = "API Gateway 4xx and 5xx answers", stat = "Sum", metrics = [
      ["AWS/ApiGateway", "4XXError", "ApiName", var.api_name, "Stage", var.stage_name, { label = "4xx" }],
      ["AWS/ApiGateway", "5XXError", "ApiName", var.api_name, "Stage", var.stage_name, { label = "5xx" }],
    ] },
  ]

  metric_widgets = [for index, widget in local.widgets : {
    type   = "metric"
    x      = (index % 2) * 12
    y      = floor(index / 2) * 6
    width  = 12
    height = 6
    properties = {
      title   = widget.title
      region  = local.region
      view    = "timeSeries"
      stacked = false
      period  = 300
      stat    = widget.stat
      metrics = widget.metrics
    }
  }]
  bottom = ceil(length(local.widgets) / 2) * 6

  # Every failure the alarms count, whoever wrote its line, once: the functions' own failure lines (a 5xx, with its
  # error type and stack trace; the request's own line, ERROR too but with latencyMs and no errorType, would repeat it), the runtime's (an error that escaped the handler, which Lambda's Errors counts: level ERROR,
  # the text in message, no errorType), Lambda's platform lines whose status is not success (a timeout, a crash, a
  # failed restore), and the stage's access lines of a 5xx API Gateway made itself, which name its gateway response
  # in errorType (a broken integration or invoke permission, a failing authorizer: no function's line has those; a 5xx
  # a function answered has "-" there, and its own ERROR line). The access line's requestId is the API's, the others'
  # Lambda's: each goes to its column, apiId or invocationId, names no line has, so that no alias stands over a field.
  failures_query = join("\n", [
    "fields @timestamp, function, coalesce(method, httpMethod) as verb, coalesce(route, resourcePath) as routePath, coalesce(apiRequestId, requestId) as apiId, coalesce(lambdaRequestId, requestId, AWSRequestId, record.requestId) as invocationId, coalesce(errorType, record.errorType, type) as failure, coalesce(errorMessage, message, record.status) as detail",
    "| filter (level = \"ERROR\" and (ispresent(errorType) or not ispresent(latencyMs))) or (ispresent(record.status) and record.status != \"success\") or (ispresent(extendedRequestId) and status like /^5/ and ispresent(errorType) and errorType != \"-\" and errorType != \"\")",
    "| sort @timestamp desc",
    "| limit 50",
  ])
}

resource "aws_cloudwatch_dashboard" "this" {
  dashboard_name = var.service
  dashboard_body = jsonencode({
    start = "-PT3H"
    widgets = concat(local.metric_widgets, [
      {
        type   = "log"
        x      = 0
        y      = local.bottom
        width  = 24
        height = 6
        properties = {
          title  = "Recent failures (5xx, API Gateway's own included, errors that escaped a handler, timeouts, failed restores)"
          region = local.region
          view   = "table"
          query  = "${local.log_sources} | ${replace(local.failures_query, "\n", " ")}"
        }
      },
      ], var.alarms_enabled ? [{
        type   = "alarm"
        x      = 0
        y      = local.bottom + 6
        width  = 24
        height = 4
        properties = {
          title  = "Alarms"
          alarms = concat(values(aws_cloudwatch_metric_alarm.function)[*].arn, aws_cloudwatch_metric_alarm.dynamodb_throttles[*].arn, var.other_alarm_arns)
        }
    }] : [])
  })
}
