output "url" {
  description = "The https URL of the site: the page at /, and the API on the API path patterns. On the first of domain_names where there are any, else on the distribution's own name."
  value       = local.origins[0]
}

output "origins" {
  description = "Every https origin the page is served on (an origin of each of domain_names, or the distribution's own), for CORS and sign-in callbacks."
  value       = local.origins
}

output "distribution_id" {
  description = "ID of the CloudFront distribution, for invalidations (aws cloudfront create-invalidation --distribution-id ...)."
  value       = aws_cloudfront_distribution.this.id
}

output "distribution_arn" {
  description = "ARN of the CloudFront distribution; the bucket policy lets only this ARN read the page."
  value       = aws_cloudfront_distribution.this.arn
}

output "domain_name" {
  description = "The distribution's domain name, such as d111111abcdef8.cloudfront.net: the target of each of domain_names' DNS record (a CNAME, or a Route 53 alias with hosted_zone_id)."
  value       = aws_cloudfront_distribution.this.domain_name
}

output "hosted_zone_id" {
  description = "The Route 53 hosted zone of CloudFront's domain names (Z2FDTNDATAQYW2), for the alias records (A and AAAA) of one of domain_names (needed at a zone apex, where no CNAME may be)."
  value       = aws_cloudfront_distribution.this.hosted_zone_id
}

output "bucket_name" {
  description = "Name of the private bucket holding the page's files."
  value       = aws_s3_bucket.this.bucket
}
