output "endpoint" {
  description = "HTTPS endpoint of the gateway (point a DNS name covered by the certificate at alb_dns_name and use that name)."
  value       = "https://${aws_lb.gateway.dns_name}"
}

output "alb_dns_name" {
  description = "DNS name of the load balancer, for a CNAME or alias record."
  value       = aws_lb.gateway.dns_name
}

output "alb_zone_id" {
  description = "Hosted zone of the load balancer, for a Route 53 alias record."
  value       = aws_lb.gateway.zone_id
}

output "bucket" {
  description = "Name of the S3 bucket that holds the gateway's data."
  value       = aws_s3_bucket.data.bucket
}

output "credentials_secret_arn" {
  description = "Secrets Manager secret with CAIRN_ACCESS_KEY, CAIRN_SECRET_KEY and CAIRN_OAP_WRITE_TOKEN (read it to hand clients their keys)."
  value       = aws_secretsmanager_secret.gateway.arn
}

output "log_group" {
  description = "CloudWatch log group of the gateway."
  value       = aws_cloudwatch_log_group.gateway.name
}

output "task_role_arn" {
  description = "IAM role of the gateway tasks (scoped to the bucket)."
  value       = aws_iam_role.task.arn
}
