locals {
  alarm_actions = var.alarm_topic_arn == null ? [] : [var.alarm_topic_arn]
}

# A function answering 5xx: a defect of ours (500) or a store that stays busy (503). Lambda's own Errors metric does
# not see these, since the function handles them and answers.
resource "aws_cloudwatch_metric_alarm" "function_5xx" {
  for_each            = var.alarms_enabled ? toset(var.functions) : toset([])
  alarm_name          = "${var.service}-${each.key}-5xx"
  alarm_description   = "${each.key} answered ${var.function_5xx_threshold} or more requests with a 5xx within 5 minutes: look for its ERROR lines (saved query ${var.service}/recent-failures)."
  namespace           = local.namespace
  metric_name         = local.metrics.requests_by_outcome.name
  dimensions          = { for dimension in local.metrics.requests_by_outcome.dimensions : dimension => { Service = var.service, Function = each.key, Outcome = "5xx" }[dimension] }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = var.function_5xx_threshold
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

# Slow for a quarter of an hour, not for one unlucky request: few samples (a quiet night) never page.
resource "aws_cloudwatch_metric_alarm" "latency_p99" {
  for_each                              = var.alarms_enabled ? toset(var.functions) : toset([])
  alarm_name                            = "${var.service}-${each.key}-latency-p99"
  alarm_description                     = "${each.key}'s p99 latency stayed above ${var.latency_p99_threshold_ms} ms for 15 minutes: its traces show whether DynamoDB is the slow part (saved query ${var.service}/slowest-requests)."
  namespace                             = local.namespace
  metric_name                           = local.metrics.latency.name
  dimensions                            = { for dimension in local.metrics.latency.dimensions : dimension => { Service = var.service, Function = each.key }[dimension] }
  extended_statistic                    = "p99"
  period                                = 300
  evaluation_periods                    = 3
  datapoints_to_alarm                   = 3
  threshold                             = var.latency_p99_threshold_ms
  comparison_operator                   = "GreaterThanThreshold"
  treat_missing_data                    = "notBreaching"
  evaluate_low_sample_count_percentiles = "ignore"
  alarm_actions                         = local.alarm_actions
  ok_actions                            = local.alarm_actions
  tags                                  = var.tags
}

# Calls DynamoDB still throttled after the SDK's retries: each one a 503 a client got, two periods in a row.
resource "aws_cloudwatch_metric_alarm" "dynamodb_throttles" {
  count               = var.alarms_enabled ? 1 : 0
  alarm_name          = "${var.service}-dynamodb-throttles"
  alarm_description   = "DynamoDB kept throttling ${var.service}'s calls past the SDK's retries for 10 minutes: clients are getting 503s."
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
