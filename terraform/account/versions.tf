terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "6.25.0"
    }
  }

  # State of the account settings only, beside the environments' states in the same bucket.
  backend "s3" {
    key          = "serverless-apis/account/terraform.tfstate"
    use_lockfile = true
    encrypt      = true
  }
}
