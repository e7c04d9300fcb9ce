variable "name" {
  description = "Name prefix of every resource (letters, digits and '-', at most 24 characters so the ALB and target group names fit)."
  type        = string
  default     = "cairn"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,23}$", var.name))
    error_message = "name must be 1-24 lower-case letters, digits or '-', starting with a letter."
  }
}

variable "region" {
  description = "AWS region of every resource, the bucket included (passed to the gateway as CAIRN_S3_REGION)."
  type        = string
}

variable "image" {
  description = "Container image of the gateway, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/cairn:0.1.0 (pin a tag or digest, never latest)."
  type        = string

  validation {
    condition     = length(var.image) > 0 && !endswith(var.image, ":latest")
    error_message = "image must be set and must not use the mutable tag ':latest'."
  }
}

variable "vpc_id" {
  description = "VPC that holds the load balancer and the tasks."
  type        = string
}

variable "alb_subnet_ids" {
  description = "Subnets of the load balancer (at least two, in different availability zones): private ones for an internal ALB, public ones when internet_facing is true."
  type        = list(string)

  validation {
    condition     = length(var.alb_subnet_ids) >= 2
    error_message = "alb_subnet_ids needs at least two subnets in different availability zones."
  }
}

variable "task_subnet_ids" {
  description = "Private subnets of the tasks; they need a route to S3, Secrets Manager, ECR and CloudWatch Logs (NAT or VPC endpoints). Tasks never get public IPs."
  type        = list(string)

  validation {
    condition     = length(var.task_subnet_ids) >= 1
    error_message = "task_subnet_ids needs at least one subnet."
  }
}

variable "internet_facing" {
  description = "Put the load balancer on the internet. Off by default: the ALB is internal and only ingress_cidrs reach it."
  type        = bool
  default     = false
}

variable "ingress_cidrs" {
  description = "CIDR blocks allowed to reach the HTTPS listener (port 443 only). 0.0.0.0/0 is accepted only together with internet_facing = true."
  type        = list(string)

  validation {
    condition     = alltrue([for c in var.ingress_cidrs : can(cidrhost(c, 0))])
    error_message = "Every entry of ingress_cidrs must be a CIDR block such as 10.0.0.0/16."
  }

  validation {
    condition     = var.internet_facing || !contains(var.ingress_cidrs, "0.0.0.0/0")
    error_message = "ingress_cidrs may hold 0.0.0.0/0 only when internet_facing is true."
  }
}

variable "certificate_arn" {
  description = "ARN of the ACM certificate of the HTTPS listener. There is no plain-HTTP listener: TLS is required."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/.+$", var.certificate_arn))
    error_message = "certificate_arn must be an ACM certificate ARN (arn:aws:acm:REGION:ACCOUNT:certificate/ID)."
  }
}

variable "ssl_policy" {
  description = "TLS policy of the HTTPS listener; the default allows TLS 1.3 and 1.2 with forward secrecy only."
  type        = string
  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"

  validation {
    condition     = can(regex("^ELBSecurityPolicy-(TLS13-1-[23]|FS-1-2|TLS-1-2)", var.ssl_policy))
    error_message = "ssl_policy must be a TLS 1.2+ policy (ELBSecurityPolicy-TLS13-1-2-*, -TLS13-1-3-*, -FS-1-2-* or -TLS-1-2-*)."
  }
}

variable "alb_access_logs_bucket" {
  description = "Existing S3 bucket for the load balancer's access logs; null leaves access logs off."
  type        = string
  default     = null
}

variable "deletion_protection" {
  description = "Protect the load balancer against deletion (turn off before terraform destroy)."
  type        = bool
  default     = true
}

variable "container_port" {
  description = "Port the gateway listens on inside the task (CAIRN_HTTP_PORT)."
  type        = number
  default     = 8080

  validation {
    condition     = var.container_port >= 1024 && var.container_port <= 65535
    error_message = "container_port must be between 1024 and 65535 (the image runs as a non-root user)."
  }
}

variable "cpu" {
  description = "Fargate task CPU units (1024 = 1 vCPU)."
  type        = number
  default     = 1024

  validation {
    condition     = contains([256, 512, 1024, 2048, 4096, 8192, 16384], var.cpu)
    error_message = "cpu must be a Fargate size: 256, 512, 1024, 2048, 4096, 8192 or 16384."
  }
}

