#!/usr/bin/env bash
# kill -9 mid-burst, restart, replay: every acknowledged write there once, no recorded email sent again.
# Usage: bench/crash.sh [customers=60] [kill-after-seconds=3]; BENCH_DB=postgres for PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package
exec python3 -W ignore::DeprecationWarning bench/crash.py "$@"
