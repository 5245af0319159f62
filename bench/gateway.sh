#!/usr/bin/env bash
# Gateway pass-through benchmark with wrk: the article page and the small article JSON, through the gateway
# and direct to article-service, in one run, with the CPU time each server process spends per request.
# Needs wrk (Debian: apt-get install wrk). Not part of `mvn verify`.
#
#   bench/gateway.sh                  # build, start the stack, publish the fixture article, benchmark, stop
#   SKIP_BUILD=1 bench/gateway.sh     # reuse the jars already in */target
#   bench/gateway.sh 50 60 10 3       # connections, warm-up s, seconds per target and round, rounds
#
# Against a stack that is already running (e.g. to try a gateway setting on a second gateway JVM):
#   GATEWAY=http://127.0.0.1:8095 SLUG=... bench/gateway.sh ...  (also set DIRECT, SARKHAT_ADMIN_PASSWORD as needed)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }

gateway="${GATEWAY:-http://127.0.0.1:8080}"
direct="${DIRECT:-http://127.0.0.1:8081}"
if [ -z "${GATEWAY:-}" ]; then
    source bench/stack.sh
fi
slug="${SLUG:-$(java bench/ReadBench.java --publish-only "$gateway")}"
echo "article: $gateway/articles/$slug"
# Besides gateway and article-service: analytics-service and the stack's JVM (Kafka + store), which a page view
# through the gateway keeps busy (PageViewed -> analytics -> ArticleStatsUpdated -> article-service).
export BENCH_CPU="${BENCH_CPU:-analytics=8083,kafka+store=9092}"
java bench/WrkBench.java "$gateway" "$direct" "$slug" "$@"
