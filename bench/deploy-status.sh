#!/usr/bin/env bash
# Latency from a signed GitHub deployment_status webhook to the chat.update at a fake Slack, at a fixed rate, on an
# embedded PostgreSQL (src/test/java/dev/capstan/bench/DeploymentStatusBenchmark.java). See docs/benchmarks.md.
# Arguments: rate per second (50), warm-up seconds (20), measured seconds (60).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.capstan.bench.DeploymentStatusBenchmark "$@"
