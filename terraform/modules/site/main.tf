# The chirp page on AWS: its files in a private S3 bucket that only this distribution can read (origin access
# control), and the REST API behind the same distribution on the API's paths, so the page calls its own origin and
# needs no CORS.

locals {
  bucket_origin_id = "page"
  api_origin_id    = "api"
  # Every https origin the page is served on: its own domain names where it has them (the first is its URL), else
  # the distribution's *.cloudfront.net name.
  origins = length(var.domain_names) > 0 ? [for name in var.domain_names : "https://${name}"] : ["https://${aws_cloudfront_distribution.this.domain_name}"]
  # Empty: the page's own origin, whichever of its names it was opened under, so it reaches the API through the path
  # behaviours of that same name, with no CORS, and within a CSP of connect-src 'self'.
  api_base_url = var.api_base_url == null ? "" : var.api_base_url
  # The page's security headers, which the local stack also sends, so the browser tests run the page under them.
  security_headers = jsondecode(file("${path.module}/security-headers.json"))
  # The sign-in's token endpoint is on another origin: the page may fetch from it, and from nowhere else.
  content_security_policy = replace(
    coalesce(var.content_security_policy, local.security_headers.contentSecurityPolicy),
    "connect-src 'self'",
    join(" ", concat(["connect-src 'self'"], var.connect_sources)),
  )

  content_types = {
    html        = "text/html; charset=utf-8"
    css         = "text/css; charset=utf-8"
    js          = "text/javascript; charset=utf-8"
    mjs         = "text/javascript; charset=utf-8"
    json        = "application/json; charset=utf-8"
    svg         = "image/svg+xml"
    png         = "image/png"
    ico         = "image/x-icon"
    txt         = "text/plain; charset=utf-8"
    webmanifest = "application/manifest+json"
  }

  # CloudFront's default certificate (*.cloudfront.net) takes no security policy of ours: it has TLSv1 only, so viewers
  # may connect with TLS 1.0. The page's own domain names, on their ACM certificate, take TLS 1.2 at least; SNI only,
  # as AWS recommends (a dedicated IP, "vip", costs extra and only serves clients that send no SNI).
  viewer_certificate = var.certificate_arn == null ? {
    cloudfront_default_certificate = true
    acm_certificate_arn            = null
    ssl_support_method             = null
    minimum_protocol_version       = "TLSv1"
    } : {
    cloudfront_default_certificate = false
    acm_certificate_arn            = var.certificate_arn
    ssl_support_method             = "sni-only"
    minimum_protocol_version       = "TLSv1.2_2021"
  }

  # config.json is generated below with the API's URL; a copy in the folder must not overwrite it.
  page_files = setsubtract(fileset(var.page_directory, "**"), ["config.json"])
}

