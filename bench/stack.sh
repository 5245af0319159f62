# Sourced by run.sh and gateway.sh: builds (unless SKIP_BUILD=1) and starts the README's local stack with its own
# temporary data folder, a generated admin password and full-JIT JVM options, waits until gateway and
# article-service answer, and stops it (and removes the folder) when the calling script exits.

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
# `|| true`: under `set -e` the stack's non-zero exit status (killed) would end the trap before the folder is removed.
trap 'kill "$stack" 2>/dev/null; wait "$stack" 2>/dev/null || true; rm -rf "$data"' EXIT

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
