variable "project" {
  type        = string
  description = "The project's name, first part of every resource name."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}$", var.project))
    error_message = "Use 2 to 21 lowercase letters, digits or dashes, starting with a letter."
  }
}

variable "environment" {
  type        = string
  description = "The environment (dev, prod, ...): second part of every resource name and the API stage's name."

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,9}$", var.environment))
    error_message = "Use 2 to 10 lowercase letters or digits, starting with a letter."
  }

  # The site's bucket is named "<project>-<environment>-site-" plus 26 characters chosen by Terraform, within S3's 63.
  validation {
    condition     = length("${var.project}-${var.environment}") <= 31
    error_message = "project and environment together, with the dash between them, must be at most 31 characters: the site's bucket name must fit S3's 63."
  }
}

variable "package_file" {
  type        = string
  description = "Path of the Lambda package every function shares (make package builds it)."
}

variable "page_directory" {
  type        = string
  description = "Directory of the static page the site serves."
}

variable "counters" {
  type        = list(string)
  default     = ["cloud-resume"]
  description = "The hit counters to provision, each starting at 0; any other counter name is a 404."

  # The domain's CounterName pattern: a counter the API could never address must not be provisioned.
  validation {
    condition     = alltrue([for name in var.counters : can(regex("^[A-Za-z0-9_.-]{1,64}$", name))])
    error_message = "Every counter name is 1 to 64 characters of letters, digits, '_', '.' or '-'."
  }

  validation {
    condition     = length(distinct(var.counters)) == length(var.counters)
    error_message = "Each counter is listed once."
  }
}

variable "allowed_origins" {
  type        = list(string)
  default     = []
  description = "Origins allowed by CORS besides the site's own, e.g. [\"http://localhost:3000\"] in dev: scheme, lower-case host and optional port, as a browser sends Origin."

  # The functions compare the request's Origin with these exactly, so a trailing slash, a path or an upper-case host
  # would never match and that page would silently lose CORS.
  validation {
    condition     = alltrue([for origin in var.allowed_origins : can(regex("^https?://[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?$", origin))])
    error_message = "Each of allowed_origins is an origin as a browser sends it: http(s)://, a lower-case host, an optional :port, and nothing after it (no trailing slash or path)."
  }
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
  description = "Concurrent executions reserved for each function, or null (the default) for none. Reservations must leave the account its minimum unreserved (100, or all of a new account's 10): make doctor checks."
}

variable "alias_name" {
  type        = string
  default     = "live"
  description = "The alias of each function that API Gateway invokes."
}

variable "application_log_level" {
  type        = string
  default     = "INFO"
  description = "The lowest level of the functions' own log lines Lambda keeps: TRACE, DEBUG or INFO (every request's line is INFO, a 5xx's ERROR). Not WARN or above: the EMF metric lines count as INFO."

  validation {
    condition     = contains(["TRACE", "DEBUG", "INFO"], var.application_log_level)
    error_message = "application_log_level is TRACE, DEBUG or INFO: Lambda files the metrics' EMF lines, which carry no level, as INFO, so WARN or above would drop every metric and silence the alarms."
  }
}

variable "log_retention_days" {
  type        = number
  description = "Retention of every log group (functions, API access and execution logs), in days."
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
  description = "Whether tables refuse to be deleted."
}

variable "alarms_enabled" {
  type        = bool
  description = "Whether to create alarms (function errors and throttles, API 5xx rate, requests the stage throttled, each route's p99 latency at API Gateway, the site's 5xx rate) and their SNS topic (and one in us-east-1 for the site's, outside it)."
}