variable "memory" {
  description = "Fargate task memory in MiB; must be a valid pair with cpu."
  type        = number
  default     = 2048

  validation {
    condition     = var.memory >= 512 && var.memory <= 122880
    error_message = "memory must be between 512 and 122880 MiB."
  }
}

variable "desired_count" {
  description = "Tasks at start. The gateway is stateless (multipart sessions live in the bucket), so any number can run behind the ALB."
  type        = number
  default     = 2

  validation {
    condition     = var.desired_count >= 1
    error_message = "desired_count must be at least 1."
  }
}

variable "min_count" {
  description = "Fewest tasks autoscaling keeps."
  type        = number
  default     = 2

  validation {
    condition     = var.min_count >= 1
    error_message = "min_count must be at least 1."
  }
}

variable "max_count" {
  description = "Most tasks autoscaling starts."
  type        = number
  default     = 10

  validation {
    condition     = var.max_count >= var.min_count
    error_message = "max_count must not be below min_count."
  }
}

variable "cpu_target_percent" {
  description = "Average task CPU utilisation that autoscaling aims for."
  type        = number
  default     = 60

  validation {
    condition     = var.cpu_target_percent > 0 && var.cpu_target_percent <= 100
    error_message = "cpu_target_percent must be in (0, 100]."
  }
}

variable "requests_per_target" {
  description = "ALB requests per task per minute (ALBRequestCountPerTarget) that autoscaling aims for."
  type        = number
  default     = 6000

  validation {
    condition     = var.requests_per_target > 0
    error_message = "requests_per_target must be positive."
  }
}

variable "bucket_name" {
  description = "Name of the S3 bucket that holds every gateway bucket (globally unique)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.bucket_name))
    error_message = "bucket_name must be a valid S3 bucket name (3-63 lower-case letters, digits, '.' or '-')."
  }
}

variable "bucket_prefix" {
  description = "Key prefix inside the bucket (CAIRN_S3_PREFIX), e.g. \"cairn/\"; empty uses the whole bucket. The task role is scoped to it."
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
  description = "With versioning, delete noncurrent versions after this many days."
  type        = number
  default     = 30

  validation {
    condition     = var.noncurrent_version_days >= 1
    error_message = "noncurrent_version_days must be at least 1."
  }
}

variable "abort_multipart_days" {
  description = "Abort multipart uploads left unfinished this many days (their parts cost storage)."
  type        = number
  default     = 7

  validation {
    condition     = var.abort_multipart_days >= 1
    error_message = "abort_multipart_days must be at least 1."
  }
}

variable "kms_key_arn" {
  description = "KMS key for the bucket (SSE-KMS), the secrets and the logs; null uses SSE-S3 (AES256) and AWS-managed keys. With a key the gateway runs with s3.conditional-writes=false, since an SSE-KMS ETag is no MD5 (docs/backends.md)."
  type        = string
  default     = null
}

variable "force_destroy_bucket" {
  description = "Let terraform destroy delete a bucket that still holds objects. Leave false in production."
  type        = bool
  default     = false
}

variable "log_retention_days" {
  description = "Days CloudWatch keeps the gateway's logs."
  type        = number
  default     = 365

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a value CloudWatch accepts (1, 3, 5, 7, 14, 30, 60, 90, … 365, 400, 545, 731, …)."
  }
}

variable "extra_environment" {
  description = "Further CAIRN_* settings for the gateway (docs/configuration.md), e.g. { CAIRN_CACHE_MAX_BYTES = \"512MiB\" }. Never put secrets here: use the Secrets Manager secret."
  type        = map(string)
  default     = {}

  validation {
    condition = alltrue([for k in keys(var.extra_environment) :
      startswith(k, "CAIRN_") && !can(regex("(SECRET|TOKEN|PASSWORD|ACCESS_KEY|CREDENTIALS)", k))
    ])
    error_message = "extra_environment keys must start with CAIRN_ and must not be secrets (*SECRET*, *TOKEN*, *PASSWORD*, *ACCESS_KEY*, *CREDENTIALS*)."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
