provider "aws" {
  region = var.region

  default_tags {
    tags = {
      project     = var.project
      environment = var.environment
      managed-by  = "terraform"
    }
  }
}

data "aws_caller_identity" "current" {}

# Who can sign in. The page's app client may return to the site's page, on each name it is served under, and, where
# local_sign_in_urls says so (dev), to a page served on localhost.
module "identity" {
  source = "../../modules/identity"

  name                = "${var.project}-${var.environment}"
  domain_prefix       = coalesce(var.sign_in_domain_prefix, "${var.project}-${var.environment}-${data.aws_caller_identity.current.account_id}")
  deletion_protection = var.deletion_protection
  mfa_required        = var.mfa_required
  callback_urls       = concat([for origin in module.application.site_origins : "${origin}/"], var.local_sign_in_urls)
  logout_urls         = concat([for origin in module.application.site_origins : "${origin}/"], var.local_sign_in_urls)
}

module "application" {
  source = "../../modules/application"

  project                = var.project
  environment            = var.environment
  package_file           = "${path.root}/../../../lambdas/functions/target/functions-lambda.jar"
  page_directory         = "${path.root}/../../../lambdas/page"
  counters               = var.counters
  allowed_origins        = var.allowed_origins
  memory_size            = var.memory_size
  function_timeout       = var.function_timeout
  reserved_concurrency   = var.reserved_concurrency
  log_retention_days     = var.log_retention_days
  application_log_level  = var.application_log_level
  throttling_rate_limit  = var.throttling_rate_limit
  throttling_burst_limit = var.throttling_burst_limit
  deletion_protection    = var.deletion_protection
  alarms_enabled         = var.alarms_enabled
  site_alarms_enabled    = var.site_alarms_enabled
  alarm_emails           = var.alarm_emails
  site_domain_names      = var.site_domain_names
  site_certificate_arn   = var.site_certificate_arn
  api_custom_domain_name = var.api_custom_domain_name
  api_certificate_arn    = var.api_certificate_arn
  user_pool_arn          = module.identity.user_pool_arn
  page_client_id         = module.identity.page_client_id
  sign_in = {
    issuer    = module.identity.issuer
    login_url = module.identity.login_url
  }
}
