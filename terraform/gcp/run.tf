resource "google_cloud_run_v2_service" "gateway" {
  name                = var.name
  project             = var.project
  location            = var.region
  ingress             = var.ingress
  deletion_protection = var.deletion_protection
  labels              = var.labels

  template {
    service_account                  = google_service_account.gateway.email
    max_instance_request_concurrency = var.concurrency
    # Uploads stream through one request; allow large ones time to finish.
    timeout = "3600s"

    scaling {
      min_instance_count = var.min_instances
      max_instance_count = var.max_instances
    }

    containers {
      image = var.image

      ports {
        container_port = local.container_port
      }

      resources {
        limits = {
          cpu    = var.cpu
          memory = var.memory
        }
        cpu_idle = false
      }

      dynamic "env" {
        for_each = local.environment
        content {
          name  = env.key
          value = env.value
        }
      }

      # Never plain env: each secret is read from Secret Manager at instance start.
      dynamic "env" {
        for_each = google_secret_manager_secret.gateway
        content {
          name = env.key
          value_source {
            secret_key_ref {
              secret  = env.value.secret_id
              version = "latest"
            }
          }
        }
      }

      startup_probe {
        http_get {
          path = "/readyz"
        }
        initial_delay_seconds = 5
        period_seconds        = 5
        failure_threshold     = 24
      }

      liveness_probe {
        http_get {
          path = "/healthz"
        }
        period_seconds    = 15
        failure_threshold = 3
      }
    }
  }

  depends_on = [
    google_secret_manager_secret_iam_member.gateway,
    google_secret_manager_secret_version.gateway,
    google_storage_bucket_iam_member.gateway_objects,
  ]
}
