/**
 * The multipart benchmark of issue 4: Cairn and S3Proxy 2.6.0, each started as its own JVM, take
 * the same multipart upload from the AWS SDK for Java v2 while the driver reads the server's
 * {@code /proc/PID/io} and {@code /proc/PID/stat} around each phase. {@link
 * dev.cairn.bench.multipart.MultipartBench} is the entry point ({@code testing/multipart-bench/run.sh});
 * results and method are in {@code docs/performance.md}.
 */
package dev.cairn.bench.multipart;
