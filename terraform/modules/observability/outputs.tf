output "dashboard_name" {
  description = "The CloudWatch dashboard's name."
  value       = aws_cloudwatch_dashboard.this.dashboard_name
}

output "dashboard_arn" {
  description = "The CloudWatch dashboard's ARN."
  value       = aws_cloudwatch_dashboard.this.dashboard_arn
}

output "alarm_arns" {
  description = "The ARNs of the alarms, by name; empty where alarms are off."
  value = merge(
    { for alarm in values(aws_cloudwatch_metric_alarm.function) : alarm.alarm_name => alarm.arn },
    { for alarm in aws_cloudwatch_metric_alarm.dynamodb_throttles : alarm.alarm_name => alarm.arn },
  )
}

output "latency_p99_thresholds_ms" {
  description = "Per function, the p99 latency in milliseconds above which its alarm fires (latency_p99_threshold_ms, or its entry in latency_p99_threshold_ms_by_function), so that alarms made elsewhere on the same requests can build on it."
  value       = local.latency_p99_thresholds_ms
}

output "query_definition_ids" {
  description = "The ids of the saved Logs Insights queries, by purpose."
  value = {
    request_by_id    = aws_cloudwatch_query_definition.request_by_id.query_definition_id
    slowest_requests = aws_cloudwatch_query_definition.slowest_requests.query_definition_id
    recent_failures  = aws_cloudwatch_query_definition.recent_failures.query_definition_id
  }
}
