# The gateway's own credentials (docs/configuration.md, "Credentials"): the S3 key pair and the OAP
# write token. Generated here so none is ever written into a tfvars file; they are in the Terraform
# state, so keep the state encrypted (an S3 backend with encryption, or TFC/OpenTofu state encryption).
resource "random_password" "gateway" {
  for_each = toset(local.secret_keys)

  # An access key id is sent in every request and may not hold '/', ',', '=' or ':'.
  length  = each.key == "CAIRN_ACCESS_KEY" ? 20 : 40
  special = false
}

resource "aws_secretsmanager_secret" "gateway" {
  #checkov:skip=CKV2_AWS_57:Automatic rotation needs a rotation Lambda that knows the gateway; rotate by adding a pair in s3.credentials, moving clients, then replacing this secret (docs/configuration.md).
  name                    = "${var.name}/gateway-credentials"
  description             = "Cairn gateway S3 key pair and OAP write token (JSON, one key per CAIRN_* variable)."
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = 7
}

resource "aws_secretsmanager_secret_version" "gateway" {
  secret_id     = aws_secretsmanager_secret.gateway.id
  secret_string = jsonencode({ for k, p in random_password.gateway : k => p.result })
}
