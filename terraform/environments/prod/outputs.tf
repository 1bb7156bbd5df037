output "api_url" {
  description = "The API stage's base URL: scripts/smoke $(terraform output -raw api_url), and make test-end-to-end API_ENDPOINT=$(terraform output -raw api_url) outside prod, which the end-to-end tests refuse (they write to the stage they test)."
  value       = module.application.api_url
}

output "site_url" {
  description = "The page's URL."
  value       = module.application.site_url
}

output "dns_records" {
  description = "The DNS records to create where your zones are managed, per custom domain name: a CNAME from the name to target, or Route 53 alias records in zone_id (A and AAAA for the site's names, whose distribution serves IPv6 too; A for the API's). Empty without custom domains."
  value       = module.application.dns_records
}

output "api_custom_url" {
  description = "The API on api_custom_domain_name (no stage path), once its DNS record is in place; null without one."
  value       = module.application.api_custom_url
}

output "user_pool_id" {
  description = "The user pool of the people who can sign in: make user and make token use it."
  value       = module.identity.user_pool_id
}

output "page_client_id" {
  description = "The page's app client: the only aud the API accepts; make token signs in with it."
  value       = module.identity.page_client_id
}

output "login_url" {
  description = "The managed login domain the page signs in at."
  value       = module.identity.login_url
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
