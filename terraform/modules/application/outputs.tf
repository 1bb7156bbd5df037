output "api_url" {
  description = "The stage's base URL, e.g. https://abc123.execute-api.eu-west-1.amazonaws.com/dev."
  value       = aws_api_gateway_stage.this.invoke_url
}

output "site_url" {
  description = "The page's URL (CloudFront, on the first of site_domain_names where there are any), which also forwards the API's paths to the stage."
  value       = module.site.url
}

output "site_origins" {
  description = "Every https origin the page is served on (one per site_domain_names, else the distribution's own): CORS allows each, and each is a sign-in callback."
  value       = module.site.origins
}

output "api_custom_url" {
  description = "The API on api_custom_domain_name, such as https://api.example.com (the stage at the root, no stage path), once its DNS record points at the domain; null without one."
  value       = one([for domain in aws_api_gateway_domain_name.this : "https://${domain.domain_name}"])
}

output "dns_records" {
  description = "The DNS records to create where the zones are managed, per custom domain name (none is made here): a CNAME from the name to target, or Route 53 alias records to target in zone_id (needed at a zone apex): A and AAAA for the site's names, whose distribution serves IPv6 too, A for the API's. Empty without custom domains."
  value = merge(
    { for name in var.site_domain_names : name => { target = module.site.domain_name, zone_id = module.site.hosted_zone_id } },
    { for domain in aws_api_gateway_domain_name.this : domain.domain_name => { target = domain.regional_domain_name, zone_id = domain.regional_zone_id } },
  )
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
