variable "region" {
  type        = string
  description = "The AWS region of every resource."
}

variable "project" {
  type        = string
  default     = "serverless-apis"
  description = "The project's name, first part of every resource name."
}

variable "environment" {
  type        = string
  description = "The environment's name, second part of every resource name and the API stage's name."
}

variable "counters" {
  type        = list(string)
  default     = ["cloud-resume"]
  description = "The hit counters to provision, each starting at 0."
}

variable "allowed_origins" {
  type        = list(string)
  default     = []
  description = "Origins allowed by CORS besides the site's own."
}

variable "memory_size" {
  type        = number
  description = "Memory of every function, in MB."
}

variable "function_timeout" {
  type        = number
  default     = 10
  description = "Timeout of every function in seconds (under API Gateway's 29 s)."
}

variable "reserved_concurrency" {
  type        = number
  default     = null
  description = "Concurrent executions reserved for each function, or null (the default) for none; make doctor checks the account's limit."
}

variable "application_log_level" {
  type        = string
  description = "The lowest level of the functions' own log lines Lambda keeps (TRACE, DEBUG or INFO; WARN or above would drop the EMF metric lines, which Lambda files as INFO); INFO keeps a line per request."
}

variable "log_retention_days" {
  type        = number
  description = "Retention of every log group, in days."
}

variable "throttling_rate_limit" {
  type        = number
  description = "The stage's steady request rate limit, requests per second."
}

variable "throttling_burst_limit" {
  type        = number
  description = "The stage's burst limit, requests."
}

variable "deletion_protection" {
  type        = bool
  description = "Whether tables and the user pool (every person's account) refuse to be deleted."
}

variable "mfa_required" {
  type        = bool
  description = "Whether every person signs in with an authenticator app besides the password (managed login has each set it up at their next sign-in; make token then asks for a code). Off, nobody is offered MFA."
}

variable "sign_in_domain_prefix" {
  type        = string
  default     = null
  description = "The managed login domain's prefix (unique in the region across all AWS accounts); null for <project>-<environment>-<account id>."
}

variable "local_sign_in_urls" {
  type        = list(string)
  default     = []
  description = "Extra callback and sign-out URLs of the page's app client, for a page served on localhost against this stage (dev only)."
}

variable "alarms_enabled" {
  type        = bool
  description = "Whether to create alarms (function errors and throttles, API 5xx rate)."
}

variable "site_alarms_enabled" {
  type        = bool
  default     = true
  description = "Where alarms_enabled: whether the site's 5xx share alarms too, in us-east-1 (where CloudFront's metrics are; outside it, with a topic there whose subscriptions each address confirms too). False where an organization's policy keeps the account out of us-east-1."
}

variable "alarm_emails" {
  type        = list(string)
  default     = []
  description = "Addresses that get the alarms (each confirms by email); at least one where alarms_enabled is true."
}

variable "site_domain_names" {
  type        = list(string)
  default     = []
  description = "The page's own domain names, such as [\"chirps.example.com\"], on site_certificate_arn: viewers then need TLS 1.2. Empty: the *.cloudfront.net name on CloudFront's default certificate, which allows TLS 1.0."
}

variable "site_certificate_arn" {
  type        = string
  default     = null
  description = "ACM certificate in us-east-1 covering every one of site_domain_names; null without them."
}

variable "api_custom_domain_name" {
  type        = string
  default     = null
  description = "A domain name of your own for the API, such as api.example.com, with the security policy TLS_1_2 (whether API Gateway enforces it: README, Deploy, step 3); null for none (the execute-api URL only)."
}

variable "api_certificate_arn" {
  type        = string
  default     = null
  description = "ACM certificate in this environment's region covering api_custom_domain_name; null without it."
}
