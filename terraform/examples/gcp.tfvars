# Example inputs of terraform/gcp. Use: cd terraform/gcp && tofu plan -var-file=../examples/gcp.tfvars
# Everything here is a placeholder: replace the ids with your project's.
project = "acme-storage"
region  = "europe-west1"
name    = "cairn"
image   = "europe-west1-docker.pkg.dev/acme-storage/cairn/cairn:0.1.0"

min_instances = 1
max_instances = 8

# Reachable from the VPC (and the project) only. S3 clients sign with SigV4, not Google ID tokens,
# so Cloud Run's IAM check is opened to allUsers while ingress keeps the internet out; the gateway
# authenticates every request itself.
ingress               = "INGRESS_TRAFFIC_INTERNAL_ONLY"
allow_unauthenticated = true

bucket_name       = "acme-cairn-prod"
bucket_prefix     = "cairn/"
bucket_versioning = true

labels = {
  team = "storage"
}
