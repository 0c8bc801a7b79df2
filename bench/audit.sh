#!/usr/bin/env bash
# Times every form of `audit` on a PostgreSQL audit log of ROWS rows (default 5,000,000); see docs/benchmarks.md.
# Usage: bench/audit.sh [ROWS] [JDBC_URL]   (without a URL: an embedded PostgreSQL, loaded afresh each run)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.capstan.bench.AuditQueryBenchmark "$@"
