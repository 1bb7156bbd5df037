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

  # Routes the stage's API key guards: destructive ones (the contract's DELETE /users). Absent routes guard nothing.
  api_key_routes = ["DELETE /users"]

  # Each resource path in the order of its first route, answered for other methods (405 with Allow) and CORS
  # preflights by the function of that first route: the local emulator applies the same rule (ApiSpec).
  paths             = distinct([for route in local.api.routes : route.path])
  fallback_function = { for path in local.paths : path => [for route in local.api.routes : route.function if route.path == path][0] }

  # Computed from names, not read from the functions, so the API and the site exist before the functions that
  # need the site's URL for CORS.
  function_names = { for name, function in local.functions : name => "${local.prefix}-${name}" }
  alias_invoke_arns = { for name, function_name in local.function_names : name => join("", [
    "arn:${data.aws_partition.current.partition}:apigateway:${local.region}:lambda:path/2015-03-31/functions/",
    "arn:${data.aws_partition.current.partition}:lambda:${local.region}:${data.aws_caller_identity.current.account_id}:function:${function_name}:${var.alias_name}/invocations",
  ]) }

  integration = { for name, uri in local.alias_invoke_arns : name => {
    type                = "aws_proxy"
    httpMethod          = "POST"
    uri                 = uri
    passthroughBehavior = "when_no_match"
    timeoutInMillis     = 29000
  } }

  # API Gateway's own answers (no route, missing API key, throttled, too large, default 4XX and 5XX) carry CORS headers
  # too, so a page on an allowed origin can read them. A gateway response cannot test the origin against a list, so it
  # echoes the request's Origin: that reveals nothing, since these bodies are generic errors holding no one's data and
  # credentials are never allowed. The functions' own answers keep the exact allow list (ALLOWED_ORIGINS).
  gateway_response_headers = {
    "gatewayresponse.header.Content-Type"                = "'application/problem+json'"
    "gatewayresponse.header.Access-Control-Allow-Origin" = "method.request.header.Origin"
    "gatewayresponse.header.Vary"                        = "'Origin'"
    "gatewayresponse.header.Cache-Control"               = "'no-store'"
  }
  gateway_responses = {
    MISSING_AUTHENTICATION_TOKEN = { status = 404, title = "Not Found", detail = "No route matches this method and path." }
    RESOURCE_NOT_FOUND           = { status = 404, title = "Not Found", detail = "No route matches this method and path." }
    INVALID_API_KEY              = { status = 403, title = "Forbidden", detail = "This route needs the stage's API key in x-api-key." }
    THROTTLED                    = { status = 429, title = "Too Many Requests", detail = "Slow down and retry later." }
    REQUEST_TOO_LARGE            = { status = 413, title = "Content Too Large", detail = "The request body is over the limit." }
  }

  openapi = {
    openapi = "3.0.1"
    info = {
      title   = local.prefix
      version = "1.0"
    }
    "x-amazon-apigateway-api-key-source" = "HEADER"
    "x-amazon-apigateway-request-validators" = {
      parameters = { validateRequestParameters = true, validateRequestBody = false }
    }
    "x-amazon-apigateway-request-validator" = "parameters"
    "x-amazon-apigateway-gateway-responses" = merge(
      { for type, response in local.gateway_responses : type => {
        statusCode         = tostring(response.status)
        responseParameters = local.gateway_response_headers
        responseTemplates = { "application/json" = jsonencode({
          type = "about:blank", title = response.title, status = response.status, detail = response.detail
        }) }
      } },
      { for type in ["DEFAULT_4XX", "DEFAULT_5XX"] : type => {
        responseParameters = local.gateway_response_headers
        # $context.error.messageString is already a quoted JSON string; a 5xx carries the request id.
        responseTemplates = { "application/json" = "{\"type\":\"about:blank\",\"title\":$context.error.messageString,\"requestId\":\"$context.requestId\"}" }
      } },
    )
    components = {
      securitySchemes = {
        api_key = { type = "apiKey", name = "x-api-key", in = "header" }
      }
    }
    paths = { for path in local.paths : path => merge(
      { for route in local.api.routes : lower(route.method) => merge(
        {
          parameters                        = [for name in regexall("\\{([^}]+)\\}", path) : { name = name[0], in = "path", required = true, schema = { type = "string" } }]
          "x-amazon-apigateway-integration" = local.integration[route.function]
        },
        { for guarded in [contains(local.api_key_routes, "${route.method} ${route.path}")] : "security" => [{ api_key = [] }] if guarded },
      ) if route.path == path },
      {
        options                          = { "x-amazon-apigateway-integration" = local.integration[local.fallback_function[path]] }
        "x-amazon-apigateway-any-method" = { "x-amazon-apigateway-integration" = local.integration[local.fallback_function[path]] }
      },
    ) }
  }

  # Who may invoke which alias: each route, and each path's fallback for any method; `{param}` segments become `*`.
  invocations = merge(
    { for route in local.api.routes : "${route.method} ${route.path}" => {
      function = route.function
      method   = route.method
      path     = route.path
    } },
    { for path, function in local.fallback_function : "ANY ${path}" => {
      function = function
      method   = "*"
      path     = path
    } },
  )

  # The site (CloudFront) forwards every API path to the stage, so the page calls the API on its own origin.
  api_path_patterns = distinct(flatten([for path in local.paths : [
    "/${split("/", trimprefix(path, "/"))[0]}",
    "/${split("/", trimprefix(path, "/"))[0]}/*",
  ]]))
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

  name                 = local.function_names[each.key]
  description          = "${each.key}: ${join(", ", [for route in local.api.routes : "${route.method} ${route.path}" if route.function == each.key])}"
  handler              = each.value.handler
  package_file         = var.package_file
  memory_size          = var.memory_size
  timeout              = var.function_timeout
  reserved_concurrency = var.reserved_concurrency
  log_retention_days   = var.log_retention_days
  alias_name           = var.alias_name
  table_arn            = module.table[each.value.table].arn
  table_actions        = each.value.tableActions
  index_arns           = values(module.table[each.value.table].index_arns)
  index_actions        = each.value.indexActions
  alarms_enabled       = var.alarms_enabled
  alarm_actions        = aws_sns_topic.alarms[*].arn
  tags                 = local.tags

  environment = {
    (local.tables[each.value.table].nameVariable) = module.table[each.value.table].name
    ALLOWED_ORIGINS                               = join(",", distinct(compact(concat([module.site.url], var.allowed_origins))))
    CURSOR_SIGNING_KEY                            = random_password.cursor_signing_key.result
    # C1 only: a Lambda invocation is too short to profit from C2, and startup is what callers wait for.
    JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
  }
}
