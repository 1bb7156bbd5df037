output "url" {
  description = "The site's URL."
  value       = local.url
}

output "distribution_id" {
  description = "The CloudFront distribution's id."
  value       = null
}

output "distribution_arn" {
  description = "The CloudFront distribution's ARN."
  value       = null
}

output "domain_name" {
  description = "The CloudFront distribution's domain name."
  value       = null
}

output "bucket_name" {
  description = "The bucket holding the page."
  value       = null
}
