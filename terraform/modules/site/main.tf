# STUB, replaced at merge by the site engineer's module (S3 bucket + CloudFront); only the interface is real here.
locals {
  url = ""
}
