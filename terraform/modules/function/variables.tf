variable "name" {
  type        = string
  description = "The function's name on AWS: {project}-{environment}-{function}. Also names its role and log group."
}

variable "description" {
  type        = string
  default     = ""
  description = "What the function serves."
}

variable "handler" {
  type        = string
  description = "The handler, package.Class::method."
}

variable "package_file" {
  type        = string
  description = "Path of the Lambda package (the shaded jar every function shares)."
}

variable "environment" {
  type        = map(string)
  sensitive   = true
  description = "Environment variables of the function (holds the cursor signing key, hence sensitive)."
}

variable "memory_size" {
  type        = number
  description = "Memory in MB; CPU grows with it."
}

variable "timeout" {
  type        = number
  description = "Timeout in seconds; below API Gateway's 29 s integration limit, so the function, not the gateway, answers."

  validation {
    condition     = var.timeout >= 1 && var.timeout < 29
    error_message = "The timeout must be between 1 and 28 seconds: API Gateway gives up after 29."
  }
}

variable "reserved_concurrency" {
  type        = number
  default     = null
  description = "Concurrent executions reserved for (and capping) the function; null (the default) reserves none, so the function draws on the account's unreserved pool. The account must keep its minimum unreserved (100, or all of a new account's 10), which make doctor checks."

  validation {
    condition     = var.reserved_concurrency == null ? true : var.reserved_concurrency >= 1
    error_message = "Reserve at least one concurrent execution, or null for none: 0 would disable the function."
  }
}

variable "log_retention_days" {
  type        = number
  description = "How long the function's logs are kept, in days."
}

variable "application_log_level" {
  type        = string
  default     = "INFO"
  description = "The lowest level of the function's own log lines Lambda keeps (logging_config, JSON format): TRACE, DEBUG or INFO. Every request's line is INFO, a 5xx's lines ERROR; the EMF metric lines have no level, which Lambda takes as INFO, so WARN or above would drop them."

  validation {
    condition     = contains(["TRACE", "DEBUG", "INFO"], var.application_log_level)
    error_message = "application_log_level is TRACE, DEBUG or INFO: Lambda files the metrics' EMF lines, which carry no level, as INFO, so WARN or above would drop every metric and silence the alarms."
  }
}

variable "table_arn" {
  type        = string
  description = "The ARN of the function's own table."
}

variable "table_actions" {
  type        = list(string)
  description = "The DynamoDB actions the function performs on its table (api.json tableActions)."
}

variable "index_arns" {
  type        = list(string)
  default     = []
  description = "The ARNs of its table's indexes."
}

variable "index_actions" {
  type        = list(string)
  default     = []
  description = "The DynamoDB actions the function performs on its table's indexes (api.json indexActions)."
}

variable "alias_name" {
  type        = string
  default     = "live"
  description = "The alias API Gateway invokes; it points at the newest published version."
}

variable "alarms_enabled" {
  type        = bool
  description = "Whether to alarm on the function's errors and throttles."
}

variable "alarm_actions" {
  type        = list(string)
  default     = []
  description = "ARNs notified when an alarm changes state (for instance an SNS topic)."
}

variable "tags" {
  type        = map(string)
  default     = {}
  description = "Tags for every resource of the function."
}
