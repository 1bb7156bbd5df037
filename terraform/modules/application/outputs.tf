output "api_url" {
  description = "The stage's base URL, e.g. https://abc123.execute-api.eu-west-1.amazonaws.com/dev."
  value       = aws_api_gateway_stage.this.invoke_url
}

output "site_url" {
  description = "The page's URL (CloudFront), which also forwards the API's paths to the stage."
  value       = module.site.url
}

output "function_names" {
  description = "The AWS function name of each api.json function."
  value       = { for name, function in module.function : name => function.function_name }
}

output "table_names" {
  description = "The AWS table name of each api.json table."
  value       = { for name, table in module.table : name => table.name }
}

output "alarm_topic_arn" {
  description = "The SNS topic alarms notify, or null where alarms are off."
  value       = one(aws_sns_topic.alarms[*].arn)
}

output "dashboard_name" {
  description = "The CloudWatch dashboard of the environment: requests, errors, latency, cold starts and domain events per function."
  value       = module.observability.dashboard_name
}
