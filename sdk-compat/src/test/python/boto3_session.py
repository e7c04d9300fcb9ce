"""One group of a normal boto3 session against Cairn, run by Boto3LaneTest.

Usage: boto3_session.py GROUP ENDPOINT BUCKET
Credentials and region come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_DEFAULT_REGION.
boto3 runs at its defaults (current botocore sends aws-chunked uploads with a trailing CRC32),
path-style. Exits 0 and prints "OK GROUP" on success; any failed check raises.
"""
import os
import sys
import urllib.error
import urllib.request

import boto3
import botocore
from botocore.config import Config
from botocore.exceptions import ClientError


def client(endpoint, **overrides):
    return boto3.client("s3", endpoint_url=endpoint, config=Config(s3={"addressing_style": "path"}), **overrides)


def error_code(call):
    try:
        call()
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]
    raise AssertionError("expected an error")


def buckets(s3, endpoint, bucket):
    s3.create_bucket(Bucket=bucket)
    s3.head_bucket(Bucket=bucket)
    assert bucket in [b["Name"] for b in s3.list_buckets()["Buckets"]]
    location = s3.get_bucket_location(Bucket=bucket).get("LocationConstraint")
    assert location in (None, "", os.environ["AWS_DEFAULT_REGION"]), location
    assert error_code(lambda: s3.create_bucket(Bucket=bucket)) == ("BucketAlreadyOwnedByYou", 409)
    s3.delete_bucket(Bucket=bucket)
    assert error_code(lambda: s3.head_bucket(Bucket=bucket))[1] == 404
    assert error_code(lambda: s3.get_bucket_location(Bucket=bucket)) == ("NoSuchBucket", 404)


def credentials(s3, endpoint, bucket):
    wrong = client(endpoint, aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"], aws_secret_access_key="not-the-secret")
    assert error_code(wrong.list_buckets) == ("SignatureDoesNotMatch", 403)
    unknown = client(endpoint, aws_access_key_id="AKIDUNKNOWN000000000", aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"])
    assert error_code(unknown.list_buckets) == ("InvalidAccessKeyId", 403)


def objects(s3, endpoint, bucket):
    s3.create_bucket(Bucket=bucket)
    data = {"small.txt": b"hello, cairn", "empty": b"", "one-mib.bin": bytes(i % 251 for i in range(1 << 20)),
            "dir/a+b c/\u2713.bin": b"x" * 1000}
    for key, body in data.items():
        s3.put_object(Bucket=bucket, Key=key, Body=body, ContentType="application/x-lane", Metadata={"lane": "boto3"})
    for key, body in data.items():
        head = s3.head_object(Bucket=bucket, Key=key)
        assert head["ContentLength"] == len(body), key
        assert head["ContentType"] == "application/x-lane", key
        assert head["Metadata"] == {"lane": "boto3"}, key
        got = s3.get_object(Bucket=bucket, Key=key)
        assert got["Body"].read() == body, key
        assert got["ETag"] == head["ETag"], key
    ranged = s3.get_object(Bucket=bucket, Key="one-mib.bin", Range="bytes=1000-1999")
    assert ranged["ContentRange"] == "bytes 1000-1999/%d" % (1 << 20)
    assert ranged["Body"].read() == data["one-mib.bin"][1000:2000]
    assert error_code(lambda: s3.get_object(Bucket=bucket, Key="nope")) == ("NoSuchKey", 404)
    # upload_file/download_file go through s3transfer; 1 MiB stays under its multipart threshold
    s3.upload_file(__file__, bucket, "script.py")
    s3.download_file(bucket, "script.py", os.path.join(os.getcwd(), "script.copy"))
    with open(__file__, "rb") as a, open("script.copy", "rb") as b:
        assert a.read() == b.read()


def listing(s3, endpoint, bucket):
    s3.create_bucket(Bucket=bucket)
    keys = ["docs/readme.md", "photos/2025/a.jpg", "photos/2025/b.jpg", "photos/2026/c.jpg", "photos/top.jpg"]
    for key in keys:
        s3.put_object(Bucket=bucket, Key=key, Body=key.encode())
    assert [o["Key"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"]] == keys
    dirs = s3.list_objects_v2(Bucket=bucket, Prefix="photos/", Delimiter="/")
    assert [o["Key"] for o in dirs["Contents"]] == ["photos/top.jpg"]
    assert [p["Prefix"] for p in dirs["CommonPrefixes"]] == ["photos/2025/", "photos/2026/"]
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, PaginationConfig={"PageSize": 2})
    assert [o["Key"] for page in pages for o in page.get("Contents", [])] == keys


def copy_delete(s3, endpoint, bucket):
    s3.create_bucket(Bucket=bucket)
    s3.put_object(Bucket=bucket, Key="src", Body=b"copy me")
    s3.copy_object(Bucket=bucket, Key="dst", CopySource={"Bucket": bucket, "Key": "src"})
    assert s3.get_object(Bucket=bucket, Key="dst")["Body"].read() == b"copy me"
    s3.delete_object(Bucket=bucket, Key="src")
    s3.delete_object(Bucket=bucket, Key="src")
    s3.put_object(Bucket=bucket, Key="x1", Body=b"1")
    result = s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": "x1"}, {"Key": "dst"}, {"Key": "never"}]})
    assert not result.get("Errors"), result
    assert s3.list_objects_v2(Bucket=bucket)["KeyCount"] == 0
    s3.delete_bucket(Bucket=bucket)


def presigned(s3, endpoint, bucket):
    s3.create_bucket(Bucket=bucket)
    s3.put_object(Bucket=bucket, Key="p.txt", Body=b"via presign")
    # botocore presigns S3 URLs with query SigV2 by default; Cairn verifies it (and SigV4).
    legacy = s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "p.txt"}, ExpiresIn=300)
    assert "Signature=" in legacy and "X-Amz-Signature" not in legacy, legacy
    with urllib.request.urlopen(legacy) as r:
        assert r.status == 200 and r.read() == b"via presign"
    v4 = boto3.client("s3", endpoint_url=endpoint,
                      config=Config(signature_version="s3v4", s3={"addressing_style": "path"}))
    url = v4.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "p.txt"}, ExpiresIn=300)
    assert "X-Amz-Signature=" in url, url
    with urllib.request.urlopen(url) as r:
        assert r.status == 200 and r.read() == b"via presign"


