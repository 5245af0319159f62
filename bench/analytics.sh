#!/usr/bin/env bash
# analytics-service benchmarks — see bench/README.md, "Analytics benchmarks".
#   bench/analytics.sh
# Tunables are Java system properties in BENCH_OPTS, e.g. BENCH_OPTS="-Dbench.views=50000 -Dbench.queryViews=1000000".
# Builds analytics-service in the reactor (no `mvn install`), compiles the bench class against its test classpath
# and runs it in one JVM. Loopback only; nothing here runs in `mvn verify` or .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/target/analytics
mkdir -p "$out/classes"
mvn -q -pl analytics-service -am test-compile -DskipTests
mvn -q -pl analytics-service dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$out/cp.txt"
cp="analytics-service/target/classes:analytics-service/target/test-classes:service-kit/target/classes:service-kit-test/target/classes:$(cat "$out/cp.txt")"
javac -q -nowarn -proc:none -cp "$cp" -d "$out/classes" bench/src/analytics/ir/sarkhat/bench/analytics/*.java 2>/dev/null \
  || javac -proc:none -cp "$cp" -d "$out/classes" bench/src/analytics/ir/sarkhat/bench/analytics/*.java
java -Xmx3g -XX:+UseParallelGC ${BENCH_OPTS:-} -cp "$out/classes:$cp" ir.sarkhat.bench.analytics.AnalyticsBench
