locals {
  container_port = 8080

  # Plain settings only; secrets come from Secret Manager (run.tf, secret_key_ref).
  environment = merge(
    {
      CAIRN_BACKEND     = "gcs"
      CAIRN_GCS_BUCKET  = google_storage_bucket.data.name
      CAIRN_GCS_PREFIX  = var.bucket_prefix
      CAIRN_GCS_PROJECT = var.project
      CAIRN_HTTP_PORT   = tostring(local.container_port)
      # Scratch space for spooling; every credential comes from Secret Manager, so nothing is generated into it.
      CAIRN_DATA_DIR = "/tmp/cairn"
    },
    var.extra_environment,
  )

  # One Secret Manager secret per variable: Cloud Run maps a whole secret version to one env var.
  secret_keys = ["CAIRN_ACCESS_KEY", "CAIRN_SECRET_KEY", "CAIRN_OAP_WRITE_TOKEN"]
}
