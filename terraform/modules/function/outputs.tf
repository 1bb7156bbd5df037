output "function_name" {
  description = "The function's name."
  value       = aws_lambda_function.this.function_name
}

output "version" {
  description = "The version the alias points at."
  value       = aws_lambda_function.this.version
}

output "alias_name" {
  description = "The alias API Gateway invokes."
  value       = aws_lambda_alias.live.name
}

output "alias_arn" {
  description = "The qualified ARN of the alias."
  value       = aws_lambda_alias.live.arn
}

output "alias_invoke_arn" {
  description = "The ARN API Gateway uses to invoke the alias."
  value       = aws_lambda_alias.live.invoke_arn
}

output "role_arn" {
  description = "The function's own role."
  value       = aws_iam_role.this.arn
}

output "log_group_name" {
  description = "The function's own log group."
  value       = aws_cloudwatch_log_group.logs.name
}

output "alarm_arns" {
  description = "The ARNs of the function's alarms (Errors, Throttles); empty where alarms are off."
  value       = [for alarm in values(aws_cloudwatch_metric_alarm.this) : alarm.arn]
}
