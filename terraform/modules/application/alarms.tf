# The alarm topic is encrypted with a key of its own: CloudWatch cannot publish to a topic under the AWS managed key
# alias/aws/sns, whose policy does not let CloudWatch use it (and cannot be changed), so every alarm would fail silently.
data "aws_iam_policy_document" "alarm_key" {
  statement {
    sid       = "AccountAdministersTheKey"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  # The statement AWS documents for alarms on encrypted topics, without conditions, which it does not document for this use.
  statement {
    sid       = "CloudWatchPublishesEncryptedAlarms"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }
  }
}

resource "aws_kms_key" "alarms" {
  count                   = var.alarms_enabled ? 1 : 0
  description             = "Encrypts the ${local.prefix} alarm topic; CloudWatch may use it to publish alarms."
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.alarm_key.json
  tags                    = local.tags
}

resource "aws_kms_alias" "alarms" {
  count         = var.alarms_enabled ? 1 : 0
  name          = "alias/${local.prefix}-alarms"
  target_key_id = aws_kms_key.alarms[0].key_id
}

resource "aws_sns_topic" "alarms" {
  count             = var.alarms_enabled ? 1 : 0
  name              = "${local.prefix}-alarms"
  kms_master_key_id = aws_kms_key.alarms[0].arn
  tags              = local.tags
}

resource "aws_sns_topic_subscription" "alarm_emails" {
  for_each = var.alarms_enabled ? toset(var.alarm_emails) : toset([])

  topic_arn = aws_sns_topic.alarms[0].arn
  protocol  = "email"
  endpoint  = each.value
}

# The share of requests the API answered with a 5xx: 5XXError is 1 or 0 per request, so its Sum counts the 5xx answers
# and its SampleCount the requests. A share alarms only with at least api_5xx_quiet_errors 5xx behind it: one failure
# among 20 to 99 requests is already over 1%, and twice in a row would page. In periods under the floor of requests,
# that many 5xx answers alarm whatever the share, and so does a period in which every request failed, however few there
# were: a 5xx API Gateway makes before any function runs (an integration or invoke permission broken by a deploy)
# reaches no function's alarm, nor Lambda's Errors, so on a quiet stage nothing else would page while every request
# fails. Nested IFs and >= only (a 5xx count cannot pass its request count), the operators the alarm already used.
resource "aws_cloudwatch_metric_alarm" "api_5xx_rate" {
  count               = var.alarms_enabled ? 1 : 0
  alarm_name          = "${local.prefix}-api-5xx-rate"
  alarm_description   = "Twice in a row, in 5 minutes: ${var.api_5xx_quiet_errors} or more 5xx answers from ${local.prefix} that were more than ${var.api_5xx_rate_threshold * 100}% of its requests (any share under ${var.api_5xx_rate_min_requests} requests), or every request failed with a 5xx."
  evaluation_periods  = 2
  datapoints_to_alarm = 2
  threshold           = var.api_5xx_rate_threshold
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = aws_sns_topic.alarms[*].arn
  ok_actions          = aws_sns_topic.alarms[*].arn
  tags                = local.tags

  metric_query {
    id          = "rate"
    expression  = "IF(errors >= ${var.api_5xx_quiet_errors}, IF(requests >= ${var.api_5xx_rate_min_requests}, errors / requests, 1), IF(errors >= 1, IF(errors >= requests, 1, 0), 0))"
    label       = "Share of requests answered with a 5xx"
    return_data = true
  }

  metric_query {
    id          = "errors"
    return_data = false
    metric {
      namespace   = "AWS/ApiGateway"
      metric_name = "5XXError"
      dimensions  = { ApiName = aws_api_gateway_rest_api.this.name, Stage = aws_api_gateway_stage.this.stage_name }
      stat        = "Sum"
      period      = 300
    }
  }

  metric_query {
    id          = "requests"
    return_data = false
    metric {
      namespace   = "AWS/ApiGateway"
      metric_name = "5XXError"
      dimensions  = { ApiName = aws_api_gateway_rest_api.this.name, Stage = aws_api_gateway_stage.this.stage_name }
      stat        = "SampleCount"
      period      = 300
    }
  }
}

