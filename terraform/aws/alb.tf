resource "aws_lb" "gateway" {
  #checkov:skip=CKV2_AWS_28:A WAF web ACL is the operator's policy (rules, rate limits, cost); attach one with aws_wafv2_web_acl_association. The gateway authenticates every S3 request itself (SigV4).
  name                       = var.name
  load_balancer_type         = "application"
  internal                   = !var.internet_facing
  subnets                    = var.alb_subnet_ids
  security_groups            = [aws_security_group.alb.id]
  drop_invalid_header_fields = true
  enable_deletion_protection = var.deletion_protection
  # Large uploads stream through; the gateway's own idle timeout (http.idle-timeout, 30 s) is the shorter one.
  idle_timeout = 60

  access_logs {
    #checkov:skip=CKV_AWS_91:Access logs need an operator-owned log bucket with an ELB bucket policy; they are on whenever alb_access_logs_bucket is set.
    bucket  = coalesce(var.alb_access_logs_bucket, "unused")
    prefix  = var.name
    enabled = var.alb_access_logs_bucket != null
  }
}

resource "aws_lb_target_group" "gateway" {
  name                 = var.name
  port                 = var.container_port
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = var.vpc_id
  deregistration_delay = 30

  # /readyz answers 200 while reads are ready and 503 when not (docs/operations.md).
  health_check {
    path                = "/readyz"
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

# The only listener: HTTPS with a TLS 1.2+ policy. There is no port 80 listener at all.
resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.gateway.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.gateway.arn
  }
}
