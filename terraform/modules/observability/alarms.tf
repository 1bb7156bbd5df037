locals {
  alarm_actions = var.alarm_topic_arn == null ? [] : [var.alarm_topic_arn]
  # Per function, the p99 its latency alarm fires above: its entry in latency_p99_threshold_ms_by_function, or
  # latency_p99_threshold_ms; the alarm, its description and the output latency_p99_thresholds_ms all read it.
  latency_p99_thresholds_ms = { for function in var.functions : function => lookup(var.latency_p99_threshold_ms_by_function, function, var.latency_p99_threshold_ms) }
}

locals {
  # Per function: answering 5xx (a defect of ours, 500, or a store that stays busy, 503; Lambda's own Errors metric
  # does not see these, since the function handles them and answers), and slow for a quarter of an hour rather than
  # for one unlucky request. A period with few samples is evaluated, as CloudWatch does when nothing is said, and said
  # here because "ignore" would leave a p99 alarm's state alone below 10 / (1 - 0.99) = 1,000 samples per period (3.3
  # requests a second for 5 minutes), more than most deployments of this project see, so it could never fire. With few
  # samples the p99 is about the slowest request of the period, so it takes slow requests in each of 3 periods in a row to page.
  function_alarms = var.alarms_enabled ? merge([for function in var.functions : {
    "${function}-5xx" = {
      function            = function
      metric              = "requests_by_outcome"
      outcome             = "5xx"
      statistic           = "Sum"
      extended_statistic  = null
      evaluation_periods  = 1
      threshold           = var.function_5xx_threshold
      comparison_operator = "GreaterThanOrEqualToThreshold"
      low_sample_count    = null
      description         = "${function} answered ${var.function_5xx_threshold} or more requests with a 5xx within 5 minutes: look for its ERROR lines (saved query ${var.service}/recent-failures)."
    }
    "${function}-latency-p99" = {
      function            = function
      metric              = "latency"
      outcome             = null
      statistic           = null
      extended_statistic  = "p99"
      evaluation_periods  = 3
      threshold           = local.latency_p99_thresholds_ms[function]
      comparison_operator = "GreaterThanThreshold"
      low_sample_count    = "evaluate"
      description         = "${function}'s p99 latency stayed above ${local.latency_p99_thresholds_ms[function]} ms for 15 minutes: its traces show whether DynamoDB is the slow part (saved query ${var.service}/slowest-requests)."
    }
  }]...) : {}
}

resource "aws_cloudwatch_metric_alarm" "function" {
  for_each                              = local.function_alarms
  alarm_name                            = "${var.service}-${each.key}"
  alarm_description                     = each.value.description
  namespace                             = local.namespace
  metric_name                           = local.metrics[each.value.metric].name
  dimensions                            = { for dimension in local.metrics[each.value.metric].dimensions : dimension => { Service = var.service, Function = each.value.function, Outcome = each.value.outcome }[dimension] }
  statistic                             = each.value.statistic
  extended_statistic                    = each.value.extended_statistic
  period                                = 300
  evaluation_periods                    = each.value.evaluation_periods
  datapoints_to_alarm                   = each.value.evaluation_periods
  threshold                             = each.value.threshold
  comparison_operator                   = each.value.comparison_operator
  treat_missing_data                    = "notBreaching"
  evaluate_low_sample_count_percentiles = each.value.low_sample_count
  alarm_actions                         = local.alarm_actions
  ok_actions                            = local.alarm_actions
  tags                                  = var.tags
}

# Calls DynamoDB still throttled after the SDK's retries (each one a 503 a client got), and transaction attempts it
# cancelled for throttling (the SDK does not retry those; the adapter does, before a 503), two periods in a row.
resource "aws_cloudwatch_metric_alarm" "dynamodb_throttles" {
  count               = var.alarms_enabled ? 1 : 0
  alarm_name          = "${var.service}-dynamodb-throttles"
  alarm_description   = "DynamoDB kept throttling ${var.service}'s calls past the SDK's retries, or cancelling its transactions for throttling, for 10 minutes: clients are getting slow answers or 503s."
  namespace           = local.namespace
  metric_name         = local.metrics.events.name
  dimensions          = { for dimension in local.metrics.events.dimensions : dimension => { Service = var.service, Event = "DynamoDbThrottle" }[dimension] }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 2
  datapoints_to_alarm = 2
  threshold           = var.dynamodb_throttle_threshold
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}
