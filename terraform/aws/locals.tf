locals {
  # Objects the gateway may touch: everything under the prefix (the whole bucket when it is empty).
  object_arn = "${aws_s3_bucket.data.arn}/${var.bucket_prefix}*"

  # Plain settings only. Secrets reach the task through `secrets` in the container definition (ecs.tf).
  environment = merge(
    {
      CAIRN_BACKEND   = "s3"
      CAIRN_S3_BUCKET = aws_s3_bucket.data.bucket
      CAIRN_S3_REGION = var.region
      CAIRN_S3_PREFIX = var.bucket_prefix
      CAIRN_HTTP_PORT = tostring(var.container_port)
      # The task's filesystem is scratch space: every credential comes from Secrets Manager, so
      # nothing is generated into it, and multipart sessions live in the bucket.
      CAIRN_DATA_DIR = "/tmp/cairn"
    },
    var.kms_key_arn == null ? {} : { CAIRN_S3_CONDITIONAL_WRITES = "false" },
    var.extra_environment,
  )

  # Each of these becomes one key of the JSON secret and one env var of the task.
  secret_keys = ["CAIRN_ACCESS_KEY", "CAIRN_SECRET_KEY", "CAIRN_OAP_WRITE_TOKEN"]
}
