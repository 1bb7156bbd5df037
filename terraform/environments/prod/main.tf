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
  alarm_emails           = var.alarm_emails
}
