locals {
  # Every key attribute of the table and of its indexes, declared once each.
  key_attributes = merge(
    { (var.partition_key.name) = var.partition_key.type },
    var.sort_key == null ? {} : { (var.sort_key.name) = var.sort_key.type },
    merge([for index in var.global_secondary_indexes : merge(
      { (index.partition_key.name) = index.partition_key.type },
      index.sort_key == null ? {} : { (index.sort_key.name) = index.sort_key.type },
    )]...),
  )
}

resource "aws_dynamodb_table" "this" {
  name                        = var.name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = var.partition_key.name
  range_key                   = var.sort_key == null ? null : var.sort_key.name
  deletion_protection_enabled = var.deletion_protection
  tags                        = var.tags

  dynamic "attribute" {
    for_each = local.key_attributes
    content {
      name = attribute.key
      type = attribute.value
    }
  }

  dynamic "global_secondary_index" {
    for_each = { for index in var.global_secondary_indexes : index.name => index }
    content {
      name            = global_secondary_index.key
      hash_key        = global_secondary_index.value.partition_key.name
      range_key       = global_secondary_index.value.sort_key == null ? null : global_secondary_index.value.sort_key.name
      projection_type = global_secondary_index.value.projection
    }
  }

  dynamic "ttl" {
    for_each = var.time_to_live_attribute == null ? [] : [var.time_to_live_attribute]
    content {
      attribute_name = ttl.value
      enabled        = true
    }
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn
  }
}