# Requests the stage's throttling limits shed (throttling_rate_limit, throttling_burst_limit): 429s that 4XXError
# counts among clients' own mistakes. The access log names each one's gateway response THROTTLED, which this filter
# counts; a log metric filter cannot take a constant dimension, so the environment is in the metric's name.
resource "aws_cloudwatch_log_metric_filter" "api_throttled" {
  count          = var.alarms_enabled ? 1 : 0
  name           = "${local.prefix}-api-throttled"
  log_group_name = aws_cloudwatch_log_group.api_access.name
  pattern        = "{ $.errorType = \"THROTTLED\" }"

  metric_transformation {
    name      = "${local.prefix}-ApiThrottled"
    namespace = "ServerlessApis/AccessLogs"
    value     = "1"
    unit      = "Count"
  }
}

resource "aws_cloudwatch_metric_alarm" "api_throttled" {
  count               = var.alarms_enabled ? 1 : 0
  alarm_name          = "${local.prefix}-api-throttled"
  alarm_description   = "The stage of ${local.prefix} shed requests with 429 over its throttling limits (${var.throttling_rate_limit} a second, bursts of ${var.throttling_burst_limit}) in two 5-minute periods in a row: raise the limits if this is the traffic you expect."
  namespace           = aws_cloudwatch_log_metric_filter.api_throttled[0].metric_transformation[0].namespace
  metric_name         = aws_cloudwatch_log_metric_filter.api_throttled[0].metric_transformation[0].name
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 2
  datapoints_to_alarm = 2
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = aws_sns_topic.alarms[*].arn
  ok_actions          = aws_sns_topic.alarms[*].arn
  tags                = local.tags
}

# What a caller waits for on each route of api.json, as API Gateway measures it from the request's arrival to its
# answer: the function's own latency, which its p99 alarm reads, and what only the gateway sees, the Cognito
# authorizer, the invoke and a SnapStart restore. Per route (the stage's detailed metrics, metrics_enabled), not for
# the whole API, so that DELETE /users, slow by design, keeps its own threshold; a period with few samples is
# evaluated, as for the functions' p99, and it takes 3 periods in a row to page.
resource "aws_cloudwatch_metric_alarm" "route_latency_p99" {
  for_each = var.alarms_enabled ? { for route in local.api.routes : "${route.method} ${route.path}" => route } : {}

  alarm_name                            = "${local.prefix}-api-latency-p99-${each.value.method}${replace(replace(each.value.path, "/[{}]/", ""), "/", "-")}"
  alarm_description                     = "${each.key}'s p99 latency at API Gateway stayed above ${module.observability.latency_p99_thresholds_ms[each.value.function] + var.api_latency_allowance_ms} ms for 15 minutes. If ${each.value.function}'s own p99 alarm is quiet, the time is outside the function: the authorizer, the invoke or SnapStart restores (the REPORT lines' Restore Duration)."
  namespace                             = "AWS/ApiGateway"
  metric_name                           = "Latency"
  dimensions                            = { ApiName = aws_api_gateway_rest_api.this.name, Stage = aws_api_gateway_stage.this.stage_name, Method = each.value.method, Resource = each.value.path }
  extended_statistic                    = "p99"
  period                                = 300
  evaluation_periods                    = 3
  datapoints_to_alarm                   = 3
  threshold                             = module.observability.latency_p99_thresholds_ms[each.value.function] + var.api_latency_allowance_ms
  comparison_operator                   = "GreaterThanThreshold"
  treat_missing_data                    = "notBreaching"
  evaluate_low_sample_count_percentiles = "evaluate"
  alarm_actions                         = aws_sns_topic.alarms[*].arn
  ok_actions                            = aws_sns_topic.alarms[*].arn
  tags                                  = local.tags
}

# What viewers of the site see: CloudFront's own 5xx, for the page's files (S3) and the API's paths alike, so also
# those only CloudFront makes (an origin it cannot reach or that does not answer in time, 502 and 504), which no
# API Gateway metric counts. CloudFront publishes its metrics in us-east-1 alone, and an alarm notifies only a topic
# in its own region: outside us-east-1 the alarm has a topic there (with its key, and the same addresses, who confirm
# its subscription too); in us-east-1 it notifies the topic above. An API that fails pages twice, as the API's rate
# and as the site's; the site's alone says the failure is between CloudFront and its origins. site_alarms_enabled
# turns it off where an organization's policy keeps the account out of us-east-1.
locals {
  cloudfront_metrics_region   = "us-east-1"
  site_alarm                  = var.alarms_enabled && var.site_alarms_enabled
  site_alarm_topic_of_its_own = local.site_alarm && local.region != local.cloudfront_metrics_region
}

