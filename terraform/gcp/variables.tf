variable "project" {
  description = "Google Cloud project id of every resource."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project))
    error_message = "project must be a project id (6-30 lower-case letters, digits or '-')."
  }
}

variable "region" {
  description = "Region of the Cloud Run service (and of the bucket unless bucket_location is set)."
  type        = string
}

variable "name" {
  description = "Name prefix of every resource (lower-case letters, digits and '-', at most 20 characters so the service account id fits)."
  type        = string
  default     = "cairn"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,19}$", var.name))
    error_message = "name must be 1-20 lower-case letters, digits or '-', starting with a letter."
  }
}

variable "image" {
  description = "Container image of the gateway, e.g. europe-west1-docker.pkg.dev/PROJECT/cairn/cairn:0.1.0 (pin a tag or digest, never latest)."
  type        = string

  validation {
    condition     = length(var.image) > 0 && !endswith(var.image, ":latest")
    error_message = "image must be set and must not use the mutable tag ':latest'."
  }
}

variable "min_instances" {
  description = "Fewest instances Cloud Run keeps warm (0 lets it scale to zero; the first request then waits for a JVM start)."
  type        = number
  default     = 1

  validation {
    condition     = var.min_instances >= 0
    error_message = "min_instances must not be negative."
  }
}

variable "max_instances" {
  description = "Most instances Cloud Run starts. The gateway is stateless (multipart sessions live in the bucket)."
  type        = number
  default     = 10

  validation {
    condition     = var.max_instances >= 1 && var.max_instances >= var.min_instances
    error_message = "max_instances must be at least 1 and not below min_instances."
  }
}

variable "cpu" {
  description = "CPU limit of one instance, e.g. \"1\", \"2\", \"4\"."
  type        = string
  default     = "2"
}

variable "memory" {
  description = "Memory limit of one instance, e.g. \"2Gi\"."
  type        = string
  default     = "2Gi"

  validation {
    condition     = can(regex("^[0-9]+(Mi|Gi)$", var.memory))
    error_message = "memory must be a size such as 512Mi or 2Gi."
  }
}

variable "concurrency" {
  description = "Requests one instance serves at once before Cloud Run routes to another."
  type        = number
  default     = 80

  validation {
    condition     = var.concurrency >= 1 && var.concurrency <= 1000
    error_message = "concurrency must be between 1 and 1000."
  }
}

variable "ingress" {
  description = "Who may reach the service: INGRESS_TRAFFIC_INTERNAL_ONLY (the default: the VPC and the project), INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER (also an external HTTPS load balancer), or INGRESS_TRAFFIC_ALL (the internet, only with public = true)."
  type        = string
  default     = "INGRESS_TRAFFIC_INTERNAL_ONLY"

  validation {
    condition     = contains(["INGRESS_TRAFFIC_INTERNAL_ONLY", "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER", "INGRESS_TRAFFIC_ALL"], var.ingress)
    error_message = "ingress must be INGRESS_TRAFFIC_INTERNAL_ONLY, INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER or INGRESS_TRAFFIC_ALL."
  }

  validation {
    condition     = var.public || var.ingress != "INGRESS_TRAFFIC_ALL"
    error_message = "ingress = INGRESS_TRAFFIC_ALL needs public = true."
  }
}

variable "public" {
  description = "Opt in to internet exposure: allows ingress = INGRESS_TRAFFIC_ALL. Off by default."
  type        = bool
  default     = false
}

variable "allow_unauthenticated" {
  description = "Grant roles/run.invoker to allUsers, so S3 clients (which sign with SigV4, not Google ID tokens) get through Cloud Run's IAM check; the gateway still authenticates every request. Reach stays limited by ingress."
  type        = bool
  default     = false
}

variable "invokers" {
  description = "IAM members granted roles/run.invoker when allow_unauthenticated is false, e.g. [\"serviceAccount:app@p.iam.gserviceaccount.com\"]."
  type        = list(string)
  default     = []

  validation {
    condition     = !contains(var.invokers, "allUsers") && !contains(var.invokers, "allAuthenticatedUsers")
    error_message = "invokers must not hold allUsers or allAuthenticatedUsers; use allow_unauthenticated to opt in."
  }
}

variable "bucket_name" {
  description = "Name of the GCS bucket that holds every gateway bucket (globally unique)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$", var.bucket_name))
    error_message = "bucket_name must be a valid GCS bucket name (3-63 lower-case letters, digits, '.', '_' or '-')."
  }
}

variable "bucket_location" {
  description = "Location of the bucket (a region, dual-region or multi-region); null uses region."
  type        = string
  default     = null
}

variable "bucket_prefix" {
  description = "Object-name prefix inside the bucket (CAIRN_GCS_PREFIX), ending in '/'; empty uses the whole bucket."
  type        = string
  default     = ""

  validation {
    condition     = var.bucket_prefix == "" || (endswith(var.bucket_prefix, "/") && !startswith(var.bucket_prefix, "/"))
    error_message = "bucket_prefix must be empty or end with '/' (and not start with it), e.g. \"cairn/\"."
  }
}

variable "bucket_versioning" {
  description = "Keep noncurrent object versions in the bucket (a deleted or overwritten object can be restored until noncurrent_version_days pass). On by default; false saves the storage of old versions."
  type        = bool
  default     = true
}

variable "noncurrent_version_days" {
  description = "With versioning, delete noncurrent versions this many days after they became noncurrent."
  type        = number
  default     = 30

  validation {
    condition     = var.noncurrent_version_days >= 1
    error_message = "noncurrent_version_days must be at least 1."
  }
}

variable "abort_multipart_days" {
  description = "Abort XML-API multipart uploads left unfinished this many days."
  type        = number
  default     = 7

  validation {
    condition     = var.abort_multipart_days >= 1
    error_message = "abort_multipart_days must be at least 1."
  }
}

variable "kms_key_name" {
  description = "Cloud KMS key for the bucket (CMEK); null uses Google-managed encryption. The Cloud Storage service agent needs encrypter/decrypter on it."
  type        = string
  default     = null
}

variable "force_destroy_bucket" {
  description = "Let terraform destroy delete a bucket that still holds objects. Leave false in production."
  type        = bool
  default     = false
}

variable "deletion_protection" {
  description = "Protect the Cloud Run service against terraform destroy."
  type        = bool
  default     = true
}

variable "extra_environment" {
  description = "Further CAIRN_* settings for the gateway (docs/configuration.md). Never put secrets here: they live in Secret Manager."
  type        = map(string)
  default     = {}

  validation {
    condition = alltrue([for k in keys(var.extra_environment) :
      startswith(k, "CAIRN_") && !can(regex("(SECRET|TOKEN|PASSWORD|ACCESS_KEY|CREDENTIALS)", k))
    ])
    error_message = "extra_environment keys must start with CAIRN_ and must not be secrets (*SECRET*, *TOKEN*, *PASSWORD*, *ACCESS_KEY*, *CREDENTIALS*)."
  }
}

variable "labels" {
  description = "Labels added to every resource that takes them."
  type        = map(string)
  default     = {}
}
