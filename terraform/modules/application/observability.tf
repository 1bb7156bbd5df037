# The dashboard, alarms and saved queries of this environment, over the metrics the functions publish as EMF lines
# (under Service = local.prefix, their METRICS_SERVICE) and their log groups; its alarms notify the alarm topic.
module "observability" {
  source = "../observability"

  service         = local.prefix
  functions       = keys(local.functions)
  log_group_names = [for function in module.function : function.log_group_name]
  # Its one-request-by-id query also reads the stage's access log, which alone names the invocation of a 5xx the
  # gateway made itself.
  access_log_group_name = aws_cloudwatch_log_group.api_access.name
  api_name              = aws_api_gateway_rest_api.this.name
  stage_name            = aws_api_gateway_stage.this.stage_name
  alarms_enabled        = var.alarms_enabled
  alarm_topic_arn       = one(aws_sns_topic.alarms[*].arn)
  # Lambda's own alarms per function, the API's 5xx rate, its throttled requests and its routes' p99, on the dashboard's alarm widget too.
  other_alarm_arns = concat(
    flatten([for function in module.function : function.alarm_arns]),
    aws_cloudwatch_metric_alarm.api_5xx_rate[*].arn,
    aws_cloudwatch_metric_alarm.api_throttled[*].arn,
    values(aws_cloudwatch_metric_alarm.route_latency_p99)[*].arn,
  )
  # DELETE /users works for up to its time budget on each call by design (UserModule's DEFAULT_DELETE_ALL_BUDGET, 4 s),
  # and is called again until nothing is left: emptying a large table would otherwise hold its p99 above 3 s for long
  # enough to page. Above the budget and the time to answer, it is slow.
  latency_p99_threshold_ms_by_function = { "user-profile-delete-all" = 6000 }
  tags                                 = local.tags
}