resource "aws_kms_key" "site_alarms" {
  count                   = local.site_alarm_topic_of_its_own ? 1 : 0
  region                  = local.cloudfront_metrics_region
  description             = "Encrypts the ${local.prefix} site alarm topic (in ${local.cloudfront_metrics_region}, where CloudFront's metrics are); CloudWatch may use it to publish alarms."
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.alarm_key.json
  tags                    = local.tags
}

resource "aws_kms_alias" "site_alarms" {
  count         = local.site_alarm_topic_of_its_own ? 1 : 0
  region        = local.cloudfront_metrics_region
  name          = "alias/${local.prefix}-site-alarms"
  target_key_id = aws_kms_key.site_alarms[0].key_id
}

resource "aws_sns_topic" "site_alarms" {
  count             = local.site_alarm_topic_of_its_own ? 1 : 0
  region            = local.cloudfront_metrics_region
  name              = "${local.prefix}-site-alarms"
  kms_master_key_id = aws_kms_key.site_alarms[0].arn
  tags              = local.tags
}

resource "aws_sns_topic_subscription" "site_alarm_emails" {
  for_each = local.site_alarm_topic_of_its_own ? toset(var.alarm_emails) : toset([])

  region    = local.cloudfront_metrics_region
  topic_arn = aws_sns_topic.site_alarms[0].arn
  protocol  = "email"
  endpoint  = each.value
}

# The API's thresholds (share, floor and quiet count). 5xxErrorRate is a percentage, of the period's requests where
# CloudFront weighs its minutes by their requests, else the mean of the minutes' shares, close to it under even
# traffic; the count of 5xx answers for the quiet periods is estimated from it and Requests.
resource "aws_cloudwatch_metric_alarm" "site_5xx_rate" {
  count               = local.site_alarm ? 1 : 0
  region              = local.cloudfront_metrics_region
  alarm_name          = "${local.prefix}-site-5xx-rate"
  alarm_description   = "More than ${var.api_5xx_rate_threshold * 100}% of requests to the ${local.prefix} site (CloudFront: the page and the API's paths) failed with a 5xx, in 5 minutes of at least ${var.api_5xx_rate_min_requests} requests (in quieter ones, ${var.api_5xx_quiet_errors} or more 5xx answers), twice in a row. If ${local.prefix}-api-5xx-rate is quiet, CloudFront could not reach or hear from an origin (S3 or the stage)."
  evaluation_periods  = 2
  datapoints_to_alarm = 2
  threshold           = var.api_5xx_rate_threshold
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.site_alarm_topic_of_its_own ? aws_sns_topic.site_alarms[*].arn : aws_sns_topic.alarms[*].arn
  ok_actions          = local.site_alarm_topic_of_its_own ? aws_sns_topic.site_alarms[*].arn : aws_sns_topic.alarms[*].arn
  tags                = local.tags

  metric_query {
    id          = "rate"
    expression  = "IF(requests >= ${var.api_5xx_rate_min_requests}, percent / 100, IF(requests * percent / 100 >= ${var.api_5xx_quiet_errors}, 1, 0))"
    label       = "Share of the site's requests answered with a 5xx"
    return_data = true
  }

  metric_query {
    id          = "percent"
    return_data = false
    metric {
      namespace   = "AWS/CloudFront"
      metric_name = "5xxErrorRate"
      dimensions  = { DistributionId = module.site.distribution_id, Region = "Global" }
      stat        = "Average"
      period      = 300
    }
  }

  metric_query {
    id          = "requests"
    return_data = false
    metric {
      namespace   = "AWS/CloudFront"
      metric_name = "Requests"
      dimensions  = { DistributionId = module.site.distribution_id, Region = "Global" }
      stat        = "Sum"
      period      = 300
    }
  }
}
