#!/usr/bin/env bash
# The daily adoption evaluation of many customers on PostgreSQL against one raw SQL pass (docs/benchmarks.md).
#   bench/adoption.sh [customers=10000]
# Needs PostgreSQL at 127.0.0.1:5432 with trust authentication for the postgres user (-Dbench.pg.server= to change);
# creates a database of its own and drops it afterwards. Exit code 0 when the targets are met, 2 when one is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
rm -rf target/bench-classes && mkdir -p target/bench-classes
classpath="target/classes:$(cat target/bench.classpath)"
find bench/src -name '*.java' > target/bench-sources.txt
javac -nowarn -d target/bench-classes -cp "$classpath" --release 17 @target/bench-sources.txt
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xms2g -Xmx2g} -cp "target/bench-classes:$classpath" io.touchpoints.bench.AdoptionBenchmark "$@"
