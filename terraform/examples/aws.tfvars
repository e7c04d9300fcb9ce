# Example inputs of terraform/aws. Use: cd terraform/aws && tofu plan -var-file=../examples/aws.tfvars
# Everything here is a placeholder: replace the ids with your account's.
name   = "cairn"
region = "eu-west-1"
image  = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/cairn:0.1.0"

vpc_id          = "vpc-0123456789abcdef0"
alb_subnet_ids  = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"]
task_subnet_ids = ["subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2"]

# Internal ALB reachable from the VPC only. For an internet-facing one set internet_facing = true
# (and then, if you mean it, ingress_cidrs = ["0.0.0.0/0"]).
internet_facing = false
ingress_cidrs   = ["10.0.0.0/16"]
certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"

cpu           = 1024
memory        = 2048
desired_count = 2
min_count     = 2
max_count     = 8

bucket_name       = "acme-cairn-prod"
bucket_prefix     = "cairn/"
bucket_versioning = true

extra_environment = {
  CAIRN_CACHE_MAX_BYTES = "512MiB"
}

tags = {
  team = "storage"
}
