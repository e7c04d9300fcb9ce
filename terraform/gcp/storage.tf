resource "google_storage_bucket" "data" {
  #checkov:skip=CKV_GCP_62:Usage/storage logs need a second, log-only bucket the operator owns; Cloud Audit Logs (data access) are the alternative. Left to the operator (README, "Checkov skips").
  name                        = var.bucket_name
  project                     = var.project
  location                    = coalesce(var.bucket_location, var.region)
  force_destroy               = var.force_destroy_bucket
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  labels                      = var.labels

  versioning {
    enabled = var.bucket_versioning
  }

  dynamic "encryption" {
    for_each = var.kms_key_name == null ? [] : [var.kms_key_name]
    content {
      default_kms_key_name = encryption.value
    }
  }

  lifecycle_rule {
    condition {
      age = var.abort_multipart_days
    }
    action {
      type = "AbortIncompleteMultipartUpload"
    }
  }

  dynamic "lifecycle_rule" {
    for_each = var.bucket_versioning ? [var.noncurrent_version_days] : []
    content {
      condition {
        days_since_noncurrent_time = lifecycle_rule.value
        with_state                 = "ARCHIVED"
      }
      action {
        type = "Delete"
      }
    }
  }
}
