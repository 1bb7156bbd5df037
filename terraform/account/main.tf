# Settings that belong to the whole AWS account and region rather than to one environment. Apply this root once per
# account and region, before any environment (README, "Deploy"); destroying an environment never touches it.

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      project    = var.project
      managed-by = "terraform"
    }
  }
}

data "aws_partition" "current" {}

data "aws_iam_policy_document" "api_gateway_assume_role" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["apigateway.amazonaws.com"]
    }
  }
}

# API Gateway writes every stage's access and execution logs through this one role per account and region; a stage
# whose logging is on cannot be created or updated while it is unset.
resource "aws_iam_role" "api_gateway_logs" {
  name               = "${var.project}-api-gateway-logs-${var.region}"
  description        = "Lets API Gateway write access and execution logs in ${var.region}."
  assume_role_policy = data.aws_iam_policy_document.api_gateway_assume_role.json
}

resource "aws_iam_role_policy_attachment" "api_gateway_logs" {
  role       = aws_iam_role.api_gateway_logs.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"
}

# Provider 6.x resets the account's logging role when this resource is destroyed, which is why it lives here.
resource "aws_api_gateway_account" "this" {
  cloudwatch_role_arn = aws_iam_role.api_gateway_logs.arn

  depends_on = [aws_iam_role_policy_attachment.api_gateway_logs]
}
