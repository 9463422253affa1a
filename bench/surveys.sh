#!/usr/bin/env bash
# Survey answers through the one-click links against the raw engine correlating the same answers, and the NPS
# figures over many responses (docs/benchmarks.md).
#   bench/surveys.sh [answers-per-path=10000] [responses-for-figures=100000]
# Environment: BENCH_ORDER=api-first runs the links before the raw correlations (default raw-first);
# BENCH_DB_URL=jdbc:postgresql://127.0.0.1:5432/<fresh database> runs on PostgreSQL instead of an H2 file.
# Exit code 0 when every target is met, 2 when one is missed, 1 when the run failed.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
rm -rf target/bench-classes && mkdir -p target/bench-classes
classpath="target/classes:$(cat target/bench.classpath)"
find bench/src -name '*.java' > target/bench-sources.txt
javac -nowarn -d target/bench-classes -cp "$classpath" --release 17 @target/bench-sources.txt
db=()
if [[ -n "${BENCH_DB_URL:-}" ]]; then db=("-Dbench.db.url=$BENCH_DB_URL"); fi
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xms2g -Xmx2g} -Dbench.order="${BENCH_ORDER:-raw-first}" "${db[@]}" \
  -cp "target/bench-classes:$classpath" io.touchpoints.survey.SurveyBenchmark "$@"
