resource "aws_api_gateway_rest_api" "this" {
  name        = local.prefix
  description = "The chirps, users, hit counters and customers APIs (${var.environment})."
  body        = jsonencode(local.openapi)
  tags        = local.tags

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_deployment" "this" {
  rest_api_id = aws_api_gateway_rest_api.this.id

  triggers = {
    redeployment = sha256(aws_api_gateway_rest_api.this.body)
  }

  # A deployment whose integrations name aliases that do not exist yet would answer 500 until they do.
  depends_on = [module.function]

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_cloudwatch_log_group" "api_access" {
  name              = "/aws/apigateway/${local.prefix}/access"
  retention_in_days = var.log_retention_days
  tags              = local.tags
}

# API Gateway writes execution logs here by this fixed name; created first so they are kept only as long as the rest.
resource "aws_cloudwatch_log_group" "api_execution" {
  name              = "API-Gateway-Execution-Logs_${aws_api_gateway_rest_api.this.id}/${local.stage_name}"
  retention_in_days = var.log_retention_days
  tags              = local.tags
}

resource "aws_api_gateway_stage" "this" {
  rest_api_id          = aws_api_gateway_rest_api.this.id
  deployment_id        = aws_api_gateway_deployment.this.id
  stage_name           = local.stage_name
  xray_tracing_enabled = true
  tags                 = local.tags

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format = jsonencode({
      requestId          = "$context.requestId"
      extendedRequestId  = "$context.extendedRequestId"
      requestTime        = "$context.requestTime"
      httpMethod         = "$context.httpMethod"
      resourcePath       = "$context.resourcePath"
      path               = "$context.path"
      status             = "$context.status"
      responseLength     = "$context.responseLength"
      responseLatency    = "$context.responseLatency"
      integrationLatency = "$context.integrationLatency"
      integrationStatus  = "$context.integration.status"
      errorMessage       = "$context.error.message"
      errorType          = "$context.error.responseType"
      sourceIp           = "$context.identity.sourceIp"
      userAgent          = "$context.identity.userAgent"
      xrayTraceId        = "$context.xrayTraceId"
      apiKeyId           = "$context.identity.apiKeyId"
    })
  }

  # Access and execution logs need API Gateway's account-wide logging role, set by terraform/account (make doctor checks).
  depends_on = [aws_cloudwatch_log_group.api_execution]
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.this.stage_name
  method_path = "*/*"

  settings {
    metrics_enabled        = true
    logging_level          = "ERROR"
    data_trace_enabled     = false
    throttling_rate_limit  = var.throttling_rate_limit
    throttling_burst_limit = var.throttling_burst_limit
  }
}

# Lambda accepts calls only from this API's stage, for the method and path of a route (ANY for a path's fallback).
resource "aws_lambda_permission" "api" {
  for_each = local.invocations

  statement_id  = "api-${substr(sha256(each.key), 0, 16)}"
  action        = "lambda:InvokeFunction"
  principal     = "apigateway.amazonaws.com"
  function_name = module.function[each.value.function].function_name
  qualifier     = module.function[each.value.function].alias_name
  source_arn    = "${aws_api_gateway_rest_api.this.execution_arn}/${aws_api_gateway_stage.this.stage_name}/${each.value.method}/${replace(trimprefix(each.value.path, "/"), "/\\{[^}]+\\}/", "*")}"
}

# The key guarding destructive routes. Its value stays in AWS: read it with
# `aws apigateway get-api-key --api-key <api_key_id output> --include-value`.
resource "aws_api_gateway_api_key" "admin" {
  name        = "${local.prefix}-admin"
  description = "Guards destructive routes (${join(", ", local.api_key_routes)}) of ${local.prefix}."
  enabled     = true
  tags        = local.tags
}

resource "aws_api_gateway_usage_plan" "admin" {
  name        = "${local.prefix}-admin"
  description = "The API key's plan: destructive routes, used rarely."
  tags        = local.tags

  api_stages {
    api_id = aws_api_gateway_rest_api.this.id
    stage  = aws_api_gateway_stage.this.stage_name
  }

  throttle_settings {
    rate_limit  = 1
    burst_limit = 2
  }

  quota_settings {
    limit  = 100
    period = "DAY"
  }
}

resource "aws_api_gateway_usage_plan_key" "admin" {
  key_id        = aws_api_gateway_api_key.admin.id
  key_type      = "API_KEY"
  usage_plan_id = aws_api_gateway_usage_plan.admin.id
}

# API Gateway's account-wide logging role moved to terraform/account: a state that still holds it forgets it here
# instead of destroying it (which would reset logging for every API of the account and region).
removed {
  from = aws_api_gateway_account.this

  lifecycle {
    destroy = false
  }
}

removed {
  from = aws_iam_role_policy_attachment.api_gateway_logs

  lifecycle {
    destroy = false
  }
}

removed {
  from = aws_iam_role.api_gateway_logs

  lifecycle {
    destroy = false
  }
}
