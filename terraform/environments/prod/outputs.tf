output "api_url" {
  description = "The API stage's base URL: make test-end-to-end API_ENDPOINT=$(terraform output -raw api_url)."
  value       = module.application.api_url
}

output "site_url" {
  description = "The page's URL."
  value       = module.application.site_url
}

output "api_key_id" {
  description = "The id of the API key for DELETE /users; read its value with aws apigateway get-api-key --api-key ID --include-value."
  value       = module.application.api_key_id
}

output "function_names" {
  description = "The AWS function name of each function."
  value       = module.application.function_names
}

output "table_names" {
  description = "The AWS table name of each table."
  value       = module.application.table_names
}

output "alarm_topic_arn" {
  description = "The SNS topic alarms notify, or null where alarms are off."
  value       = module.application.alarm_topic_arn
}

output "dashboard_name" {
  description = "The CloudWatch dashboard of the environment (CloudWatch, Dashboards)."
  value       = module.application.dashboard_name
}
