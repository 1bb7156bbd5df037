variable "name" {
  type        = string
  description = "The table's name, carrying project and environment so environments can share an account."
}

variable "partition_key" {
  type = object({
    name = string
    type = string
  })
  description = "The partition key: attribute name and type (S, N or B)."
}

variable "sort_key" {
  type = object({
    name = string
    type = string
  })
  default     = null
  description = "The sort key, or null for a table with a partition key only."
}

variable "global_secondary_indexes" {
  type = list(object({
    name          = string
    partition_key = object({ name = string, type = string })
    sort_key      = optional(object({ name = string, type = string }))
    projection    = string
  }))
  default     = []
  description = "Global secondary indexes: name, keys and projection type (ALL, KEYS_ONLY or INCLUDE)."
}

variable "time_to_live_attribute" {
  type        = string
  default     = null
  description = "The attribute holding each item's expiry in epoch seconds, or null for no time to live."
}

variable "deletion_protection" {
  type        = bool
  description = "Whether the table refuses to be deleted (on in prod)."
}

variable "kms_key_arn" {
  type        = string
  default     = null
  description = "A customer managed KMS key for encryption at rest; null uses the AWS managed key for DynamoDB."
}

variable "tags" {
  type        = map(string)
  default     = {}
  description = "Tags for the table."
}
