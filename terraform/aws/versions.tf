terraform {
  # 1.9 is the first release whose variable validations may refer to other variables
  # (ingress_cidrs is checked against internet_facing); OpenTofu 1.9+ reads it the same way.
  required_version = ">= 1.9"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.60, < 7.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = merge(var.tags, { "cairn:deployment" = var.name })
  }
}
