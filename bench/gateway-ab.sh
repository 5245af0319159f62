#!/usr/bin/env bash
# A/B of gateway builds or JVM flags on ONE stack: starts the local stack (stack.sh), one extra gateway per
# variant (ports 8095, 8096, ...) in front of the same article-service, then interleaved wrk rounds of the
# article JSON through each variant and direct, and prints per round and as medians: req/s, p99 and the CPU
# time per request of the variant's JVM and of article-service. Needs wrk. Not part of `mvn verify`.
#
#   SKIP_BUILD=1 bench/gateway-ab.sh NAME=JAR[,JVM_FLAG...] ...
#   SKIP_BUILD=1 bench/gateway-ab.sh a=gateway/target/gateway-0.1.0-SNAPSHOT-exec.jar \
#       nio=gateway/target/gateway-0.1.0-SNAPSHOT-exec.jar,-Dreactor.netty.native=false
#   WARMUP=30 ROUND_SECONDS=10 ROUNDS=5 CONNECTIONS=50 (the defaults) change the run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
[ $# -gt 0 ] || { sed -n 2,10p "$0"; exit 1; }
warmup="${WARMUP:-30}" seconds="${ROUND_SECONDS:-10}" rounds="${ROUNDS:-5}" connections="${CONNECTIONS:-50}"

source bench/stack.sh
stack_cleanup=$(trap -p EXIT | sed "s/^trap -- '\(.*\)' EXIT$/\1/")
variant_pids=()
trap 'kill "${variant_pids[@]}" 2>/dev/null || true; '"$stack_cleanup" EXIT
slug=$(java bench/ReadBench.java --publish-only http://127.0.0.1:8080)
path="/api/articles/$slug"

names=() ports=()
port=8095
for variant in "$@"; do
    name=${variant%%=*}; IFS=, read -r -a spec <<<"${variant#*=}"
    java -Xmx512m -XX:+UseParallelGC -Xss512k "${spec[@]:1}" -jar "${spec[0]}" --server.port=$port \
        --server.address=127.0.0.1 --management.server.port=0 \
        --spring.mongodb.uri=mongodb://127.0.0.1:27017/sarkhat-gateway --spring.kafka.bootstrap-servers=127.0.0.1:9092 \
        --sarkhat.gateway.article-service-uri=http://127.0.0.1:8081 --sarkhat.gateway.comment-service-uri=http://127.0.0.1:8082 \
        --sarkhat.gateway.analytics-service-uri=http://127.0.0.1:8083 --sarkhat.admin.password="$SARKHAT_ADMIN_PASSWORD" \
        >"$data/gateway-$name.log" 2>&1 &
    variant_pids+=($!) names+=("$name") ports+=($port)
    port=$((port + 1))
done
# Started side by side (one after the other took minutes on a busy machine), then waited for.
for i in "${!names[@]}"; do
    for t in $(seq 1 240); do curl -sf "http://127.0.0.1:${ports[$i]}/readyz" >/dev/null && break; sleep 1; done
    curl -sf "http://127.0.0.1:${ports[$i]}$path" >/dev/null \
        || { echo "variant ${names[$i]} did not start"; tail -n 20 "$data/gateway-${names[$i]}.log"; exit 1; }
done
names+=(direct) ports+=(8081)

listener() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }   # utime + stime
tick_us=$((1000000 / $(getconf CLK_TCK)))
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

echo "== $path: warm-up ${warmup}s each, $rounds rounds of ${seconds}s, wrk -t2 -c$connections"
for p in "${ports[@]}"; do wrk -t2 -c"$connections" -d"${warmup}s" "http://127.0.0.1:$p$path" >/dev/null; done
results="$data/ab.txt"
for r in $(seq 1 "$rounds"); do
    for i in "${!ports[@]}"; do
        p=${ports[$i]} pid=$(listener "${ports[$i]}") backend=$(listener 8081)
        t0=$(ticks "$pid") b0=$(ticks "$backend")
        out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$p$path")
        t1=$(ticks "$pid") b1=$(ticks "$backend")
        n=$(grep -o '[0-9]* requests in' <<<"$out" | cut -d' ' -f1)
        rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out") p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
        cpu=$(( (t1 - t0) * tick_us / n )) backend_cpu=$(( (b1 - b0) * tick_us / n ))
        echo "${names[$i]} $rps $cpu $backend_cpu" >>"$results"
        printf 'round %d %-8s %9s req/s  p99 %9s  CPU µs/req: this JVM %4d, article-service %4d  load %s %s\n' "$r" \
            "${names[$i]}" "$rps" "$p99" "$cpu" "$backend_cpu" "$(cut -d' ' -f1 /proc/loadavg)" \
            "$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr '\n' ' ')"
    done
done
direct_rps=$(awk '$1 == "direct" {print $2}' "$results" | median)
echo "== medians (ratio = variant req/s ÷ direct req/s)"
for name in "${names[@]}"; do
    rps=$(awk -v n="$name" '$1 == n {print $2}' "$results" | median)
    printf '%-8s %9s req/s  ratio %.2f  CPU µs/req: this JVM %s, article-service %s\n' "$name" "$rps" \
        "$(awk -v a="$rps" -v b="$direct_rps" 'BEGIN {print a / b}')" \
        "$(awk -v n="$name" '$1 == n {print $3}' "$results" | median)" "$(awk -v n="$name" '$1 == n {print $4}' "$results" | median)"
done
