# The gateway's identity: no project-wide role at all, only the grants below.
resource "google_service_account" "gateway" {
  project      = var.project
  account_id   = "${var.name}-gateway"
  display_name = "Cairn gateway (${var.name})"
}

# Objects in the one bucket. roles/storage.objectUser holds storage.objects.{create,delete,get,list,update},
# everything the GCS store calls (docs/backends.md#gcs); unlike roles/storage.objectAdmin it cannot change
# object ACLs or IAM.
resource "google_storage_bucket_iam_member" "gateway_objects" {
  bucket = google_storage_bucket.data.name
  role   = "roles/storage.objectUser"
  member = "serviceAccount:${google_service_account.gateway.email}"
}

resource "google_secret_manager_secret_iam_member" "gateway" {
  for_each = google_secret_manager_secret.gateway

  project   = var.project
  secret_id = each.value.secret_id
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.gateway.email}"
}

resource "google_cloud_run_v2_service_iam_member" "public" {
  count = var.allow_unauthenticated ? 1 : 0

  project  = var.project
  location = google_cloud_run_v2_service.gateway.location
  name     = google_cloud_run_v2_service.gateway.name
  role     = "roles/run.invoker"
  member   = "allUsers"
}

resource "google_cloud_run_v2_service_iam_member" "invokers" {
  for_each = var.allow_unauthenticated ? toset([]) : toset(var.invokers)

  project  = var.project
  location = google_cloud_run_v2_service.gateway.location
  name     = google_cloud_run_v2_service.gateway.name
  role     = "roles/run.invoker"
  member   = each.value
}
