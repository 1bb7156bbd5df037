variable "name" {
  description = "Prefix of every resource name, \"<project>-<environment>\" (at most 31 characters, so the bucket prefix fits S3's limit)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{0,30}$", var.name))
    error_message = "name must be 1 to 31 lowercase letters, digits or hyphens, starting with a letter or digit (it prefixes the bucket name)."
  }
}

variable "page_directory" {
  description = "Path of the folder holding the page's files (lambdas/page); every file in it is uploaded, config.json is generated."
  type        = string
}

variable "api_domain_name" {
  description = "Host of the REST API's execute-api endpoint, such as abc123.execute-api.eu-west-1.amazonaws.com (no scheme, no path)."
  type        = string
}

variable "api_stage_name" {
  description = "Stage of the REST API that the distribution forwards API paths to; it becomes the API origin's path, /<stage>."
  type        = string
}

variable "api_path_patterns" {
  description = "CloudFront path patterns served by the API rather than the bucket, such as [\"/chirp\", \"/chirp/*\", \"/counters/*\"]. Never cached."
  type        = list(string)

  validation {
    condition     = length(var.api_path_patterns) > 0 && alltrue([for pattern in var.api_path_patterns : startswith(pattern, "/")])
    error_message = "api_path_patterns needs at least one pattern, and every pattern starts with \"/\"."
  }
}

variable "tags" {
  description = "Tags for every resource of the module that takes tags."
  type        = map(string)
  default     = {}
}

variable "api_base_url" {
  description = "The API base URL written to config.json. Null (the default) means the distribution's own https origin, which reaches the API through the path behaviours with no CORS; set it only when the page must call the API elsewhere (that origin must then be allowed by the API's CORS configuration)."
  type        = string
  default     = null
}

variable "page_config" {
  description = "More settings for the page's config.json beside apiBaseUrl: where and as which app client it signs in (issuer, authorizationEndpoint, tokenEndpoint, logoutEndpoint, clientId)."
  type        = map(string)
  default     = {}
}

variable "connect_sources" {
  description = "Origins besides the page's own that the page may fetch from (the sign-in's token endpoint), added to connect-src of the Content-Security-Policy."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for source in var.connect_sources : can(regex("^https://[^/\\s;']+$", source))])
    error_message = "Each connect source is an https origin without a path, such as https://example.auth.eu-west-1.amazoncognito.com."
  }
}

variable "price_class" {
  description = "CloudFront price class: PriceClass_100 (North America and Europe, cheapest), PriceClass_200 or PriceClass_All."
  type        = string
  default     = "PriceClass_100"

  validation {
    condition     = contains(["PriceClass_100", "PriceClass_200", "PriceClass_All"], var.price_class)
    error_message = "price_class must be PriceClass_100, PriceClass_200 or PriceClass_All."
  }
}

variable "content_security_policy" {
  description = "Content-Security-Policy sent with every response instead of security-headers.json's, which the local stack and its browser tests use and which allows only the page's own origin (it also serves the API). connect_sources are added to its connect-src 'self'."
  type        = string
  default     = null
}
