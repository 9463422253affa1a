#!/usr/bin/env bash
# Ingestion and milestone-correlation benchmark of Touchpoints against their raw ceilings (see docs/benchmarks.md).
#
#   bench/run.sh [events] [instances] [milestone-batch]
#
#   events           usage events pushed through the API and inserted raw (default 200000)
#   instances        onboarding instances correlated per path, API and raw engine (default 2000)
#   milestone-batch  milestone events per API request in the correlation part (default 50)
#
# Environment: BENCH_ORDER=api-first runs the API before its raw counterpart (default raw-first);
# BENCH_JAVA_OPTS replaces the JVM options (default -Xms2g -Xmx2g).
# Exit code 0 when every target is met, 2 when a target is missed, 1 when the run failed.
set -euo pipefail

cd "$(dirname "$0")/.."

echo "Building the service and the benchmark..."
./mvnw -q -B -DskipTests compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
rm -rf target/bench-classes
mkdir -p target/bench-classes
classpath="target/classes:$(cat target/bench.classpath)"
find bench/src -name '*.java' > target/bench-sources.txt
javac -nowarn -d target/bench-classes -cp "$classpath" --release 17 @target/bench-sources.txt

# The service reads processes/ and templates/ relative to the working directory: the repository root.
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xms2g -Xmx2g} -Dbench.order="${BENCH_ORDER:-raw-first}" \
  -cp "target/bench-classes:$classpath" io.touchpoints.bench.UsageBenchmark "$@"
