#!/usr/bin/env bash
# A person's session with AWS CLI v2 against a Cairn gateway: buckets, cp, ls, sync of awkward
# names there and back, the s3api object calls, a presigned URL fetched with curl, rm.
#
#   awscli-v2-session.sh ENDPOINT BUCKET
#
# Credentials and region come from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
# AWS_DEFAULT_REGION); BUCKET must not exist yet. AWS_CLI_V2 names the CLI (default
# /usr/bin/aws, Debian's awscli package, so a v1 `aws` earlier on the PATH is never used).
# Every step checks what the CLI printed or stored and stops with the step's name when it differs.
# Objects stay under the CLI's 8 MiB multipart threshold: Cairn has no multipart uploads yet.
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 ENDPOINT BUCKET" >&2; exit 2; }
endpoint=$1
bucket=$2
cli=${AWS_CLI_V2:-/usr/bin/aws}

step="start"
fail() {
  echo "awscli-v2-session: step '$step' failed: $*" >&2
  exit 1
}
work=$(mktemp -d "${TMPDIR:-/tmp}/awscli-v2.XXXXXX")
# a command that fails outside fail() (cmp, diff, set -e) is still reported with its step
on_exit() {
  local rc=$?
  rm -rf "$work"
  [ "$rc" -eq 0 ] || echo "awscli-v2-session: stopped in step '$step' (exit $rc)" >&2
}
trap on_exit EXIT
cd "$work"

# v2 pipes output through a pager unless told not to; s3 cp and sync get --no-progress so their
# output is one line per file (rm has no such option: count_lines splits its progress off).
# CLI 2.9 predates AWS_ENDPOINT_URL and the profile's endpoint_url (both 2.13), so the endpoint
# goes on every command line.
export AWS_PAGER=""
aws() {
  local out
  if ! out=$("$cli" --endpoint-url "$endpoint" "$@" 2>&1); then
    printf '%s\n' "$out" >&2
    fail "aws $* exited non-zero"
  fi
  printf '%s' "$out"
}
expect_contains() { # HAYSTACK NEEDLE
  case "$1" in *"$2"*) ;; *) fail "expected output containing '$2', got: $1" ;; esac
}
expect_line() { # TEXT EXTENDED-REGEX: some line matches
  printf '%s\n' "$1" | grep -Eq -- "$2" || fail "expected a line matching '$2', got: $1"
}
expect_equal() { # ACTUAL EXPECTED
  [ "$1" = "$2" ] || fail "expected '$2', got '$1'"
}
count_lines() { # TEXT PREFIX: lines starting with PREFIX, "\r"-separated progress counted apart
  printf '%s\n' "$1" | tr '\r' '\n' | grep -c -- "^$2" || true
}

step="version"
version=$("$cli" --version 2>&1) || fail "$cli --version failed: $version"
case "$version" in aws-cli/2.*) ;; *) fail "$cli is not AWS CLI v2: $version" ;; esac
echo "awscli-v2-session: $version"

step="mb"
expect_contains "$(aws s3 mb "s3://$bucket")" "make_bucket: $bucket"

step="cp up"
printf 'hello from aws cli v2\n' > small.txt
head -c 1048576 /dev/urandom > one-mib.bin
expect_contains "$(aws s3 cp --no-progress small.txt "s3://$bucket/small.txt")" "upload: ./small.txt to s3://$bucket/small.txt"
expect_contains "$(aws s3 cp --no-progress one-mib.bin "s3://$bucket/one-mib.bin")" "upload: ./one-mib.bin to s3://$bucket/one-mib.bin"

step="cp down"
expect_contains "$(aws s3 cp --no-progress "s3://$bucket/small.txt" small.back)" "download: s3://$bucket/small.txt to ./small.back"
aws s3 cp --no-progress "s3://$bucket/one-mib.bin" one-mib.back >/dev/null
cmp small.txt small.back || fail "small.txt came back different"
cmp one-mib.bin one-mib.back || fail "one-mib.bin came back different"

step="ls"
listing=$(aws s3 ls "s3://$bucket/")
expect_line "$listing" ' 1048576 one-mib\.bin$'
expect_line "$listing" ' 22 small\.txt$'
expect_line "$(aws s3 ls)" " $bucket\$"

step="s3api put-object"
etag=$(aws s3api put-object --bucket "$bucket" --key "api/object.bin" --body one-mib.bin \
  --content-type application/x-lane --metadata lane=awscli-v2 --query ETag --output text)
expect_equal "$etag" "\"$(md5sum one-mib.bin | cut -d' ' -f1)\""

step="s3api head-object"
expect_equal "$(aws s3api head-object --bucket "$bucket" --key api/object.bin \
  --query '[ContentLength, ContentType, Metadata.lane, ETag]' --output text)" \
  "$(printf '1048576\tapplication/x-lane\tawscli-v2\t%s' "$etag")"

