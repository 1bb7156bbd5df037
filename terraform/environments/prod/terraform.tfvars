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
mfa_required           = true
alarms_enabled         = true
# At least one address must receive the alarms: plan refuses alarms_enabled = true with none (make doctor says so first).
alarm_emails = []
# Custom domains (README, Deploy, step 3): site_domain_names with site_certificate_arn (an ACM certificate in
# us-east-1), on which viewers need TLS 1.2; api_custom_domain_name with api_certificate_arn (one in this region), a
# domain of policy TLS_1_2 that API Gateway may still negotiate under the API's own policy, which provider 6.25.0
# cannot set: check it as the README says. Unset: the *.cloudfront.net and execute-api names, which allow TLS 1.0.
