variable "service" {
  type        = string
  description = "The deployment's name, {project}-{environment}: the value of the Service dimension the functions publish under (their METRICS_SERVICE setting), and the prefix of the dashboard, alarm and query names."

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,64}$", var.service))
    error_message = "Use 1 to 64 letters, digits, dashes or underscores, as the functions accept for the Service dimension."
  }
}

variable "functions" {
  type        = list(string)
  description = "The functions' names in api.json (the Function dimension's values), e.g. keys(local.functions) of the application module."

  validation {
    condition     = length(var.functions) > 0 && alltrue([for name in var.functions : can(regex("^[A-Za-z0-9_-]{1,64}$", name))])
    error_message = "List at least one function, each by its api.json name."
  }
}

variable "access_log_group_name" {
  type        = string
  description = "The stage's access log group, which the one-request-by-id and recent-failures queries and the failures widget read too: its line of a request carries the API's requestId and Lambda's lambdaRequestId, also where API Gateway answered without a function's line, and names the gateway response of a 5xx API Gateway made itself."
}

variable "log_group_names" {
  type        = list(string)
  description = "The functions' log groups, which the saved Logs Insights queries and the failures widget read."

  validation {
    condition     = length(var.log_group_names) > 0
    error_message = "List at least one log group."
  }
}

variable "api_name" {
  type        = string
  description = "The REST API's name, the ApiName dimension of API Gateway's own metrics."
}

variable "stage_name" {
  type        = string
  description = "The API stage's name, the Stage dimension of API Gateway's own metrics."
}

variable "alarms_enabled" {
  type        = bool
  description = "Whether to create the alarms (per-function 5xx and p99 latency, DynamoDB throttles)."
}

variable "alarm_topic_arn" {
  type        = string
  default     = null
  description = "The SNS topic the alarms notify, on alarm and when they recover; null for none (the alarms still show on the dashboard)."
}

variable "other_alarm_arns" {
  type        = list(string)
  default     = []
  description = "The deployment's alarms made elsewhere (Lambda's Errors and Throttles per function, the API's 5xx rate, requests the stage throttled), shown on the dashboard's alarm widget beside this module's own, so that it is never green while one of them is red."
}

variable "function_5xx_threshold" {
  type        = number
  default     = 5
  description = "How many 5xx answers of one function within 5 minutes wake someone."
}

variable "latency_p99_threshold_ms" {
  type        = number
  default     = 3000
  description = "The p99 latency of one function, in milliseconds, above which it alarms when it stays there for 15 minutes."
}

variable "latency_p99_threshold_ms_by_function" {
  type        = map(number)
  default     = {}
  description = "Per function name, a p99 latency threshold in milliseconds in place of latency_p99_threshold_ms, for a function slow by design (one that works for a time budget on each call)."
}

variable "dynamodb_throttle_threshold" {
  type        = number
  default     = 0
  description = "DynamoDB calls still throttled after the SDK's retries (each a 503 to a client), and transaction attempts cancelled for throttling (which the adapter tries again), within 5 minutes above which, two periods in a row, it alarms."
}

variable "tags" {
  type        = map(string)
  default     = {}
  description = "Tags for the alarms (dashboards and query definitions take none)."
}
