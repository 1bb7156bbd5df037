locals {
  # The site (CloudFront) forwards every API path to the stage, so the page calls the API on its own origin.
  api_path_patterns = distinct(flatten([for path in local.paths : [
    "/${split("/", trimprefix(path, "/"))[0]}",
    "/${split("/", trimprefix(path, "/"))[0]}/*",
  ]]))
}

module "site" {
  source = "../site"

  name              = local.prefix
  page_directory    = var.page_directory
  api_domain_name   = "${aws_api_gateway_rest_api.this.id}.execute-api.${local.region}.${data.aws_partition.current.dns_suffix}"
  api_stage_name    = local.stage_name
  api_path_patterns = local.api_path_patterns
  page_config = {
    issuer                = var.sign_in.issuer
    authorizationEndpoint = "${var.sign_in.login_url}/oauth2/authorize"
    tokenEndpoint         = "${var.sign_in.login_url}/oauth2/token"
    logoutEndpoint        = "${var.sign_in.login_url}/logout"
    clientId              = var.page_client_id
  }
  connect_sources = [var.sign_in.login_url]
  domain_names    = var.site_domain_names
  certificate_arn = var.site_certificate_arn
  tags            = local.tags
}
