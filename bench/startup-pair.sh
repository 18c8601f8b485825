#!/usr/bin/env bash
# Two builds of the bundle side by side (issue 23): the hello-world example of checkout A against
# that of checkout B, later starts only (the store's schema is current), alternating A/B and B/A
# each round. What a change to the bundle's start costs or saves, paired within each round, which
# this machine's noise (± 0.4 CPU-s between unpaired runs) needs. For each start: the process's CPU
# time when Jetty logs "Started" and after a settling time, the JIT compiler threads' share, and
# the classes loaded.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/startup-pair.sh [options] CHECKOUT_A CHECKOUT_B

CHECKOUT_A and CHECKOUT_B are two checkouts (git worktrees) of this project, each with its
examples/hello-world/target/hello-world.jar built (mvn -B -q package -DskipTests -pl
examples/hello-world -am). Each gets an H2 file of its own, created by one start that is not
measured. Prints each start, then B - A paired by round: median (min-max).

options:
  -r ROUNDS     rounds, 1..30 (default 10)
  -s SECONDS    settling time after "Started" before the second reading, 0..60 (default 3)
  -j "OPTS"     JVM options for every start (default: none)
  -a "OPTS"     more JVM options for side A's starts only; -b "OPTS" for side B's. With the same
                checkout twice and a Dropwizard override, the price of a part of the bundle that
                configuration turns off, e.g. -b -Ddw.status.page.enabled=false . .
  -o DIR        where results go (default bench/target/startup-pair/<timestamp>)
  -h            this text
EOF
}

rounds=10 settle=3 jvm_opts="" out=""
declare -A side_opts=([A]="" [B]="")
while [[ $# -gt 0 ]]; do
  case "$1" in
    -r) rounds="$2"; shift 2 ;;
    -s) settle="$2"; shift 2 ;;
    -j) jvm_opts="$2"; shift 2 ;;
    -a) side_opts[A]="$2"; shift 2 ;;
    -b) side_opts[B]="$2"; shift 2 ;;
    -o) out="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    *) break ;;
  esac
done
[[ $# -eq 2 ]] || { usage >&2; exit 2; }
[[ "$rounds" =~ ^[0-9]+$ ]] && (( rounds >= 1 && rounds <= 30 )) || { echo "rounds must be 1..30" >&2; exit 2; }
[[ "$settle" =~ ^[0-9]+$ ]] && (( settle <= 60 )) || { echo "settle must be 0..60" >&2; exit 2; }

repo="$(cd "$(dirname "$0")/.." && pwd)"
declare -A checkout
checkout[A]="$(cd "$1" && pwd)"
checkout[B]="$(cd "$2" && pwd)"
for side in A B; do
  jar="${checkout[$side]}/examples/hello-world/target/hello-world.jar"
  [[ -f "$jar" ]] || { echo "$side: no $jar; build it first" >&2; exit 1; }
done
out="${out:-$repo/bench/target/startup-pair/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out"
results="$out/results.tsv"
# shellcheck source=bench/startup-common.sh
source "$repo/bench/startup-common.sh"

# start SIDE ROUND: starts side's example on its H2 file; with a round, measures it; kills it.
start() {
  local side="$1" round="$2" dir="${checkout[$1]}" log
  log="$out/$round-$side.log"
  # shellcheck disable=SC2086
  PORT=0 ADMIN_PORT=0 STATUS_DB_URL="jdbc:h2:$out/data-$side/hello-world" \
    java $jvm_opts ${side_opts[$side]} -cp "$dir/examples/hello-world/target/hello-world.jar" \
    dev.trafficstatus.examples.hello.HelloWorldApplication server "$dir/examples/hello-world/config.yml" \
    >"$log" 2>&1 &
  pid=$!
  await_started "$log" "$side"
  if [[ "$round" == setup ]]; then
    await_schema "$log" || { echo "$side: no schema created; see $log" >&2; exit 1; }
  else
    local cpu load
    cpu="$(cpu_seconds "$pid")"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    sleep "$settle"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$side" "$load" "$cpu" "$(cpu_seconds "$pid")" \
      "$(cpu_groups "$pid" | cut -f2)" "$(classes_loaded "$pid")" >>"$results"
    tail -1 "$results"
  fi
  kill_app
}

start A setup
start B setup
printf 'round\tside\tload\tcpu_started_s\tcpu_settled_s\tcompiler_s\tclasses\n' | tee "$results"
for round in $(seq 1 "$rounds"); do
  if (( round % 2 )); then start A "$round"; start B "$round"; else start B "$round"; start A "$round"; fi
done

echo
echo "B - A, paired by round: median (min-max) over $rounds rounds"
for column in 4:cpu_started_s 5:cpu_settled_s 6:compiler_s 7:classes; do
  awk -F'\t' -v c="${column%%:*}" '
    NR > 1 && $2 == "A" { a[$1] = $c }
    NR > 1 && $2 == "B" { b[$1] = $c }
    END { for (r in b) print b[r] - a[r] }' "$results" | sort -g |
    awk -v n="${column#*:}" '{ v[NR] = $1 } END { printf "%-14s %8.2f (%.2f to %.2f)\n", n, (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[1], v[NR] }'
done
echo "results: $results"
