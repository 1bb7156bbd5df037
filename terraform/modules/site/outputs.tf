output "url" {
  description = "The https URL of the site: the page at /, and the API on the API path patterns."
  value       = "https://${aws_cloudfront_distribution.this.domain_name}"
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
  description = "The distribution's domain name, such as d111111abcdef8.cloudfront.net (for a DNS alias)."
  value       = aws_cloudfront_distribution.this.domain_name
}

output "bucket_name" {
  description = "Name of the private bucket holding the page's files."
  value       = aws_s3_bucket.this.bucket
}
