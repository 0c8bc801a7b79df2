#!/usr/bin/env bash
# Runs the JMH micro-benchmarks of the hot in-memory command path (src/test/java/dev/capstan/bench).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main "${@:-CommandPathBenchmark}"
