"""Multipart flexible checksums with boto3 against Cairn, run by Boto3ChecksumLaneTest.

Usage: boto3_checksums.py GROUP ENDPOINT BUCKET
Credentials and region come from the environment, as for boto3_session.py. Expected values are
computed here with zlib.crc32 over the bytes. Exits 0 and prints "OK GROUP" on success; any
failed check raises.
"""
import base64
import os
import sys
import zlib

import boto3
import botocore
from botocore.config import Config
from botocore.exceptions import ClientError

PART = 5 * 1024 * 1024  # the gateway's default minimum part size


def client(endpoint):
    return boto3.client("s3", endpoint_url=endpoint, config=Config(s3={"addressing_style": "path"}))


def crc32(data):
    return base64.b64encode(zlib.crc32(data).to_bytes(4, "big")).decode()


def error(call):
    try:
        call()
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"], e.response["Error"].get("Message")
    raise AssertionError("expected an error")


def full_object(s3, bucket):
    s3.create_bucket(Bucket=bucket)
    key = "full/object.bin"
    parts = [os.urandom(PART + 17), os.urandom(PART), os.urandom(4321)]
    whole = b"".join(parts)
    mpu = s3.create_multipart_upload(Bucket=bucket, Key=key, ChecksumAlgorithm="CRC32", ChecksumType="FULL_OBJECT")
    assert mpu["ChecksumAlgorithm"] == "CRC32", mpu
    assert mpu["ChecksumType"] == "FULL_OBJECT", mpu
    upload_id = mpu["UploadId"]
    done = []
    for n, data in enumerate(parts, start=1):
        r = s3.upload_part(Bucket=bucket, Key=key, UploadId=upload_id, PartNumber=n, Body=data, ChecksumCRC32=crc32(data))
        assert r["ChecksumCRC32"] == crc32(data), (n, r)
        done.append({"PartNumber": n, "ETag": r["ETag"], "ChecksumCRC32": crc32(data)})
    listed = s3.list_parts(Bucket=bucket, Key=key, UploadId=upload_id)
    assert listed["ChecksumAlgorithm"] == "CRC32" and listed["ChecksumType"] == "FULL_OBJECT", listed
    assert [p["ChecksumCRC32"] for p in listed["Parts"]] == [crc32(p) for p in parts], listed["Parts"]

    # a wrong per-part checksum: InvalidPart, and the upload stays for a corrected completion
    wrong = [dict(done[0]), dict(done[1], ChecksumCRC32=crc32(parts[0])), dict(done[2])]
    code, status, _ = error(lambda: s3.complete_multipart_upload(Bucket=bucket, Key=key, UploadId=upload_id,
                                                                 MultipartUpload={"Parts": wrong}))
    assert (code, status) == ("InvalidPart", 400), (code, status)
    # a part checksum of another algorithm than the upload's is refused before it is stored
    code, status, message = error(lambda: s3.upload_part(Bucket=bucket, Key=key, UploadId=upload_id, PartNumber=4,
                                                         Body=b"x", ChecksumAlgorithm="SHA256"))
    assert (code, status) == ("InvalidRequest", 400) and "Checksum Type mismatch" in message, (code, status, message)

    result = s3.complete_multipart_upload(Bucket=bucket, Key=key, UploadId=upload_id, MultipartUpload={"Parts": done},
                                          ChecksumType="FULL_OBJECT", ChecksumCRC32=crc32(whole))
    assert result["ChecksumCRC32"] == crc32(whole), result
    assert result["ChecksumType"] == "FULL_OBJECT", result
    head = s3.head_object(Bucket=bucket, Key=key, ChecksumMode="ENABLED")
    assert head["ChecksumCRC32"] == crc32(whole) and head["ChecksumType"] == "FULL_OBJECT", head
    # botocore validates the FULL_OBJECT CRC32 against the body it reads
    body = s3.get_object(Bucket=bucket, Key=key, ChecksumMode="ENABLED")["Body"].read()
    assert body == whole, "downloaded bytes differ"
    s3.delete_object(Bucket=bucket, Key=key)
    s3.delete_bucket(Bucket=bucket)


def composite(s3, bucket):
    s3.create_bucket(Bucket=bucket)
    key = "composite.bin"
    parts = [os.urandom(PART), os.urandom(99)]
    mpu = s3.create_multipart_upload(Bucket=bucket, Key=key, ChecksumAlgorithm="CRC32")
    assert mpu["ChecksumType"] == "COMPOSITE", mpu
    done = []
    for n, data in enumerate(parts, start=1):
        r = s3.upload_part(Bucket=bucket, Key=key, UploadId=mpu["UploadId"], PartNumber=n, Body=data, ChecksumAlgorithm="CRC32")
        done.append({"PartNumber": n, "ETag": r["ETag"], "ChecksumCRC32": r["ChecksumCRC32"]})
    result = s3.complete_multipart_upload(Bucket=bucket, Key=key, UploadId=mpu["UploadId"], MultipartUpload={"Parts": done})
    expected = crc32(b"".join(base64.b64decode(crc32(p)) for p in parts)) + "-2"
    assert result["ChecksumCRC32"] == expected and result["ChecksumType"] == "COMPOSITE", (result, expected)
    code, status, _ = error(lambda: s3.create_multipart_upload(Bucket=bucket, Key="x", ChecksumAlgorithm="SHA256",
                                                               ChecksumType="FULL_OBJECT"))
    assert (code, status) == ("InvalidRequest", 400), (code, status)
    s3.delete_object(Bucket=bucket, Key=key)
    s3.delete_bucket(Bucket=bucket)


GROUPS = {f.__name__: f for f in (full_object, composite)}

if __name__ == "__main__":
    group, endpoint, bucket = sys.argv[1:4]
    print("boto3", boto3.__version__, "botocore", botocore.__version__)
    GROUPS[group](client(endpoint), bucket)
    print("OK", group)
