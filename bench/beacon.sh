#!/usr/bin/env bash
# Beacon intake through the gateway: POST /api/analytics/events accepted (202) per second, measured with wrk
# against the README's local stack. Needs wrk (Debian: apt-get install wrk). Not part of `mvn verify`.
#
#   bench/beacon.sh                   # build, start the stack, publish the fixture article, benchmark, stop
#   SKIP_BUILD=1 bench/beacon.sh      # reuse the jars already in */target
#   bench/beacon.sh 50 20 20 3        # connections, warm-up s, seconds per round, rounds
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
connections="${1:-50}" warmup="${2:-20}" seconds="${3:-20}" rounds="${4:-3}"

# All load comes from one loopback address: lift the gateway's per-client beacon limit (120 a minute) for the run.
export SARKHAT_GATEWAY_RATELIMITS_RULES_BEACON_LIMIT=1000000000
gateway=http://127.0.0.1:8080
source bench/stack.sh
slug=$(java bench/ReadBench.java --publish-only "$gateway")
id=$(curl -sf "$gateway/api/articles/$slug" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
# analytics-service ignores beacons of articles it has not heard of yet (ArticlePublished): wait for it.
for i in $(seq 1 60); do
    curl -sf "$gateway/api/analytics/articles/$id" >/dev/null && break
    sleep 1
done
export BEACON_URL="$gateway/articles/$slug"
echo "article $id: $BEACON_URL"

echo "== warm-up ${warmup}s"
wrk -t2 -c"$connections" -d"${warmup}s" -s bench/beacon.lua "$gateway" | grep RESULT
for round in $(seq 1 "$rounds"); do
    echo "== round $round: ${seconds}s, $connections connections"
    wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/beacon.lua "$gateway" | grep RESULT
done
echo "== analytics-service totals for the article now (views keep arriving after the load stops):"
curl -s "$gateway/api/analytics/articles/$id"; echo