def multipart(s3, endpoint, bucket):
    # upload_file switches to multipart above 8 MiB (its default TransferConfig): 20 MiB is 3 parts
    import hashlib
    import tempfile
    s3.create_bucket(Bucket=bucket)
    data = os.urandom(20 * 1024 * 1024 + 123)
    with tempfile.TemporaryDirectory() as tmp:
        up, down = os.path.join(tmp, "up.bin"), os.path.join(tmp, "down.bin")
        with open(up, "wb") as f:
            f.write(data)
        s3.upload_file(up, bucket, "big/file.bin")
        head = s3.head_object(Bucket=bucket, Key="big/file.bin")
        assert head["ContentLength"] == len(data), head
        assert head["ETag"].strip('"').endswith("-3"), head["ETag"]
        assert head["ResponseMetadata"]["HTTPHeaders"]["x-cairn-b3"].endswith("-3")
        s3.download_file(bucket, "big/file.bin", down)
        with open(down, "rb") as f:
            assert hashlib.sha256(f.read()).digest() == hashlib.sha256(data).digest(), "downloaded bytes differ"
        part2 = s3.get_object(Bucket=bucket, Key="big/file.bin", PartNumber=2)
        assert part2["PartsCount"] == 3 and part2["Body"].read() == data[8 * 1024 * 1024:16 * 1024 * 1024]
    s3.delete_object(Bucket=bucket, Key="big/file.bin")
    s3.delete_bucket(Bucket=bucket)


def slow_complete(s3, endpoint, bucket):
    # The gateway's store takes 3 s to complete; this client gives up after 1 s of silence and never
    # retries, so only the gateway's keep-alive whitespace gets it through (KeepAliveLaneTest).
    import time
    slow = boto3.client("s3", endpoint_url=endpoint, config=Config(s3={"addressing_style": "path"}, read_timeout=1,
                                                                  retries={"total_max_attempts": 1}))
    s3.create_bucket(Bucket=bucket)
    upload = s3.create_multipart_upload(Bucket=bucket, Key="slow.bin")["UploadId"]
    e1 = s3.upload_part(Bucket=bucket, Key="slow.bin", UploadId=upload, PartNumber=1, Body=b"first part")["ETag"]
    e2 = s3.upload_part(Bucket=bucket, Key="slow.bin", UploadId=upload, PartNumber=2, Body=b"second")["ETag"]

    def complete(etags):
        return slow.complete_multipart_upload(Bucket=bucket, Key="slow.bin", UploadId=upload, MultipartUpload={
            "Parts": [{"PartNumber": n + 1, "ETag": e} for n, e in enumerate(etags)]})

    started = time.monotonic()
    code = error_code(lambda: complete([e1, '"00000000000000000000000000000000"']))
    assert code[0] == "InvalidPart", code
    assert time.monotonic() - started > 2.5, "the completion was not slow: keep-alive not exercised"
    started = time.monotonic()
    done = complete([e1, e2])
    assert time.monotonic() - started > 2.5, "the completion was not slow: keep-alive not exercised"
    head = s3.head_object(Bucket=bucket, Key="slow.bin")
    assert head["ETag"] == done["ETag"] and done["ETag"].strip('"').endswith("-2"), (head["ETag"], done["ETag"])
    assert s3.get_object(Bucket=bucket, Key="slow.bin")["Body"].read() == b"first partsecond"


GROUPS = {f.__name__: f for f in (buckets, credentials, objects, listing, copy_delete, presigned, multipart, slow_complete)}

if __name__ == "__main__":
    group, endpoint, bucket = sys.argv[1:4]
    print("boto3", boto3.__version__, "botocore", botocore.__version__)
    GROUPS[group](client(endpoint), endpoint, bucket)
    print("OK", group)
