variable "name" {
  type        = string
  description = "Prefix of the site's resource names: {project}-{environment}."
}

variable "page_directory" {
  type        = string
  description = "Directory of the static page to upload."
}

variable "api_domain_name" {
  type        = string
  description = "Domain name of the REST API (the CloudFront origin for the API's paths)."
}

variable "api_stage_name" {
  type        = string
  description = "The API stage the API's paths are forwarded to."
}

variable "api_path_patterns" {
  type        = list(string)
  description = "Path patterns CloudFront forwards to the API."
}

variable "tags" {
  type        = map(string)
  default     = {}
  description = "Tags for every resource."
}
