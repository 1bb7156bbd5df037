variable "region" {
  type        = string
  description = "The region whose API Gateway account settings this root manages (the region of the environments)."
}

variable "project" {
  type        = string
  default     = "serverless-apis"
  description = "The project's name, first part of the logging role's name."
}