step="s3api get-object --range"
expect_equal "$(aws s3api get-object --bucket "$bucket" --key api/object.bin --range bytes=1000-1999 \
  range.bin --query '[ContentRange, ContentLength]' --output text)" "$(printf 'bytes 1000-1999/1048576\t1000')"
cmp range.bin <(tail -c +1001 one-mib.bin | head -c 1000) || fail "the range's bytes differ"

step="s3api copy-object"
aws s3api copy-object --bucket "$bucket" --key "api/copy of object.bin" --copy-source "$bucket/api/object.bin" >/dev/null
aws s3api get-object --bucket "$bucket" --key "api/copy of object.bin" copy.bin >/dev/null
cmp one-mib.bin copy.bin || fail "the copy's bytes differ"
expect_equal "$(aws s3api head-object --bucket "$bucket" --key "api/copy of object.bin" --query Metadata.lane --output text)" awscli-v2

step="s3api delete-objects"
expect_equal "$(aws s3api delete-objects --bucket "$bucket" \
  --delete '{"Objects":[{"Key":"api/object.bin"},{"Key":"api/copy of object.bin"},{"Key":"never-existed"}]}' \
  --query '[length(Deleted), length(Errors || `[]`)]' --output text)" "$(printf '3\t0')"
expect_equal "$(aws s3api list-objects-v2 --bucket "$bucket" --prefix api/ --no-paginate --query KeyCount --output text)" 0

step="sync up"
# names that need URL encoding, XML escaping and UTF-8 on the way: spaces, '+', '%', '&', Unicode, depth
mkdir -p "tree/with space" "tree/plus+sign" "tree/per%cent" "tree/ünïcødé ✓" tree/deep/a/b/c
printf 'space\n' > "tree/with space/a file.txt"
printf 'plus\n' > "tree/plus+sign/1+1=2.txt"
printf 'percent\n' > "tree/per%cent/100%25 done.txt"
printf 'unicode\n' > "tree/ünïcødé ✓/日本語 ファイル.txt"
printf 'ampersand\n' > "tree/deep/a/b/c/Tom & Jerry <1>.txt"
head -c 3000000 /dev/urandom > tree/deep/a/three-mb.bin
files=$(find tree -type f | wc -l)
synced=$(aws s3 sync --no-progress tree "s3://$bucket/tree/")
expect_equal "$(count_lines "$synced" 'upload: ')" "$files"
expect_contains "$synced" "upload: tree/ünïcødé ✓/日本語 ファイル.txt to s3://$bucket/tree/ünïcødé ✓/日本語 ファイル.txt"

step="sync again (nothing to do)"
# sync compares the listing's keys and sizes with the tree: a key that came back altered would upload again
again=$(aws s3 sync --no-progress tree "s3://$bucket/tree/")
expect_equal "$again" ""

step="list-objects-v2 of the tree"
expect_equal "$(aws s3api list-objects-v2 --bucket "$bucket" --prefix tree/ --no-paginate --query KeyCount --output text)" "$files"
expect_contains "$(aws s3 ls --recursive "s3://$bucket/tree/")" "tree/deep/a/b/c/Tom & Jerry <1>.txt"

step="sync down"
down=$(aws s3 sync --no-progress "s3://$bucket/tree/" down)
expect_equal "$(count_lines "$down" 'download: ')" "$files"
diff -r tree down || fail "the tree synced down differs from the one synced up"

step="presign"
# v2 presigns with SigV4 (v1 presigns with SigV2 unless s3.signature_version = s3v4; Cairn accepts both)
url=$(aws s3 presign "s3://$bucket/tree/ünïcødé ✓/日本語 ファイル.txt" --expires-in 300)
expect_contains "$url" "X-Amz-Algorithm=AWS4-HMAC-SHA256"
step="presigned GET with curl"
fetched=$(curl -sS --fail-with-body "$url") || fail "curl: $fetched"
expect_equal "$fetched" unicode
step="tampered presigned URL with curl"
status=$(curl -sS -o tampered.xml -w '%{http_code}' "${url/X-Amz-Expires=300/X-Amz-Expires=301}")
expect_equal "$status" 403
expect_contains "$(cat tampered.xml)" "<Code>SignatureDoesNotMatch</Code>"

step="rm --recursive"
removed=$(aws s3 rm --recursive "s3://$bucket/")
expect_equal "$(count_lines "$removed" 'delete: ')" "$((files + 2))"
expect_equal "$(aws s3api list-objects-v2 --bucket "$bucket" --no-paginate --query KeyCount --output text)" 0

step="rb"
expect_contains "$(aws s3 rb "s3://$bucket")" "remove_bucket: $bucket"

step="done"
echo "awscli-v2-session: all steps passed"
