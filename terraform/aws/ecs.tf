resource "aws_cloudwatch_log_group" "gateway" {
  name              = "/ecs/${var.name}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
}

resource "aws_ecs_cluster" "gateway" {
  name = var.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_task_definition" "gateway" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  task_role_arn            = aws_iam_role.task.arn
  execution_role_arn       = aws_iam_role.execution.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  #checkov:skip=CKV_AWS_336:The gateway writes request bodies to its spool (s3.spool-dir under CAIRN_DATA_DIR) and the JVM its temp files; a Fargate bind mount is root-owned while the image runs as non-root, so the root filesystem stays writable. The task holds no credentials on disk (all come from Secrets Manager).
  container_definitions = jsonencode([{
    name                   = "gateway"
    image                  = var.image
    essential              = true
    readonlyRootFilesystem = false
    portMappings           = [{ containerPort = var.container_port, protocol = "tcp" }]

    environment = [for k in sort(keys(local.environment)) : { name = k, value = local.environment[k] }]

    # Never plain env: ECS reads each key of the JSON secret at start ("ARN:KEY::").
    secrets = [for k in local.secret_keys : {
      name      = k
      valueFrom = "${aws_secretsmanager_secret.gateway.arn}:${k}::"
    }]


    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.gateway.name
        awslogs-region        = var.region
        awslogs-stream-prefix = "gateway"
      }
    }
  }])
}

resource "aws_ecs_service" "gateway" {
  name                              = var.name
  cluster                           = aws_ecs_cluster.gateway.id
  task_definition                   = aws_ecs_task_definition.gateway.arn
  launch_type                       = "FARGATE"
  platform_version                  = "LATEST"
  desired_count                     = var.desired_count
  health_check_grace_period_seconds = 60
  propagate_tags                    = "SERVICE"

  network_configuration {
    subnets          = var.task_subnet_ids
    security_groups  = [aws_security_group.task.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.gateway.arn
    container_name   = "gateway"
    container_port   = var.container_port
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  # Autoscaling owns the count after the first apply.
  lifecycle {
    ignore_changes = [desired_count]
  }

  depends_on = [aws_lb_listener.https]
}
