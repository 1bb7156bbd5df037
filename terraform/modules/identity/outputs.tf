output "user_pool_id" {
  description = "The user pool's id, such as eu-west-1_AbCdEf123."
  value       = aws_cognito_user_pool.this.id
}

output "user_pool_arn" {
  description = "The user pool's ARN: the providerARNs of the API's cognito_user_pools authorizer."
  value       = aws_cognito_user_pool.this.arn
}

output "issuer" {
  description = "The iss of every token of the pool: https://cognito-idp.<region>.amazonaws.com/<pool id>."
  value       = "https://${aws_cognito_user_pool.this.endpoint}"
}

output "jwks_uri" {
  description = "Where the pool's public signing keys are published."
  value       = "https://${aws_cognito_user_pool.this.endpoint}/.well-known/jwks.json"
}

output "page_client_id" {
  description = "The page's app client id: the aud of the ID tokens the API accepts."
  value       = aws_cognito_user_pool_client.page.id
}

# Built from the prefix, not read from the domain: what reads this URL (the page's config and CSP) is among what the
# API's create_before_destroy deployment depends on, which Terraform would force on the domain too, and a pool takes one
# prefix domain, so a new prefix must destroy the old domain before creating the new one.
output "login_url" {
  description = "The managed login domain; /oauth2/authorize, /oauth2/token and /logout are under it."
  value       = "https://${var.domain_prefix}.auth.${data.aws_region.current.region}.amazoncognito.com"
}

output "admins_group" {
  description = "The group whose members are admins."
  value       = aws_cognito_user_group.admins.name
}

output "handle_claim" {
  description = "The ID token claim that carries a person's handle."
  value       = "cognito:username"
}
