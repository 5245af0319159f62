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

# All load comes from one loopback address and one user agent, i.e. one visitor: lift the gateway's per-client
# beacon limit (120 a minute) and raise its robot threshold (200 views a day) out of reach for the run. The
# threshold stays on, so its per-beacon cost (body read, counter) is measured.
export SARKHAT_GATEWAY_RATELIMITS_RULES_BEACON_LIMIT=1000000000
export SARKHAT_GATEWAY_PAGEVIEWS_HITTHRESHOLD=1000000000
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

views() { curl -sf "$gateway/api/analytics/articles/$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["views"])'; }
# Waits until the article's view count has stopped moving (the consumer caught up), then prints it.
settled_views() {
    local last=-1 now
    for i in $(seq 1 90); do
        now=$(views || echo -2)
        [ "$now" = "$last" ] && break
        last=$now
        sleep 2
    done
    echo "$now"
}
# CPU time (utime + stime, clock ticks) of the processes listening on the gateway, analytics-service and Kafka
# (the stack's own JVM, which also runs the embedded MongoDB-protocol store).
pid_on() { ss -ltnpH "sport = :$1" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1; }
pids="$(pid_on 8080) $(pid_on 8083) $(pid_on 9092)"
ticks() { for p in $pids; do awk '{printf "%d ", $14 + $15}' "/proc/$p/stat"; done; }
tick_us=$((1000000 / $(getconf CLK_TCK)))

run() { # seconds, label
    local before after result accepted
    before=$(ticks)
    result=$(wrk -t2 -c"$connections" -d"$1s" --latency -s bench/beacon.lua "$gateway" | grep RESULT)
    settled_views >/dev/null # asynchronous work the beacons caused (delivery, counting) belongs to them
    after=$(ticks)
    accepted=$(sed 's/.*accepted=\([0-9]*\).*/\1/' <<<"$result")
    total_accepted=$((total_accepted + accepted))
    echo "$2 $result"
    python3 - "$accepted" "$tick_us" $before $after <<'PY'
import sys
accepted, tick = int(sys.argv[1]), int(sys.argv[2])
n = (len(sys.argv) - 3) // 2
before, after = sys.argv[3:3 + n], sys.argv[3 + n:]
names = ["gateway", "analytics", "kafka+store"]
per = [(int(a) - int(b)) * tick / max(accepted, 1) for b, a in zip(before, after)]
print("      CPU µs per accepted beacon: " + "  ".join(f"{k} {v:.0f}" for k, v in zip(names, per))
      + f"  total {sum(per):.0f}")
PY
}

total_accepted=0
start_views=$(views)
# A freshly started analytics-service runs its first beacons in the interpreter; 50 connections at once then exceed
# the beacon route's 3 s time limit and open its circuit breaker, whose instant 503s then keep both JVMs busy. Warm
# up gently first (4 connections), then at full concurrency.
echo "== gentle warm-up 15s, 4 connections"
connections_full=$connections connections=4
run 15 "gentle warm-up"
connections=$connections_full
echo "== warm-up ${warmup}s"
run "$warmup" "warm-up"
for round in $(seq 1 "$rounds"); do
    echo "== round $round: ${seconds}s, $connections connections"
    run "$seconds" "round $round"
done
final=$(settled_views)
echo "== article views now $final (before the run $start_views): $((final - start_views)) counted; wrk saw $total_accepted 2xx"
echo "   (wrk does not count the requests still in flight when a run stops; compare with analytics-service's 202 count below)"
# Who answered what: the gateway's beacon route by status (a 503 there is its circuit breaker or analytics-service's
# own 503), analytics-service's refusals (producer full / broker away) and undelivered accepted beacons.
echo "== gateway, route analytics-beacon, answers by status:"
curl -s http://127.0.0.1:8090/actuator/prometheus | grep '^spring_cloud_gateway_requests_seconds_count' \
    | grep 'routeId="analytics-beacon"' | sed 's/.*httpStatusCode="\([^"]*\)".*} \(.*\)/  \1 \2/' || true
echo "== analytics-service: beacons answered 202 (wrk misses the ones in flight when a run ends), counters:"
curl -s http://127.0.0.1:8083/actuator/prometheus | grep '^http_server_requests_seconds_count' \
    | grep 'uri="/api/analytics/events"' | grep 'status="202"' | sed 's/.* /  202 /' || true
curl -s http://127.0.0.1:8083/actuator/prometheus | grep -E '^sarkhat_beacon_(refused|delivery_failed)_total' || true
echo "== gateway: answers the circuit breaker gave at once (circuit open):"
grep -c "circuit open" "$data"/logs/gateway.log || true
echo "== first other warnings (gateway, analytics-service):"
grep -h "WARN\|ERROR" "$data"/logs/gateway.log "$data"/logs/analytics-service.log 2>/dev/null | grep -v "circuit open" \
    | grep -v "PrometheusMeterRegistry" | cut -c1-400 | head -n 12 || true
