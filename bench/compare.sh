#!/usr/bin/env bash
# The ingestion and correlation benchmark of this checkout against an earlier release, in one run on one machine.
#
#   bench/compare.sh [base-ref] [rounds] [-- bench/run.sh arguments]
#
#   base-ref  the release to compare with (default c9f3e35: the last commit before the customer lifecycle)
#             against the current commit (HEAD; uncommitted changes are not measured)
#   rounds    how many times the order base, current, current, base is run (default 1: four benchmark runs)
#
# BENCH_DB=postgres runs both sides on PostgreSQL (database benchpg on 127.0.0.1:5432 as postgres, created afresh
# before each run). This machine's PostgreSQL runs with autovacuum off; production never does, and without it the
# planner has no statistics for the tables a run fills: the script turns it on for the run and resets it afterwards.
#
# Each side runs its own bench/run.sh (the harness as of that commit, so it drives that release's API), in the order
# base, current, current, base, so that what drifts on the machine weighs on both alike. Logs go to
# target/bench-compare/; the script prints each run's figures and each side's mean, and the current side as a
# percentage of the base. Exit code 0 when every current mean is at least 90% of the base's, 2 otherwise.
set -euo pipefail

cd "$(dirname "$0")/.."
base_ref="${1:-c9f3e35}"
rounds="${2:-1}"
shift $(( $# > 2 ? 2 : $# ))
[ "${1:-}" = "--" ] && shift
bench_args=("$@")
out="target/bench-compare"
base_dir="$(pwd)/target/bench-base"
current_dir="$(pwd)/target/bench-current"
rm -rf "${out}"
mkdir -p "${out}"

for dir in "${base_dir}" "${current_dir}"; do
  if [ -d "${dir}" ]; then git worktree remove --force "${dir}" 2>/dev/null || rm -rf "${dir}"; fi
done
git worktree prune
git worktree add --detach --force "${base_dir}" "${base_ref}" >/dev/null
git worktree add --detach --force "${current_dir}" HEAD >/dev/null
postgres=$([ "${BENCH_DB:-h2}" = postgres ] && echo yes || echo no)
psql_admin() { psql -h 127.0.0.1 -U postgres -qAt "$@"; }
cleanup() {
  git worktree remove --force "${base_dir}" >/dev/null 2>&1 || true
  git worktree remove --force "${current_dir}" >/dev/null 2>&1 || true
  if [ "${postgres}" = yes ]; then
    psql_admin -c "drop database if exists benchpg" -c "alter system reset autovacuum" -c "select pg_reload_conf()" >/dev/null || true
  fi
}
trap cleanup EXIT
if [ "${postgres}" = yes ]; then
  psql_admin -c "alter system set autovacuum = on" -c "select pg_reload_conf()" >/dev/null
  # Releases before 06bf6bf lose a race for the first link-signing key on PostgreSQL (their journeys fail): give the
  # base this checkout's LinkSecret, adapted to the settings class it had, and nothing else.
  base_secret="${base_dir}/src/main/java/io/touchpoints/touchpoint/LinkSecret.java"
  if ! grep -q REQUIRES_NEW "${base_secret}"; then
    settings=$(grep -o 'LinkSecret(JdbcTemplate jdbc, [A-Za-z]* properties' "${base_secret}" | awk '{print $3}')
    sed "s/EmailSettings properties/io.touchpoints.system.${settings} properties/; s/io.touchpoints.system.EmailSettings/EmailSettings/" \
      src/main/java/io/touchpoints/touchpoint/LinkSecret.java > "${base_secret}"
  fi
fi
# The harness starts each side's service the same way: this checkout's BenchService (c9f3e35's differed only in
# passwords its own policy refused and in leaving out WRITE_DELAY=0, the durability both releases ship with).
cp bench/src/io/touchpoints/bench/BenchService.java "${base_dir}/bench/src/io/touchpoints/bench/BenchService.java"

run() { # side, run number
  local dir log
  dir="$([ "$1" = base ] && echo "${base_dir}" || echo "${current_dir}")"
  log="${out}/$1-$2.log"
  echo "== $1 (run $2): $(cd "${dir}" && git log -1 --format='%h %s' | cut -c1-80)"
  local java_opts="${BENCH_JAVA_OPTS:--Xms2g -Xmx2g}"
  if [ "${postgres}" = yes ]; then
    psql_admin -c "drop database if exists benchpg" -c "create database benchpg" >/dev/null
    java_opts="${java_opts} -Dbench.db.url=jdbc:postgresql://127.0.0.1:5432/benchpg"
  fi
  (cd "${dir}" && BENCH_JAVA_OPTS="${java_opts}" bench/run.sh "${bench_args[@]}") > "${log}" 2>&1 || [ $? -eq 2 ] \
    || { echo "run failed: ${log}"; tail -20 "${log}"; exit 1; }
  figures "${log}"
}

# API ingest events/s, raw events/s, API correlations/s, raw correlations/s, from a run's summary.
figures() {
  awk '/^API ingest:/ {gsub(",", "", $3); i=$3} /^Raw JDBC batch:/ {gsub(",", "", $4); r=$4}
       /^API milestones:/ {gsub(",", "", $3); c=$3} /^Raw engine:/ {gsub(",", "", $3); e=$3}
       END {printf "   ingest API %s/s raw %s/s; correlation API %s/s raw %s/s\n", i, r, c, e}' "$1"
}

n=0
for _ in $(seq 1 "${rounds}"); do
  for side in base current current base; do
    n=$((n + 1))
    run "${side}" "${n}"
  done
done

echo
echo "== Means over ${rounds} round(s): current as % of ${base_ref} =="
python3 - "${out}" <<'PY'
import glob, re, statistics, sys
out = sys.argv[1]
names = {"API ingest:": "API ingestion events/s", "Raw JDBC batch:": "raw ingestion events/s",
         "API milestones:": "API correlations/s", "Raw engine:": "raw correlations/s"}
sides = {}
for log in sorted(glob.glob(out + "/*.log")):
    side = log.split("/")[-1].split("-")[0]
    for line in open(log):
        for prefix, name in names.items():
            if line.startswith(prefix):
                value = float(re.search(r"([\d,]+) (events|correlations)/s", line).group(1).replace(",", ""))
                sides.setdefault(side, {}).setdefault(name, []).append(value)
worst = 1e9
for name in names.values():
    base = statistics.mean(sides["base"][name]); current = statistics.mean(sides["current"][name])
    worst = min(worst, current / base)
    print(f"{name:26} base {base:10,.0f}   current {current:10,.0f}   {100 * current / base:5.0f}%")
print("Every figure within 10% of the base." if worst >= 0.9 else "A figure fell more than 10% below the base (exit code 2).")
sys.exit(0 if worst >= 0.9 else 2)
PY
