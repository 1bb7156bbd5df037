# The people who can sign in, one user pool per environment. Nobody signs themselves up: an operator creates each
# person (`make user`), because the username is the person's handle and must fit the chirp userId rule, which Cognito's
# own username rule (any letters, marks, symbols, digits and punctuation) does not enforce.

locals {
  admins_group = "admins"
}

data "aws_region" "current" {}

resource "aws_cognito_user_pool" "this" {
  name                = var.name
  deletion_protection = var.deletion_protection ? "ACTIVE" : "INACTIVE"
  # Essentials (10,000 monthly active users free) serves managed login version 2; Lite has only the classic hosted UI.
  user_pool_tier = "ESSENTIALS"

  # The username is the handle (cognito:username in every token). Case-insensitive, so "Ada" cannot sign up beside
  # "ada" and pass for her; Cognito keeps the case it was created with, and that is the handle.
  username_configuration {
    case_sensitive = false
  }

  admin_create_user_config {
    allow_admin_create_user_only = true
  }

  password_policy {
    minimum_length                   = 12
    require_lowercase                = true
    require_uppercase                = true
    require_numbers                  = true
    require_symbols                  = false
    temporary_password_validity_days = 3
  }

  # MFA with an authenticator app (TOTP): no SMS, so no SNS role and no per-message cost. Optional MFA is not offered by
  # managed login (it prompts for set-up only where MFA is required), so an environment that wants it requires it.
  mfa_configuration = var.mfa_required ? "ON" : "OPTIONAL"
  software_token_mfa_configuration {
    enabled = true
  }

  auto_verified_attributes = ["email"]
  # A person who changes their own address (UpdateUserAttributes, with an access token from SRP sign-in) keeps the
  # verified one for sign-in and recovery until the new one is confirmed by the code sent to it.
  user_attribute_update_settings {
    attributes_require_verification_before_update = ["email"]
  }
  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_email"
      priority = 1
    }
  }

  # Cognito's own mail: enough for password resets of a small team (a daily quota applies; see README).
  email_configuration {
    email_sending_account = "COGNITO_DEFAULT"
  }

  tags = var.tags
}

resource "aws_cognito_user_group" "admins" {
  name         = local.admins_group
  user_pool_id = aws_cognito_user_pool.this.id
  description  = "May list and search every profile, delete all profiles, read, replace and delete anyone's profile, and register customers."
  precedence   = 0
}

resource "aws_cognito_user_pool_domain" "this" {
  domain                = var.domain_prefix
  user_pool_id          = aws_cognito_user_pool.this.id
  managed_login_version = 2
}

# The page: a public client in the browser, so no secret; the authorization code flow, with PKCE sent by the page so
# that a code intercepted on its way back is useless; ID tokens for the API.
resource "aws_cognito_user_pool_client" "page" {
  name         = "${var.name}-page"
  user_pool_id = aws_cognito_user_pool.this.id

  generate_secret                      = false
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid", "email"]
  supported_identity_providers         = ["COGNITO"]
  callback_urls                        = var.callback_urls
  logout_urls                          = var.logout_urls

  # SRP for sign-in without sending the password; admin password auth needs IAM credentials
  # (cognito-idp:AdminInitiateAuth), which only operators have: `make token` uses it, no browser can.
  explicit_auth_flows = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH"]

  prevent_user_existence_errors = "ENABLED"
  enable_token_revocation       = true

  id_token_validity      = var.id_token_validity_minutes
  access_token_validity  = var.id_token_validity_minutes
  refresh_token_validity = var.refresh_token_validity_minutes
  token_validity_units {
    id_token      = "minutes"
    access_token  = "minutes"
    refresh_token = "minutes"
  }
}

# Managed login version 2 shows a page only for clients with a branding style; Cognito's default style is enough.
resource "aws_cognito_managed_login_branding" "page" {
  user_pool_id                = aws_cognito_user_pool.this.id
  client_id                   = aws_cognito_user_pool_client.page.id
  use_cognito_provided_values = true
}
