#!/usr/bin/env bash
# Read benchmark: GET /articles/{slug} and GET /api/articles/{slug}, through the gateway and direct to
# article-service, in one run, on the local stack (README "Quick start") started here with its own
# temporary data folder. Not part of `mvn verify`. The Java load generator; gateway.sh does the same with wrk.
#
#   bench/run.sh                      # build, start the stack, benchmark, stop the stack
#   SKIP_BUILD=1 bench/run.sh         # reuse the jars already in */target
#   bench/run.sh 32 30 10 3           # connections, warm-up s, seconds per target and round, rounds
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/stack.sh

java bench/ReadBench.java http://127.0.0.1:8080 http://127.0.0.1:8081 "$@"
