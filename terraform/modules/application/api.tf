locals {
  # One text for the REST API's description and the body's info.description (see local.openapi for why both).
  api_description = "The chirps, users, hit counters and customers APIs (${var.environment})."

  # The routes api.json marks signed-in go through API Gateway's Cognito user pool authorizer: it verifies the ID
  # token (signature, issuer, expiry, token use) and, by identityValidationExpression, that its aud is the page's app
  # client; the function reads the verified claims. Public routes have no authorizer and their functions see no claims,
  # even when a token is sent. Admin rights are membership of the pool's group admins, decided by the domain; they
  # replaced the stage's API key on DELETE /users (see docs/api-decisions.md, "Who may do what").
  signed_in_routes = [for route in local.api.routes : "${route.method} ${route.path}" if route.caller == "signed-in"]

  # Each resource path in the order of its first route, answered for other methods (405 with Allow) and CORS
  # preflights by the function of that first route: the local emulator applies the same rule (ApiSpec).
  paths             = distinct([for route in local.api.routes : route.path])
  fallback_function = { for path in local.paths : path => [for route in local.api.routes : route.function if route.path == path][0] }

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

  # What every operation of a path declares, the routes' and the fallback's (options, x-amazon-apigateway-any-method)
  # alike, since API Gateway's importer turns each into a method and fail_on_warnings fails the apply on any warning:
  # - responses: OpenAPI 3.0 requires it on every operation, and the importer reports its absence in swagger-parser's
  #   words: "Parse issue: attribute paths.'/x'(get).responses is missing". A Lambda proxy integration passes the
  #   function's answer through whatever its status, so the one method response says so and maps nothing; its key is
  #   "200", as in the provider's own example, since API Gateway keys method responses by HTTP status code.
  # - parameters: each {name} of a templated path as a required path parameter. swagger-parser warns "Declared path
  #   parameter id needs to be defined as a path parameter in path or operation level" when an operation lacks it,
  #   and API Gateway's own x-amazon-apigateway-any-method example declares it on the operation, so every operation
  #   declares it there rather than once on the path item.
  operation = { for path in local.paths : path => {
    parameters = [for name in regexall("\\{([^}]+)\\}", path) : { name = name[0], in = "path", required = true, schema = { type = "string" } }]
    responses  = { "200" = { description = "The function's answer, passed through unchanged (Lambda proxy integration): any status, headers and body." } }
  } }

  # API Gateway's own answers (no route, refused sign-in, throttled, default 4XX and 5XX) carry CORS headers too, so a
  # page on an allowed origin can read them. A gateway response cannot test the origin against a list, so it
  # echoes the request's Origin: that reveals nothing, since these bodies are generic errors holding no one's data and
  # credentials are never allowed. The functions' own answers keep the exact allow list (ALLOWED_ORIGINS).
  gateway_response_headers = {
    "gatewayresponse.header.Content-Type"                = "'application/problem+json'"
    "gatewayresponse.header.Access-Control-Allow-Origin" = "method.request.header.Origin"
    "gatewayresponse.header.Vary"                        = "'Origin'"
    "gatewayresponse.header.Cache-Control"               = "'no-store'"
    "gatewayresponse.header.X-Content-Type-Options"      = "'nosniff'"
  }
  gateway_responses = {
    MISSING_AUTHENTICATION_TOKEN = { status = 404, title = "Not Found", detail = "No route matches this method and path.", headers = {} }
    RESOURCE_NOT_FOUND           = { status = 404, title = "Not Found", detail = "No route matches this method and path.", headers = {} }
    # The authorizer refused the token (none, malformed, forged, expired, another client's or issuer's): RFC 6750.
    UNAUTHORIZED  = { status = 401, title = "Unauthorized", detail = "Sign in: send a valid ID token of this API's user pool as 'Authorization: Bearer <token>'.", headers = { "gatewayresponse.header.WWW-Authenticate" = "'Bearer'" } }
    ACCESS_DENIED = { status = 403, title = "Forbidden", detail = "This sign-in may not do this.", headers = {} }
    # Over the stage's throttling limits (API Gateway's token bucket, refilled at throttling_rate_limit a second): a
    # gateway response cannot compute a wait, so Retry-After (RFC 9110) is a constant, the bucket's one-second refill,
    # as on the functions' own 503; exposed, so a page on an allowed origin can read it.
    THROTTLED = { status = 429, title = "Too Many Requests", detail = "Slow down and retry later.", headers = {
      "gatewayresponse.header.Retry-After"                   = "'1'"
      "gatewayresponse.header.Access-Control-Expose-Headers" = "'Retry-After'"
    } }
    # The other 4xx API Gateway documents for what this API uses (a request validator, bodies, a web ACL), each with its
    # one documented status, so the problem document can say it; the fallbacks below cannot.
    BAD_REQUEST_PARAMETERS = { status = 400, title = "Bad Request", detail = "A parameter this route needs is missing or invalid.", headers = {} }
    BAD_REQUEST_BODY       = { status = 400, title = "Bad Request", detail = "The body is not valid for this route.", headers = {} }
    UNSUPPORTED_MEDIA_TYPE = { status = 415, title = "Unsupported Media Type", detail = "Send the body as application/json.", headers = {} }
    WAF_FILTERED           = { status = 403, title = "Forbidden", detail = "The API's web application firewall blocked this request.", headers = {} }
    # No REQUEST_TOO_LARGE: API Gateway's developer guide (known issues) says its 413 REQUEST_TOO_LARGE default gateway
    # response cannot be customised; API Gateway accepts the setting and ignores it, so an entry here would promise a
    # problem body and CORS headers that a request over 10 MB never gets. The functions' own 413 (over 64 KiB) has both.
  }

  openapi = {
    openapi = "3.0.1"
    # title and description as the REST API resource sets them: aws_api_gateway_rest_api_put always puts in overwrite
    # mode, which resets what the body leaves out, so a body without the description would clear it on every put and
    # the next plan would set it back (and the provider reports a title other than the API's name as a difference).
    info = {
      title       = local.prefix
      description = local.api_description
      version     = "1.0"
    }
    "x-amazon-apigateway-request-validators" = {
      parameters = { validateRequestParameters = true, validateRequestBody = false }
    }
    "x-amazon-apigateway-request-validator" = "parameters"
    "x-amazon-apigateway-gateway-responses" = merge(
      { for type, response in local.gateway_responses : type => {
        statusCode         = tostring(response.status)
        responseParameters = merge(local.gateway_response_headers, response.headers)
        responseTemplates = { "application/json" = jsonencode({
          type = "about:blank", title = response.title, status = response.status, detail = response.detail
        }) }
      } },
      # The fallbacks, for every other type. A template cannot read the status, and a fixed one would set it for every
      # type it covers (the 5xx among them: API Gateway picks 500, 502 or 504 by cause), so these documents have no
      # status member (RFC 9457 makes it advisory): API Gateway's message as title and detail, and the request id.
      { for type in ["DEFAULT_4XX", "DEFAULT_5XX"] : type => {
        responseParameters = local.gateway_response_headers
        # $context.error.messageString is already a quoted JSON string.
        responseTemplates = { "application/json" = "{\"type\":\"about:blank\",\"title\":$context.error.messageString,\"detail\":$context.error.messageString,\"requestId\":\"$context.requestId\"}" }
      } },
    )
    components = {
      securitySchemes = {
        cognito = {
          type                           = "apiKey"
          name                           = "Authorization"
          in                             = "header"
          "x-amazon-apigateway-authtype" = "cognito_user_pools"
          "x-amazon-apigateway-authorizer" = {
            type                         = "cognito_user_pools"
            providerARNs                 = [var.user_pool_arn]
            identityValidationExpression = "^${var.page_client_id}$"
          }
        }
      }
    }
    paths = { for path in local.paths : path => merge(
      { for route in local.api.routes : lower(route.method) => merge(
        local.operation[path],
        { "x-amazon-apigateway-integration" = local.integration[route.function] },
        { for signed_in in [contains(local.signed_in_routes, "${route.method} ${route.path}")] : "security" => [{ cognito = [] }] if signed_in },
      ) if route.path == path },
      {
        options                          = merge(local.operation[path], { "x-amazon-apigateway-integration" = local.integration[local.fallback_function[path]] })
        "x-amazon-apigateway-any-method" = merge(local.operation[path], { "x-amazon-apigateway-integration" = local.integration[local.fallback_function[path]] })
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
}

# The API itself, without its routes: the site's CloudFront needs its id, the page's app client needs the site's URL,
# and the routes' authorizer needs the app client's id, so the routes are put into it separately (below).
resource "aws_api_gateway_rest_api" "this" {
  name        = local.prefix
  description = local.api_description
  tags        = local.tags

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

# The routes, authorizer and gateway responses, generated from api.json, replacing whatever the API held before.
resource "aws_api_gateway_rest_api_put" "this" {
  rest_api_id      = aws_api_gateway_rest_api.this.id
  body             = jsonencode(local.openapi)
  fail_on_warnings = true

  triggers = {
    redeployment = sha256(jsonencode(local.openapi))
  }
}

resource "aws_api_gateway_deployment" "this" {
  rest_api_id = aws_api_gateway_rest_api.this.id

  triggers = {
    redeployment = aws_api_gateway_rest_api_put.this.triggers.redeployment
  }

  # A deployment whose integrations name aliases that do not exist yet would answer 500 until they do.
  depends_on = [module.function, aws_api_gateway_rest_api_put.this]

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_cloudwatch_log_group" "api_access" {
  name              = "/aws/apigateway/${local.prefix}/access"
  retention_in_days = var.log_retention_days
  tags              = local.tags
}

# API Gateway writes execution logs here by this fixed name; created first so they are kept only as long as the rest.
resource "aws_cloudwatch_log_group" "api_execution" {
  name              = "API-Gateway-Execution-Logs_${aws_api_gateway_rest_api.this.id}/${local.stage_name}"
  retention_in_days = var.log_retention_days
  tags              = local.tags
}

resource "aws_api_gateway_stage" "this" {
  rest_api_id          = aws_api_gateway_rest_api.this.id
  deployment_id        = aws_api_gateway_deployment.this.id
  stage_name           = local.stage_name
  xray_tracing_enabled = true
  tags                 = local.tags

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format = jsonencode({
      requestId          = "$context.requestId"
      extendedRequestId  = "$context.extendedRequestId"
      requestTime        = "$context.requestTime"
      httpMethod         = "$context.httpMethod"
      resourcePath       = "$context.resourcePath"
      path               = "$context.path"
      status             = "$context.status"
      responseLength     = "$context.responseLength"
      responseLatency    = "$context.responseLatency"
      integrationLatency = "$context.integrationLatency"
      integrationStatus  = "$context.integration.status"
      # The invocation's own request id (Lambda's platform lines, the function's requestId): a 5xx API Gateway made
      # itself, after a timeout or a crash, has no function line carrying the API's id, and this leads to Lambda's.
      lambdaRequestId = "$context.integration.requestId"
      # Lambda's own answer to the invoke, not the function's: 429 when Lambda throttled it. A throttle and a failing
      # function both reach the client through INTEGRATION_FAILURE (500 and 502), which no gateway response can tell
      # apart (docs/api-decisions.md), so this and the integration's error are where they differ.
      lambdaStatus     = "$context.integration.integrationStatus"
      integrationError = "$context.integration.error"
      errorMessage     = "$context.error.message"
      errorType        = "$context.error.responseType"
      sourceIp         = "$context.identity.sourceIp"
      userAgent        = "$context.identity.userAgent"
      xrayTraceId      = "$context.xrayTraceId"
      apiKeyId         = "$context.identity.apiKeyId"
    })
  }

  # Access and execution logs need API Gateway's account-wide logging role, set by terraform/account (make doctor checks).
  depends_on = [aws_cloudwatch_log_group.api_execution]
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.this.stage_name
  method_path = "*/*"

  settings {
    metrics_enabled        = true
    logging_level          = "ERROR"
    data_trace_enabled     = false
    throttling_rate_limit  = var.throttling_rate_limit
    throttling_burst_limit = var.throttling_burst_limit
  }
}

# The API on a domain name of its own, where one is given, with the security policy TLS_1_2. The stage's execute-api
# host negotiates with the API's own policy (TLS_1_0 for a regional API), which provider 6.25.0 cannot set; and AWS's
# guide says a call through a custom domain is negotiated with the API's policy too, so whether this domain refuses
# TLS 1.0 is for the README's check to tell (modules/application, "Custom domains and TLS"). Regional, like the
# API: an edge-optimized domain would put a CloudFront distribution of API Gateway's own in front of it. No DNS record
# is made here: the name is pointed at regional_domain_name where its zone is managed (output dns_records). No
# ownership_verification_certificate_arn: API Gateway asks for it only with mutual TLS on an imported or private CA
# certificate, and this domain has no mutual TLS.
resource "aws_api_gateway_domain_name" "this" {
  count = var.api_custom_domain_name == null ? 0 : 1

  domain_name              = var.api_custom_domain_name
  regional_certificate_arn = var.api_certificate_arn
  security_policy          = "TLS_1_2"
  tags                     = local.tags

  endpoint_configuration {
    types = ["REGIONAL"]
  }

  lifecycle {
    precondition {
      condition     = split(":", var.api_certificate_arn)[3] == local.region
      error_message = "api_certificate_arn must be a certificate of the API's own region, ${local.region}: a regional custom domain takes its certificate from no other."
    }
  }
}

# The stage at the domain's root. stage_name is read from the stage resource, not local.stage_name, so the mapping is
# made only once the stage exists: API Gateway refuses a mapping to a stage not yet created ("Invalid stage
# identifier specified").
resource "aws_api_gateway_base_path_mapping" "this" {
  count = length(aws_api_gateway_domain_name.this)

  api_id      = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.this.stage_name
  domain_name = aws_api_gateway_domain_name.this[0].domain_name
}

# Lambda accepts calls only from this API's stage, for the method and path of a route (ANY for a path's fallback).
resource "aws_lambda_permission" "api" {
  for_each = local.invocations

  statement_id  = "api-${substr(sha256(each.key), 0, 16)}"
  action        = "lambda:InvokeFunction"
  principal     = "apigateway.amazonaws.com"
  function_name = module.function[each.value.function].function_name
  qualifier     = module.function[each.value.function].alias_name
  source_arn    = "${aws_api_gateway_rest_api.this.execution_arn}/${aws_api_gateway_stage.this.stage_name}/${each.value.method}/${replace(trimprefix(each.value.path, "/"), "/\\{[^}]+\\}/", "*")}"
}

# The API key that guarded DELETE /users until sign-in came: admins (the group of the user pool) replaced it. A state
# that still holds them destroys them, which is the point: a shared key names nobody and cannot be taken from one person.
# API Gateway's account-wide logging role moved to terraform/account: a state that still holds it forgets it here
# instead of destroying it (which would reset logging for every API of the account and region).
removed {
  from = aws_api_gateway_account.this

  lifecycle {
    destroy = false
  }
}

removed {
  from = aws_iam_role_policy_attachment.api_gateway_logs

  lifecycle {
    destroy = false
  }
}

removed {
  from = aws_iam_role.api_gateway_logs

  lifecycle {
    destroy = false
  }
}
