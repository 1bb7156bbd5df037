# Created before the function, so Lambda never creates it without retention, and the only group the role may write to.
resource "aws_cloudwatch_log_group" "logs" {
  name              = "/aws/lambda/${var.name}"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

data "aws_iam_policy_document" "assume_role" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = var.name
  description        = "Runs the function ${var.name}: only the DynamoDB actions it performs, on its own table and indexes."
  assume_role_policy = data.aws_iam_policy_document.assume_role.json
  tags               = var.tags
}

moved {
  from = aws_iam_role.role
  to   = aws_iam_role.this
}

data "aws_iam_policy_document" "permissions" {
  statement {
    sid       = "OwnTable"
    actions   = var.table_actions
    resources = [var.table_arn]
  }

  dynamic "statement" {
    for_each = length(var.index_actions) > 0 ? [var.index_actions] : []

    content {
      sid       = "OwnIndexes"
      actions   = statement.value
      resources = var.index_arns
    }
  }

  statement {
    sid       = "OwnLogGroup"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.logs.arn}:*"]
  }

  # X-Ray's write actions support no resource-level restriction.
  statement {
    sid       = "Tracing"
    actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "permissions" {
  name   = "least-privilege"
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.permissions.json
}

resource "aws_lambda_function" "this" {
  function_name                  = var.name
  description                    = var.description
  role                           = aws_iam_role.this.arn
  runtime                        = "java21"
  handler                        = var.handler
  filename                       = var.package_file
  source_code_hash               = filebase64sha256(var.package_file)
  memory_size                    = var.memory_size
  timeout                        = var.timeout
  reserved_concurrent_executions = coalesce(var.reserved_concurrency, -1) # -1: no reservation, the unreserved pool
  # Every change publishes a version; SnapStart snapshots published versions, and the alias serves the newest.
  publish = true
  tags    = var.tags

  environment {
    variables = var.environment
  }

  snap_start {
    apply_on = "PublishedVersions"
  }

  tracing_config {
    mode = "Active"
  }

  # JSON: Lambda keeps the function's own JSON lines as they are (request lines, failure lines, EMF documents), so
  # Logs Insights reads every field, and writes its own platform lines as JSON too. Those from INFO, as Lambda's default:
  # platform.report is INFO, and it alone tells each invocation's memory used, billed duration, restore duration and
  # status (a timeout among them); WARN would drop it, for two lines fewer per invocation.
  logging_config {
    log_format            = "JSON"
    application_log_level = var.application_log_level
    system_log_level      = "INFO"
    log_group             = aws_cloudwatch_log_group.logs.name
  }

  # An update waits for its new version's snapshot; ten snapshots at once, which Lambda may queue behind its
  # concurrent-snapshot limit, can outlast the provider's default of 10 minutes (hashicorp/terraform-provider-aws#43973).
  # A create does not wait for its first version (#42693): `make deploy` waits for every live version after the apply.
  timeouts {
    create = "20m"
    update = "20m"
  }

  depends_on = [aws_iam_role_policy.permissions]
}

resource "aws_lambda_alias" "live" {
  name             = var.alias_name
  description      = "The published version API Gateway invokes."
  function_name    = aws_lambda_function.this.function_name
  function_version = aws_lambda_function.this.version
}

locals {
  alarms = var.alarms_enabled ? {
    errors    = { metric = "Errors", description = "The function ${var.name} failed invocations." }
    throttles = { metric = "Throttles", description = "The function ${var.name} was throttled: its reserved concurrency, or the account's, is exhausted." }
  } : {}
}

resource "aws_cloudwatch_metric_alarm" "this" {
  for_each            = local.alarms
  alarm_name          = "${var.name}-${each.key}"
  alarm_description   = each.value.description
  namespace           = "AWS/Lambda"
  metric_name         = each.value.metric
  dimensions          = { FunctionName = aws_lambda_function.this.function_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  tags                = var.tags
}
