variable "name" {
  type        = string
  description = "The user pool's name, carrying project and environment so environments can share an account."
}

variable "domain_prefix" {
  type        = string
  description = "The managed login domain's prefix: https://<prefix>.auth.<region>.amazoncognito.com. Unique in the region across all AWS accounts."

  validation {
    condition     = can(regex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", var.domain_prefix)) && !can(regex("aws|amazon|cognito", var.domain_prefix))
    error_message = "domain_prefix is 1 to 63 lower-case letters, digits and inner hyphens, and may not contain aws, amazon or cognito."
  }
}

variable "deletion_protection" {
  type        = bool
  description = "Whether the user pool, and with it every person's account, refuses to be deleted (on in prod)."
}

variable "mfa_required" {
  type        = bool
  description = "Whether every person signs in with an authenticator app (TOTP) besides the password: managed login has each one set it up at their next sign-in. When false, MFA is optional, and managed login never offers it: only someone who set it up through Cognito's API has it, so in practice nobody does."
}

variable "callback_urls" {
  type        = list(string)
  description = "Where the managed login may send the page back with an authorization code: the site's root on each of its origins (site_origins, each + \"/\"), the page's redirect_uri whatever path it was opened under, and in dev http://localhost ones."

  validation {
    condition     = length(var.callback_urls) > 0 && alltrue([for url in var.callback_urls : can(regex("^(https://|http://localhost(:[0-9]+)?/)", url))])
    error_message = "callback_urls needs at least one URL; each is https://, or http://localhost for development (Cognito refuses other http URLs)."
  }
}

variable "logout_urls" {
  type        = list(string)
  description = "Where the managed login may send the page after signing out."

  validation {
    condition     = alltrue([for url in var.logout_urls : can(regex("^(https://|http://localhost(:[0-9]+)?/)", url))])
    error_message = "Each logout URL is https://, or http://localhost for development."
  }
}

variable "id_token_validity_minutes" {
  type        = number
  default     = 60
  description = "How long an ID token (what the API accepts) stays valid; the page keeps no refresh token, so after that it asks the person to sign in again through the managed login."

  validation {
    condition     = var.id_token_validity_minutes >= 5 && var.id_token_validity_minutes <= 1440
    error_message = "Cognito accepts 5 minutes to 1 day."
  }
}

variable "refresh_token_validity_minutes" {
  type        = number
  default     = 60
  description = "How long the refresh tokens Cognito issues with every sign-in stay valid. The page discards them and make token never uses one, so the default is Cognito's shortest: a refresh token caught on its way to the page is worth no more than the ID token beside it."

  validation {
    condition     = var.refresh_token_validity_minutes >= 60 && var.refresh_token_validity_minutes <= 5256000
    error_message = "Cognito accepts 60 minutes to 10 years (5256000 minutes)."
  }

  # Cognito refuses an app client whose ID tokens outlive its refresh tokens, which the apply would meet only then.
  validation {
    condition     = var.refresh_token_validity_minutes >= var.id_token_validity_minutes
    error_message = "refresh_token_validity_minutes must be at least id_token_validity_minutes: Cognito refuses ID tokens that outlive the refresh token."
  }
}

variable "tags" {
  type        = map(string)
  default     = {}
  description = "Tags for every resource that takes them."
}
