terraform {
  required_version = ">= 1.10"

  # Exact versions: the AWS provider is the one tfcheck's schema describes (6.25.0); several later 6.x releases
  # reject a global secondary index with a hash key only (email-index). Change them together, after a test apply.
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "6.25.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "3.7.2"
    }
  }

  # State of dev only, locked by a lock file next to it (no DynamoDB lock table). The bucket and its region are
  # given at init: terraform init -backend-config=backend.hcl (copy backend.hcl.example; make deploy does this).
  backend "s3" {
    key          = "serverless-apis/dev/terraform.tfstate"
    use_lockfile = true
    encrypt      = true
  }
}