variable "alarm_emails" {
  type        = list(string)
  default     = []
  description = "Addresses subscribed to the alarm topic (each must confirm by email); at least one where alarms are on."

  validation {
    condition     = !var.alarms_enabled || length(var.alarm_emails) > 0
    error_message = "alarms_enabled is true but alarm_emails is empty, so no one would hear an alarm: add at least one address."
  }

  validation {
    condition     = alltrue([for email in var.alarm_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", email))])
    error_message = "Every entry of alarm_emails must be an email address."
  }
}

variable "site_alarms_enabled" {
  type        = bool
  default     = true
  description = "Where alarms_enabled: whether the site's 5xx share (CloudFront's, the page's files and the API's paths) alarms too, with the API's thresholds. CloudFront's metrics are in us-east-1 alone, so the alarm is there, and outside us-east-1 so are its topic and key. False where an organization's policy (an SCP) keeps the account out of us-east-1."
}

variable "api_5xx_rate_threshold" {
  type        = number
  default     = 0.01
  description = "The share of requests answered with a 5xx (0 to 1) above which the API alarms."
}

variable "api_5xx_rate_min_requests" {
  type        = number
  default     = 20
  description = "The fewest requests in 5 minutes for the API's 5xx share to count: below it, api_5xx_quiet_errors 5xx answers alarm whatever their share."

  validation {
    condition     = var.api_5xx_rate_min_requests >= 1 && floor(var.api_5xx_rate_min_requests) == var.api_5xx_rate_min_requests
    error_message = "A whole number of requests, at least 1."
  }
}

variable "api_5xx_quiet_errors" {
  type        = number
  default     = 5
  description = "The fewest 5xx answers in 5 minutes for the API's 5xx share to alarm (twice in a row); with fewer than api_5xx_rate_min_requests requests, that many alarm whatever the share. A period in which every request failed alarms with fewer: API Gateway's own 5xx, made before any function runs, reach no per-function alarm."

  validation {
    condition     = var.api_5xx_quiet_errors >= 1 && floor(var.api_5xx_quiet_errors) == var.api_5xx_quiet_errors
    error_message = "A whole number of 5xx answers, at least 1."
  }

  # In 5 minutes of fewer requests than the floor, as many 5xx answers as the floor never come: the count would be
  # switched off without a word. A floor of 1 leaves no quiet periods to count.
  validation {
    condition     = var.api_5xx_rate_min_requests == 1 || var.api_5xx_quiet_errors < var.api_5xx_rate_min_requests
    error_message = "api_5xx_quiet_errors must be fewer than api_5xx_rate_min_requests, or it can never alarm."
  }
}

variable "api_latency_allowance_ms" {
  type        = number
  default     = 1000
  description = "What API Gateway may add, in milliseconds, to a function's own p99 latency threshold before a route's p99 alarms: the Cognito authorizer, the invoke and a SnapStart restore, which the function's own latency does not see."

  validation {
    condition     = var.api_latency_allowance_ms >= 0 && floor(var.api_latency_allowance_ms) == var.api_latency_allowance_ms
    error_message = "A whole number of milliseconds, 0 or more."
  }
}

variable "user_pool_arn" {
  type        = string
  description = "The Cognito user pool (modules/identity) whose ID tokens the API's authorizer accepts on signed-in routes."

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:[0-9]{12}:userpool/[a-z0-9-]+_[A-Za-z0-9]+$", var.user_pool_arn))
    error_message = "user_pool_arn is a user pool's ARN, such as arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123."
  }
}

variable "page_client_id" {
  type        = string
  description = "The page's app client: the only aud the authorizer accepts, so tokens the pool issues to other clients are refused."

  validation {
    condition     = can(regex("^[a-z0-9]{1,128}$", var.page_client_id))
    error_message = "page_client_id is an app client id: lower-case letters and digits."
  }
}

variable "sign_in" {
  type = object({
    issuer    = string
    login_url = string
  })
  description = "Where the page signs in: the pool's issuer (iss of its tokens) and its managed login domain (modules/identity outputs), written to the page's config.json."
}

variable "tags" {
  type        = map(string)
  default     = {}
  description = "Tags for every resource."
}

variable "site_domain_names" {
  type        = list(string)
  default     = []
  description = "The page's own domain names, such as [\"chirps.example.com\"], covered by site_certificate_arn; the first is the site's URL. Empty (the default): the CloudFront distribution's *.cloudfront.net name, on CloudFront's default certificate, which lets viewers connect with TLS 1.0 (modules/site, README)."
}

variable "site_certificate_arn" {
  type        = string
  default     = null
  description = "ACM certificate in us-east-1 covering every one of site_domain_names (CloudFront takes certificates from no other region); with it, viewers need TLS 1.2 or later. Null (the default) without site_domain_names."
}

variable "api_custom_domain_name" {
  type        = string
  default     = null
  description = "A domain name of your own for the REST API, such as api.example.com: a regional custom domain whose security policy is TLS_1_2 (whether API Gateway enforces it depends on the API's own policy, which provider 6.25.0 cannot set: see README), the stage mapped at its root, so routes are at the root, e.g. https://api.example.com/chirp. Null (the default): none; API clients use the stage's execute-api URL, on the API's own security policy, and the page reaches the API through CloudFront either way."

  validation {
    condition     = var.api_custom_domain_name == null || can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$", var.api_custom_domain_name))
    error_message = "api_custom_domain_name is a lower-case host name such as api.example.com: no scheme, port, path, wildcard or trailing dot."
  }

  validation {
    condition     = !contains(var.site_domain_names, coalesce(var.api_custom_domain_name, " "))
    error_message = "api_custom_domain_name is one of site_domain_names: a name's DNS record points at CloudFront or at API Gateway, not both (the page already reaches the API on its own names)."
  }
}

variable "api_certificate_arn" {
  type        = string
  default     = null
  description = "ACM certificate covering api_custom_domain_name, in the region of the API (a regional custom domain takes its certificate from its own region) and issued before the apply. Null (the default) without api_custom_domain_name."

  validation {
    condition     = var.api_certificate_arn == null || can(regex("^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9a-f-]+$", var.api_certificate_arn))
    error_message = "api_certificate_arn is an ACM certificate's ARN, such as arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-..."
  }

  validation {
    condition     = (var.api_certificate_arn == null) == (var.api_custom_domain_name == null)
    error_message = "Set api_custom_domain_name and api_certificate_arn together: the custom domain is served on that certificate, and the certificate is used for nothing else."
  }
}
