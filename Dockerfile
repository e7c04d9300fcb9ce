# syntax=docker/dockerfile:1
#
# Cairn gateway image: docker build -t cairn .   (docs/deploy.md#the-container-image)
#
# Base images are pinned by tag, not by digest: this repository is built and tested on machines
# without a Docker engine or registry access, so no digest here could be checked; a wrong one
# would break every build. The Temurin tags get security rebuilds under the same name. To pin a
# digest, override the arguments in CI after resolving them there:
#   docker build --build-arg RUNTIME_IMAGE=eclipse-temurin:21-jre-noble@sha256:… .
# 21, not 17: the same Java 17 bytecode serves on virtual threads on a JDK 21+ (CairnServer asks
# Jetty's VirtualThreads.areSupported()).
ARG BUILD_IMAGE=eclipse-temurin:21-jdk-noble
ARG RUNTIME_IMAGE=eclipse-temurin:21-jre-noble

# ---- build: the runnable jar and its lib/ directory, with the Maven wrapper ----
FROM ${BUILD_IMAGE} AS build
WORKDIR /src
# every module's pom is read by the reactor, so the whole tree (minus .dockerignore) is needed
COPY . .
# the cache mount keeps ~/.m2 between builds; the wrapper fetches Maven 3.9.16 itself
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests package -pl gateway/server -am \
 && test -f gateway/server/target/cairn-server.jar && test -d gateway/server/target/lib

# ---- runtime: a JRE, the jar, a non-root user; nothing in the image is writable by it ----
FROM ${RUNTIME_IMAGE} AS runtime
# a fixed uid/gid above every distribution range (no --system: useradd warns for ids above 999)
RUN groupadd --gid 10001 cairn \
 && useradd --uid 10001 --gid 10001 --home-dir /data --no-create-home --shell /usr/sbin/nologin cairn \
 && mkdir -p /data \
 && chown 10001:10001 /data \
 && chmod 0700 /data
# the jar's manifest names lib/*.jar relative to itself, so both go side by side (root-owned: read-only for cairn)
COPY --from=build /src/gateway/server/target/lib/ /opt/cairn/lib/
COPY --from=build /src/gateway/server/target/cairn-server.jar /opt/cairn/cairn-server.jar

# Configuration comes from CAIRN_* variables (docs/configuration.md); these are the image's defaults.
# The data directory holds the local backend, credentials.properties and the s3 backend's spool.
ENV CAIRN_DATA_DIR=/data \
    CAIRN_HTTP_HOST=0.0.0.0 \
    CAIRN_HTTP_PORT=8080 \
    CAIRN_JAVA_OPTS="-XX:+UseG1GC -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError --enable-native-access=ALL-UNNAMED"
VOLUME ["/data"]
EXPOSE 8080
WORKDIR /data
USER 10001:10001

# bash's /dev/tcp needs no curl or wget (the JRE image is not promised to carry either)
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${CAIRN_HTTP_PORT:-8080} && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

# java.io.tmpdir is /tmp: zstd-jni unpacks its native library there (it needs native access on JDK 24+) and jcmd's attach socket
# lives there, so run with --read-only --tmpfs /tmp. It comes before CAIRN_JAVA_OPTS so a
# -Djava.io.tmpdir there wins. Arguments after the image name are Cairn flags (--backend=memory).
ENTRYPOINT ["/bin/sh", "-c", "exec java -Djava.io.tmpdir=/tmp $CAIRN_JAVA_OPTS -jar /opt/cairn/cairn-server.jar \"$@\"", "cairn"]
CMD []
