output "url" {
  description = "HTTPS URL of the Cloud Run service (Cloud Run serves TLS only)."
  value       = google_cloud_run_v2_service.gateway.uri
}

output "bucket" {
  description = "Name of the GCS bucket that holds the gateway's data."
  value       = google_storage_bucket.data.name
}

output "service_account_email" {
  description = "Service account of the gateway (object user on the bucket only)."
  value       = google_service_account.gateway.email
}

output "secret_ids" {
  description = "Secret Manager secret ids by variable (CAIRN_ACCESS_KEY, CAIRN_SECRET_KEY, CAIRN_OAP_WRITE_TOKEN)."
  value       = { for k, s in google_secret_manager_secret.gateway : k => s.secret_id }
}
