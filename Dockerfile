# Capstan: build with Maven, run on a slim JRE as an unprivileged user.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
RUN mvn -q -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin capstan \
    && mkdir -p /app/data \
    && chown capstan /app/data
WORKDIR /app
COPY --from=build /build/target/capstan.jar /app/capstan.jar
# Start and stop the jar once (a throwaway database in /tmp, one command typed) to record the classes start-up and a
# first command load, with this image's JVM: the entry point maps that class-data-sharing archive instead of loading them again.
RUN cd /tmp && java -XX:ArchiveClassesAtExit=/app/capstan.jsa -jar /app/capstan.jar training-run && rm -rf /tmp/data
USER 10001
# The playground is for trying Capstan on a laptop; in a container it would listen on the container's localhost only.
ENV PORT=3000 CAPSTAN_PLAYGROUND=false
EXPOSE 3000
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${PORT}/readyz" || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:SharedArchiveFile=/app/capstan.jsa", "-XX:G1PeriodicGCInterval=5000", "-XX:MaxHeapFreeRatio=40", "-jar", "/app/capstan.jar"]
