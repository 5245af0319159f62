#!/usr/bin/env bash
# Comment benchmarks — see bench/README.md, "Comment benchmarks".
#   bench/comments.sh queries   # pending queue + public thread with 1 M comments in the embedded store
#   bench/comments.sh submit    # comment submission through the gateway vs straight to comment-service
#   bench/comments.sh           # both
# Tunables are Java system properties passed through BENCH_OPTS, e.g.
#   BENCH_OPTS="-Dbench.comments=200000 -Dbench.runs=50" bench/comments.sh queries
# Loopback only; nothing here runs in `mvn verify` or .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
opts=${BENCH_OPTS:-}

if [[ $what == queries ]]; then
  mvn -q -N install
  mvn -q -DskipTests install -pl local-stack -am
else
  # The submission benchmark starts the services' exec jars: build them all.
  mvn -q -DskipTests install
fi

run() {
  MAVEN_OPTS="${MAVEN_OPTS:-} $2" mvn -q -f bench/pom.xml compile exec:java -Dexec.mainClass="$1" $opts
}
if [[ $what == queries || $what == all ]]; then
  run ir.sarkhat.bench.CommentQueriesBench "-Xmx6g -XX:+UseParallelGC"
fi
if [[ $what == submit || $what == all ]]; then
  run ir.sarkhat.bench.CommentSubmitBench "-Xmx1g"
fi
