/**
 * The performance rig of issue 8: {@link dev.cairn.perf.Rig} starts Cairn, S3Proxy 2.6.0 and nginx
 * as their own processes, seeds them with the same objects, runs the Gatling simulations of
 * {@code testing/gatling} against each in alternating rounds, measures each server's CPU and peak
 * RSS from {@code /proc}, and writes one machine-readable summary with Cairn-to-peer ratios;
 * {@link dev.cairn.perf.Compare} gates a summary against a baseline on those ratios.
 */
package dev.cairn.perf;
