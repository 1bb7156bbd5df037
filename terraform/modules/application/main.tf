data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  # The one definition of tables, functions and routes; the Lambda package and the local stack read the same file.
  api = jsondecode(file("${path.module}/api.json"))

  prefix     = "${var.project}-${var.environment}"
  stage_name = var.environment
  region     = data.aws_region.current.region
  tags       = merge(var.tags, { project = var.project, environment = var.environment })

  tables    = { for table in local.api.tables : table.name => table }
  functions = { for function in local.api.functions : function.name => function }

  # The values of each seed variable named in api.json (a table's seed says which variable lists its items).
  seed_variables = { counters = var.counters }
  seed_items = merge([for table in local.api.tables : {
    for value in local.seed_variables[table.seed.variable] : "${table.name}/${value}" => {
      table = table.name
      key   = table.partitionKey.name
      item  = merge({ (table.partitionKey.name) = { S = value } }, table.seed.attributes)
    }
  } if try(table.seed, null) != null]...)

  # Computed from names, not read from the functions, so the API and the site exist before the functions that
  # need the site's URL for CORS.
  function_names = { for name, function in local.functions : name => "${local.prefix}-${name}" }
}

resource "random_password" "cursor_signing_key" {
  length  = 48
  special = false
}

module "table" {
  source   = "../table"
  for_each = local.tables

  name                   = "${local.prefix}-${each.key}"
  partition_key          = each.value.partitionKey
  sort_key               = try(each.value.sortKey, null)
  time_to_live_attribute = try(each.value.timeToLiveAttribute, null)
  global_secondary_indexes = [for index in try(each.value.globalSecondaryIndexes, []) : {
    name          = index.name
    partition_key = index.partitionKey
    sort_key      = try(index.sortKey, null)
    projection    = try(index.projection, "ALL")
  }]
  deletion_protection = var.deletion_protection
  tags                = local.tags
}

resource "aws_dynamodb_table_item" "seed" {
  for_each = local.seed_items

  table_name = module.table[each.value.table].name
  hash_key   = each.value.key
  item       = jsonencode(each.value.item)

  # Seeds set the starting state only: visits change the items, and an apply must never reset them.
  lifecycle {
    ignore_changes = [item]
  }
}

module "function" {
  source   = "../function"
  for_each = local.functions

  name                  = local.function_names[each.key]
  description           = "${each.key}: ${join(", ", [for route in local.api.routes : "${route.method} ${route.path}" if route.function == each.key])}"
  handler               = each.value.handler
  package_file          = var.package_file
  memory_size           = var.memory_size
  timeout               = var.function_timeout
  reserved_concurrency  = var.reserved_concurrency
  log_retention_days    = var.log_retention_days
  application_log_level = var.application_log_level
  alias_name            = var.alias_name
  table_arn             = module.table[each.value.table].arn
  table_actions         = each.value.tableActions
  index_arns            = values(module.table[each.value.table].index_arns)
  index_actions         = each.value.indexActions
  alarms_enabled        = var.alarms_enabled
  alarm_actions         = aws_sns_topic.alarms[*].arn
  tags                  = local.tags

  environment = {
    (local.tables[each.value.table].nameVariable) = module.table[each.value.table].name
    ALLOWED_ORIGINS                               = join(",", distinct(compact(concat(module.site.origins, var.allowed_origins))))
    CURSOR_SIGNING_KEY                            = random_password.cursor_signing_key.result
    # The Service dimension of the function's metrics, the one the observability module's dashboard and alarms read.
    METRICS_SERVICE = local.prefix
    # No JAVA_TOOL_OPTIONS: the java21 runtime already runs C1 only, and with it set the JVM prints "Picked up
    # JAVA_TOOL_OPTIONS: ..." on standard error whenever it starts (a version's snapshot init, an on-demand start).
  }
}
