output "api_gateway_cloudwatch_role_arn" {
  description = "The role API Gateway writes logs with in this account and region (aws apigateway get-account shows the same)."
  value       = aws_api_gateway_account.this.cloudwatch_role_arn
}
