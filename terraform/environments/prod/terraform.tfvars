region                 = "eu-west-1"
environment            = "prod"
allowed_origins        = []
memory_size            = 2048
reserved_concurrency   = 50
log_retention_days     = 365
application_log_level  = "INFO"
throttling_rate_limit  = 200
throttling_burst_limit = 400
deletion_protection    = true
alarms_enabled         = true
# At least one address must receive the alarms: plan refuses alarms_enabled = true with none (make doctor says so first).
alarm_emails = []
# Custom domains, so that clients must use TLS 1.2 (README, Deploy, step 3): site_domain_names with site_certificate_arn
# (an ACM certificate in us-east-1), api_custom_domain_name with api_certificate_arn (one in this region). Unset: the
# *.cloudfront.net and execute-api names, whose default security policies allow TLS 1.0.
