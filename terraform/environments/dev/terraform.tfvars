region                 = "eu-west-1"
environment            = "dev"
allowed_origins        = ["http://localhost:3000", "http://127.0.0.1:3000"]
memory_size            = 1024
log_retention_days     = 14
application_log_level  = "DEBUG"
throttling_rate_limit  = 20
throttling_burst_limit = 40
deletion_protection    = false
mfa_required           = false
alarms_enabled         = false
# reserved_concurrency is left unset (null): a new account's limit of 10 concurrent executions allows no reservation.
local_sign_in_urls = ["http://localhost:3000/"]
# Custom domains (README, Deploy, step 3): site_domain_names with site_certificate_arn (an ACM certificate in
# us-east-1), on which viewers need TLS 1.2; api_custom_domain_name with api_certificate_arn (one in this region), a
# domain of policy TLS_1_2 that API Gateway may still negotiate under the API's own policy, which provider 6.25.0
# cannot set: check it as the README says. Unset: the *.cloudfront.net and execute-api names, which allow TLS 1.0.
