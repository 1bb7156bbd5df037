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
  description = "The API base URL written to config.json. Null (the default) writes an empty one, which the page reads as its own origin, whichever of its names it was opened under: it reaches the API through the path behaviours with no CORS; set it only when the page must call the API elsewhere (that origin must then be allowed by the API's CORS configuration and by the CSP's connect-src)."
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

  validation {
    condition     = var.content_security_policy == null || strcontains(coalesce(var.content_security_policy, "-"), "connect-src 'self'")
    error_message = "content_security_policy must hold connect-src 'self', to which connect_sources (the sign-in's token endpoint) are added; without it the page cannot sign in."
  }
}

variable "domain_names" {
  description = "The page's own domain names (CloudFront alternate domain names), such as [\"chirps.example.com\"], all covered by certificate_arn; the first is the site's URL. Empty (the default): the distribution's *.cloudfront.net name on CloudFront's default certificate, whose security policy cannot be chosen and lets viewers connect with TLS 1.0."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for name in var.domain_names : can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$", name))])
    error_message = "Each of site_domain_names (the site module's domain_names) is a lower-case host name such as chirps.example.com: no scheme, port, path, wildcard or trailing dot."
  }

  validation {
    condition     = length(distinct(var.domain_names)) == length(var.domain_names)
    error_message = "Each of site_domain_names (the site module's domain_names) is listed once."
  }
}

variable "certificate_arn" {
  description = "ARN of the ACM certificate covering every one of domain_names, requested or imported in us-east-1 (the only region CloudFront takes certificates from) and issued before the apply. With it viewers must use TLS 1.2 or later (security policy TLSv1.2_2021, SNI only). Null (the default) without domain_names."
  type        = string
  default     = null

  validation {
    condition     = var.certificate_arn == null || can(regex("^arn:aws[a-z-]*:acm:us-east-1:[0-9]{12}:certificate/[0-9a-f-]+$", var.certificate_arn))
    error_message = "site_certificate_arn (the site module's certificate_arn) is an ACM certificate in us-east-1, such as arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-...: CloudFront takes certificates from no other region, whatever region the rest is in."
  }

  validation {
    condition     = (var.certificate_arn == null) == (length(var.domain_names) == 0)
    error_message = "Set site_domain_names and site_certificate_arn (the site module's domain_names and certificate_arn) together: CloudFront serves its own domain names only on a certificate covering them, and a certificate only for domain names of its own."
  }
}
