#!/usr/bin/env bash
# seed.sh PORT WORKDIR: stores the bench objects on a gateway and writes the URLs to WORKDIR/urls.env:
# OAP 64 KiB blob (GET_64K), OAP 4 MiB blob (GET_4M, range 0-65535 of it), OAP 1 MiB blob (GET_1M),
# an S3 bucket "bench" with 200 keys for listing, and presigned S3 PUT/ListObjectsV2 URLs.
set -euo pipefail
port=$1 work=$2
base=http://127.0.0.1:$port
mkdir -p "$work"
for spec in 64K:65536 1M:1048576 4M:4194304; do
  name=${spec%%:*} size=${spec##*:}
  [ -f "$work/body-$name" ] || head -c "$size" /dev/urandom >"$work/body-$name"
done
put() { curl -fsS -X PUT --data-binary @"$1" -H "Authorization: Bearer bench" "$base/put" | python3 -c 'import json,sys; print(json.load(sys.stdin)["cid"])'; }
a64=$(put "$work/body-64K"); a1m=$(put "$work/body-1M")
# a 4 MiB blob is above oap.max-body: store it through S3 instead and read it by key
python3 - "$base" "$work" <<'PY'
import sys, boto3
from botocore.config import Config
base, work = sys.argv[1], sys.argv[2]
s3 = boto3.client("s3", endpoint_url=base, aws_access_key_id="AK",
                  aws_secret_access_key="SKSKSKSKSKSKSKSKSKSKSKSKSKSKSKSK", region_name="us-east-1",
                  config=Config(s3={"addressing_style": "path"}, signature_version="s3v4"))
try:
    s3.create_bucket(Bucket="bench")
except s3.exceptions.BucketAlreadyOwnedByYou:
    pass
s3.put_object(Bucket="bench", Key="big/4m", Body=open(f"{work}/body-4M", "rb").read())
s3.put_object(Bucket="bench", Key="big/64k", Body=open(f"{work}/body-64K", "rb").read())
for i in range(200):
    s3.put_object(Bucket="bench", Key=f"list/k{i:04d}", Body=b"x")
put = s3.generate_presigned_url("put_object", Params={"Bucket": "bench", "Key": "put/1m"}, ExpiresIn=7200)
lst = s3.generate_presigned_url("list_objects_v2", Params={"Bucket": "bench", "Prefix": "list/"}, ExpiresIn=7200)
with open(f"{work}/s3.env", "w") as f:
    f.write(f"S3_PUT_URL='{put}'\nS3_LIST_URL='{lst}'\n")
PY
cat >"$work/urls.env" <<EOF2
GET_64K=$base/o/$a64
GET_1M=$base/o/$a1m
S3_64K=$base/bench/big/64k
S3_4M=$base/bench/big/4m
EOF2
cat "$work/s3.env" >>"$work/urls.env"
