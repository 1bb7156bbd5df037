terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.25"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.7"
    }
  }

  # State of prod only, locked by a lock file next to it (no DynamoDB lock table). The bucket and its region are
  # given at init: terraform init -backend-config=backend.hcl (copy backend.hcl.example; make deploy does this).
  backend "s3" {
    key          = "serverless-apis/prod/terraform.tfstate"
    use_lockfile = true
    encrypt      = true
  }
}