resource "aws_s3_bucket" "this" {
  bucket_prefix = "${var.name}-site-"
  tags          = var.tags
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket = aws_s3_bucket.this.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  # SSE-S3: CloudFront's origin access control reads it without a KMS key policy.
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

data "aws_iam_policy_document" "bucket" {
  statement {
    sid       = "OnlyThisDistributionReads"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.this.arn}/*"]

    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "AWS:SourceArn"
      values   = [aws_cloudfront_distribution.this.arn]
    }
  }

  statement {
    sid       = "TlsOnly"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "this" {
  bucket = aws_s3_bucket.this.id
  policy = data.aws_iam_policy_document.bucket.json

  # With public access blocked first, there is never a moment when a policy mistake could make the bucket public.
  depends_on = [aws_s3_bucket_public_access_block.this]
}

# no-cache: browsers and CloudFront revalidate each file (a 304 by ETag when unchanged), so after a deploy no browser
# runs a new app.js against an old api.js or auth.js, whose unversioned module imports would then fail to link.
resource "aws_s3_object" "page" {
  for_each = local.page_files

  bucket        = aws_s3_bucket.this.id
  key           = each.value
  source        = "${var.page_directory}/${each.value}"
  source_hash   = filemd5("${var.page_directory}/${each.value}")
  content_type  = lookup(local.content_types, lower(reverse(split(".", each.value))[0]), "application/octet-stream")
  cache_control = "no-cache"
  tags          = var.tags

  depends_on = [aws_s3_bucket_ownership_controls.this, aws_s3_bucket_server_side_encryption_configuration.this]
}

resource "aws_s3_object" "config" {
  bucket        = aws_s3_bucket.this.id
  key           = "config.json"
  content       = jsonencode(merge(var.page_config, { apiBaseUrl = local.api_base_url }))
  content_type  = local.content_types.json
  cache_control = "no-cache"
  tags          = var.tags

  depends_on = [aws_s3_bucket_ownership_controls.this, aws_s3_bucket_server_side_encryption_configuration.this]
}

resource "aws_cloudfront_origin_access_control" "this" {
  name                              = "${var.name}-site"
  description                       = "CloudFront reads the ${var.name} page bucket, signing every request."
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

data "aws_cloudfront_cache_policy" "caching_optimized" {
  name = "Managed-CachingOptimized"
}

data "aws_cloudfront_cache_policy" "caching_disabled" {
  name = "Managed-CachingDisabled"
}

# Everything the viewer sent (query string, Origin, Content-Type, If-Match, Idempotency-Key, Authorization...) except
# Host, which must be the API's own host for API Gateway to accept the request. Authorization may be forwarded by an
# origin request policy only because these behaviours do not cache (CachingDisabled); a cached one would have to key on it.
data "aws_cloudfront_origin_request_policy" "all_viewer_except_host" {
  name = "Managed-AllViewerExceptHostHeader"
}

resource "aws_cloudfront_response_headers_policy" "this" {
  name    = "${var.name}-site-security"
  comment = "Security headers for the ${var.name} page and API."

  security_headers_config {
    content_type_options {
      override = true
    }

    frame_options {
      frame_option = local.security_headers.frameOptions
      override     = true
    }

    referrer_policy {
      referrer_policy = local.security_headers.referrerPolicy
      override        = true
    }

    # The site's own names only: with includeSubDomains, a site name at a zone's apex (example.com) would make every
    # name of that zone HTTPS-only in the browsers of each visitor for two years, a decision for the zone's owner.
    strict_transport_security {
      access_control_max_age_sec = 63072000
      include_subdomains         = false
      preload                    = false
      override                   = true
    }

    content_security_policy {
      content_security_policy = local.content_security_policy
      override                = true
    }
  }
}

resource "aws_cloudfront_distribution" "this" {
  comment             = "${var.name}: the chirp page, and the API on its paths"
  enabled             = true
  is_ipv6_enabled     = true
  http_version        = "http2and3"
  price_class         = var.price_class
  default_root_object = "index.html"
  tags                = var.tags

  origin {
    origin_id                = local.bucket_origin_id
    domain_name              = aws_s3_bucket.this.bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.this.id
  }

  origin {
    origin_id   = local.api_origin_id
    domain_name = var.api_domain_name
    origin_path = "/${var.api_stage_name}"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id           = local.bucket_origin_id
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD", "OPTIONS"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = data.aws_cloudfront_cache_policy.caching_optimized.id
    response_headers_policy_id = aws_cloudfront_response_headers_policy.this.id
  }

  dynamic "ordered_cache_behavior" {
    for_each = var.api_path_patterns

    content {
      path_pattern               = ordered_cache_behavior.value
      target_origin_id           = local.api_origin_id
      viewer_protocol_policy     = "redirect-to-https"
      allowed_methods            = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
      cached_methods             = ["GET", "HEAD"]
      compress                   = true
      cache_policy_id            = data.aws_cloudfront_cache_policy.caching_disabled.id
      origin_request_policy_id   = data.aws_cloudfront_origin_request_policy.all_viewer_except_host.id
      response_headers_policy_id = aws_cloudfront_response_headers_policy.this.id
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  aliases = var.domain_names

  viewer_certificate {
    cloudfront_default_certificate = local.viewer_certificate.cloudfront_default_certificate
    acm_certificate_arn            = local.viewer_certificate.acm_certificate_arn
    ssl_support_method             = local.viewer_certificate.ssl_support_method
    minimum_protocol_version       = local.viewer_certificate.minimum_protocol_version
  }
}
