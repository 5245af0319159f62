#!/usr/bin/env bash
# Read benchmark: GET /articles/{slug} and GET /api/articles/{slug}, through the gateway and direct to
# article-service, in one run, on the local stack (README "Quick start") started here with its own
# temporary data folder. Not part of `mvn verify`.
#
#   bench/run.sh                      # build, start the stack, benchmark, stop the stack
#   SKIP_BUILD=1 bench/run.sh         # reuse the jars already in */target
#   bench/run.sh 32 30 10 3           # connections, warm-up s, seconds per target and round, rounds
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    mvn -q -DskipTests package
fi

data=$(mktemp -d /tmp/sarkhat-bench.XXXXXX)
export SARKHAT_DATA_DIR="$data"
export SARKHAT_ADMIN_PASSWORD="${SARKHAT_ADMIN_PASSWORD:-bench-only-password-$RANDOM$RANDOM}"
# The launcher's default JVM options favour start-up (C1 only, 256 MB); a benchmark wants the full JIT.
export SARKHAT_JAVA_OPTS="${SARKHAT_JAVA_OPTS:--Xmx512m -XX:+UseParallelGC -Xss512k}"

java -jar local-stack/target/local-stack.jar >"$data/stack.log" 2>&1 &
stack=$!
trap 'kill "$stack" 2>/dev/null; wait "$stack" 2>/dev/null; rm -rf "$data"' EXIT

echo "== starting the local stack (log: $data/stack.log)"
for i in $(seq 1 300); do
    if curl -sf http://127.0.0.1:8080/readyz >/dev/null && curl -sf http://127.0.0.1:8081/actuator/health >/dev/null \
        && grep -q "localhost:8080" "$data/stack.log"; then
        break
    fi
    if ! kill -0 "$stack" 2>/dev/null || [ "$i" = 300 ]; then
        echo "the stack did not start"; tail -n 40 "$data/stack.log"; exit 1
    fi
    sleep 1
done

echo "== $(date -u +%FT%TZ) on $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
java bench/ReadBench.java http://127.0.0.1:8080 http://127.0.0.1:8081 "$@"
