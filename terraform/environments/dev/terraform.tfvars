region                 = "eu-west-1"
environment            = "dev"
allowed_origins        = ["http://localhost:3000", "http://127.0.0.1:3000"]
memory_size            = 1024
log_retention_days     = 14
application_log_level  = "DEBUG"
throttling_rate_limit  = 20
throttling_burst_limit = 40
deletion_protection    = false
alarms_enabled         = false
# reserved_concurrency is left unset (null): a new account's limit of 10 concurrent executions allows no reservation.
local_sign_in_urls = ["http://localhost:3000/"]
