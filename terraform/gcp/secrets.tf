# The gateway's own credentials (docs/configuration.md, "Credentials"). Generated here so none is ever
# written into a tfvars file; they are in the Terraform state, so keep the state encrypted (a GCS
# backend with CMEK, or OpenTofu state encryption).
resource "random_password" "gateway" {
  for_each = toset(local.secret_keys)

  # An access key id is sent in every request and may not hold '/', ',', '=' or ':'.
  length  = each.key == "CAIRN_ACCESS_KEY" ? 20 : 40
  special = false
}

resource "google_secret_manager_secret" "gateway" {
  for_each = toset(local.secret_keys)

  project   = var.project
  secret_id = "${var.name}-${lower(replace(each.key, "_", "-"))}"
  labels    = var.labels

  replication {
    auto {}
  }
}

resource "google_secret_manager_secret_version" "gateway" {
  for_each = google_secret_manager_secret.gateway

  secret      = each.value.id
  secret_data = random_password.gateway[each.key].result
}
