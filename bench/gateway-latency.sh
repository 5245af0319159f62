#!/usr/bin/env bash
# Latency the gateway adds at fixed request rates below both capacities (open loop, from each request's scheduled
# send time, like wrk2): the article JSON and the article page, direct and through the gateway, interleaved, in one
# run. Complements gateway.sh (closed loop, flat out), whose p99 only says how saturated each target was.
# Not part of `mvn verify`. Run it under the bench lock: `flock /tmp/sarkhat-bench.lock bench/gateway-latency.sh`.
#
#   bench/gateway-latency.sh                 # build, start the stack, publish the fixture article, measure, stop
#   SKIP_BUILD=1 bench/gateway-latency.sh    # reuse the jars already in */target
#   bench/gateway-latency.sh 500,1000,2000 200,400,800 30 8 3 64
#       # JSON rates, page rates (req/s, one per level), warm-up s, seconds per target and round, rounds, connections
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# RateBench reuses ReadBench's connection and percentile code, so both are compiled together (no build, no deps).
classes=$(mktemp -d /tmp/sarkhat-ratebench.XXXXXX)
javac -d "$classes" bench/ReadBench.java bench/RateBench.java
source bench/stack.sh
# stack.sh's trap stops the stack; remove the classes too.
trap 'kill "$stack" 2>/dev/null; wait "$stack" 2>/dev/null || true; rm -rf "$data" "$classes"' EXIT

slug=$(java -cp "$classes" ReadBench --publish-only http://127.0.0.1:8080)
echo "article: http://127.0.0.1:8080/articles/$slug"
java -cp "$classes" RateBench http://127.0.0.1:8080 http://127.0.0.1:8081 "$slug" "$@"
