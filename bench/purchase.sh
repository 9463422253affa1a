#!/usr/bin/env bash
# Journey start through the purchase API against the raw engine starting the same lifecycle (docs/benchmarks.md).
#   bench/purchase.sh [purchases-per-path=400]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
rm -rf target/bench-classes && mkdir -p target/bench-classes
classpath="target/classes:$(cat target/bench.classpath)"
find bench/src -name '*.java' > target/bench-sources.txt
javac -nowarn -d target/bench-classes -cp "$classpath" --release 17 @target/bench-sources.txt
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xms2g -Xmx2g} -cp "target/bench-classes:$classpath" io.touchpoints.bench.PurchaseBenchmark "$@"
