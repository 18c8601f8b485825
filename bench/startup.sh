#!/usr/bin/env bash
# What the status bundle adds to its host's start (issue 23): the hello-world example
# (examples/hello-world, the bundle on an H2 file, or on PostgreSQL with -d) against the same app without the bundle
# (dev.trafficstatus.bench.startup.HelloWithoutStatus), from the same jar, with the same JVM options,
# alternating; or, with -H, Dropwizard's own example application with and without the bundle. For each start: wall time and the JVM's CPU time (user + system, every thread) when
# Jetty logs "Started", resident memory then, and the same again after a settling time (the store
# connects and migrates in the background, so some of its cost comes after "Started"); loaded
# classes (jstat); the live heap after a full collection (jcmd GC.run, then GC.heap_info); and the
# CPU at "Started" split into the main thread, the JIT compiler threads and the bundle's threads.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/startup.sh [options]

Each round starts, in an order that changes every round:
  without  HelloWithoutStatus, bench/startup/hello-without-status.yml
  first    HelloWorldApplication on a new H2 file (or database): the store migrates its schema
  later    HelloWorldApplication again on that file (database): the schema is current
("later" always follows "first", as it needs its file.) Each app is killed after it is measured.
Prints the per-round figures, then per mode the median and range, and the bundle's added cost:
later - without and first - without, paired within each round.

options:
  -r ROUNDS     rounds, 1..30 (default 7)
  -s SECONDS    settling time after "Started" before the second reading, 0..60 (default 10)
  -j "OPTS"     JVM options for every start (default: none, as the README's run command)
  -b "OPTS"     more JVM options for "first" and "later" only, e.g. -Ddw.status.page.enabled=false
                to see what the bundle costs without a part that configuration turns off
  -H FOLDER     host: Dropwizard's own example application instead of hello-world, as
                bench/dropwizard-example.sh prepares it in FOLDER ("without" is the example as it
                is, "first" and "later" are WithStatusApplication: the example plus the bundle)
  -w CLASS      with -H, the main class of "first" and "later" instead of WithStatusApplication:
                com.example.helloworld.UnvalidatedStatusApplication is the same app whose status
                property is not @Valid, so Dropwizard does not validate the block (its price)
  -d DATABASE   the store's database: h2 (default: an H2 file per round, as the example) or
                postgresql (a PostgreSQL server of zonky's binaries, started once, with an empty
                database per round; its server's CPU is not the app's and is not counted)
  --no-build    use the jars as they are instead of building them first
  -o DIR        where results go (default bench/target/startup/<timestamp>)
  -h            this text
EOF
}

rounds=7 settle=10 jvm_opts="" with_opts="" build=1 out="" database=h2 host="" with_main=com.example.helloworld.WithStatusApplication
while [[ $# -gt 0 ]]; do
  case "$1" in
    -r) rounds="$2"; shift 2 ;;
    -s) settle="$2"; shift 2 ;;
    -j) jvm_opts="$2"; shift 2 ;;
    -b) with_opts="$2"; shift 2 ;;
    -w) with_main="$2"; shift 2 ;;
    -d) database="$2"; shift 2 ;;
    -H) host="$(cd "$2" 2>/dev/null && pwd)" || { echo "-H: no folder $2" >&2; exit 2; }; shift 2 ;;
    -o) out="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ "$rounds" =~ ^[0-9]+$ ]] && (( rounds >= 1 && rounds <= 30 )) || { echo "rounds must be 1..30" >&2; exit 2; }
[[ "$settle" =~ ^[0-9]+$ ]] && (( settle <= 60 )) || { echo "settle must be 0..60" >&2; exit 2; }
[[ -n "$host" || "$with_main" == com.example.helloworld.WithStatusApplication ]] || { echo "-w needs -H" >&2; exit 2; }
[[ "$database" == h2 || "$database" == postgresql ]] || { echo "database must be h2 or postgresql" >&2; exit 2; }

repo="$(cd "$(dirname "$0")/.." && pwd)"
jar="$repo/examples/hello-world/target/hello-world.jar"
out="${out:-$repo/bench/target/startup/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out"
results="$out/results.tsv"

for tool in java jstat jcmd awk getconf; do
  command -v "$tool" >/dev/null || { echo "needs $tool on the PATH" >&2; exit 1; }
done
if (( build )); then
  (cd "$repo" && mvn -B -q package -DskipTests -pl bench -am)
fi
# Only HelloWithoutStatus's classes beside the example's jar: both modes run on one class path.
classes="$out/classes"
mkdir -p "$classes/dev/trafficstatus/bench/startup"
cp "$repo"/bench/target/classes/dev/trafficstatus/bench/startup/*.class "$classes/dev/trafficstatus/bench/startup/"
classpath="$jar:$classes"
if [[ -n "$host" ]]; then
  [[ -f "$host/classpath" ]] || { echo "no $host/classpath: run bench/dropwizard-example.sh first" >&2; exit 1; }
  classpath="$(cat "$host/classpath")"
fi
# shellcheck source=bench/startup-common.sh
source "$repo/bench/startup-common.sh"

pg_pid=""
cleanup() {
  kill_app
  if [[ -n "$pg_pid" ]]; then
    exec 3>&- # StartupPostgres stops its server when its standard input closes
    wait "$pg_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

pg_urls=() pg_users=()
if [[ "$database" == postgresql ]]; then
  rm -f "$out/postgres.in" "$out/postgres.out"
  mkfifo "$out/postgres.in"
  java -cp "$repo/bench/target/benchmarks.jar" dev.trafficstatus.bench.startup.StartupPostgres "$rounds" \
    <"$out/postgres.in" >"$out/postgres.out" 2>"$out/postgres.log" &
  pg_pid=$!
  exec 3>"$out/postgres.in"
  for _ in $(seq 1 1800); do
    grep -qsx ready "$out/postgres.out" && break
    kill -0 "$pg_pid" 2>/dev/null || break
    sleep 0.1
  done
  grep -qx ready "$out/postgres.out" || { echo "PostgreSQL did not start; see $out/postgres.log" >&2; exit 1; }
  mapfile -t pg_urls < <(grep -v '^ready$' "$out/postgres.out" | cut -f1)
  mapfile -t pg_users < <(grep -v '^ready$' "$out/postgres.out" | cut -f2)
fi

rss_mib() {
  awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"
}
live_heap_mib() { # used heap after a full collection
  jcmd "$1" GC.run >/dev/null 3>&-
  jcmd "$1" GC.heap_info 3>&- | awk '/ used / { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); printf "%.1f", v / 1024; exit } }'
}

# run MODE DATA_DIR ROUND: starts one app, measures it, kills it; appends a line to $results.
run() {
  local mode="$1" data="$2" round="$3" main config log
  case "$mode" in
    without) main=dev.trafficstatus.bench.startup.HelloWithoutStatus; config="$repo/bench/startup/hello-without-status.yml" ;;
    *) main=dev.trafficstatus.examples.hello.HelloWorldApplication; config="$repo/examples/hello-world/config.yml" ;;
  esac
  if [[ -n "$host" ]]; then
    case "$mode" in
      without) main=com.example.helloworld.HelloWorldApplication; config="$host/without.yml" ;;
      *) main="$with_main"; config="$host/with-status.yml" ;;
    esac
  fi
  log="$out/$round-$mode.log"
  local load
  load="$(cut -d' ' -f1 /proc/loadavg)"
  local t0 opts="$jvm_opts"
  [[ "$mode" == without ]] || opts="$jvm_opts $with_opts"
  t0="$(date +%s%N)"
  local db_url="jdbc:h2:$data/hello-world" db_user=sa
  if [[ "$database" == postgresql ]]; then
    db_url="${pg_urls[$((round - 1))]}" db_user="${pg_users[$((round - 1))]}"
  fi
  # Not fd 3 (StartupPostgres's input): an app that outlived the script would keep PostgreSQL up.
  # shellcheck disable=SC2086
  PORT=0 ADMIN_PORT=0 STATUS_DB_URL="$db_url" STATUS_DB_USER="$db_user" STATUS_DB_PASSWORD="" \
    java $opts -cp "$classpath" "$main" server "$config" >"$log" 2>&1 3>&- &
  pid=$!
  await_started "$log" "$mode"
  local wall cpu rss groups
  wall="$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')"
  cpu="$(cpu_seconds "$pid")"
  groups="$(cpu_groups "$pid")"
  rss="$(rss_mib "$pid")"
  if [[ "$mode" == first ]]; then
    # "later" needs all of the schema.
    await_schema "$log" || { echo "first: no migration seen; see $log" >&2; exit 1; }
  fi
  sleep "$settle"
  local cpu_settled rss_settled loaded heap
  cpu_settled="$(cpu_seconds "$pid")"
  rss_settled="$(rss_mib "$pid")"
  loaded="$(classes_loaded "$pid")"
  heap="$(live_heap_mib "$pid")"
  if [[ "$mode" != without ]] && ! grep -q 'Traffic Status page: ' "$log"; then
    echo "$mode started without the status page; see $log" >&2
    exit 1
  fi
  kill_app
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$mode" "$load" "$wall" "$cpu" "$rss" \
    "$cpu_settled" "$rss_settled" "$loaded" "$heap" "$groups" >>"$results"
  printf 'round %s %-7s load %5s  started in %6ss, CPU %6ss, RSS %4s MiB; settled: CPU %6ss, RSS %4s MiB, %s classes, live heap %s MiB\n' \
    "$round" "$mode" "$load" "$wall" "$cpu" "$rss" "$cpu_settled" "$rss_settled" "$loaded" "$heap"
}

printf 'round\tmode\tload\twall_s\tcpu_s\trss_mib\tcpu_settled_s\trss_settled_mib\tclasses\tlive_heap_mib\tmain_s\tjit_s\tbundle_s\tother_s\n' >"$results"
for round in $(seq 1 "$rounds"); do
  data="$out/data-$round"
  mkdir -p "$data"
  if (( round % 2 )); then
    run without "$data" "$round"; run first "$data" "$round"; run later "$data" "$round"
  else
    run first "$data" "$round"; run later "$data" "$round"; run without "$data" "$round"
  fi
  rm -rf "$data"
done

echo
echo "per mode: median (min-max) over $rounds rounds"
for column in 4:wall_s 5:cpu_s 6:rss_mib 7:cpu_settled_s 8:rss_settled_mib 9:classes 10:live_heap_mib; do
  for mode in without first later; do
    awk -F'\t' -v m="$mode" -v c="${column%%:*}" 'NR > 1 && $2 == m { print $c }' "$results" | sort -g |
      awk -v m="$mode" -v n="${column#*:}" '{ v[NR] = $1 } END { printf "%-16s %-8s %9s (%s-%s)\n", n, m, (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[1], v[NR] }'
  done
done
echo
echo "added by the bundle, paired by round: median (min-max)"
for column in 5:cpu_s 11:main_s 12:jit_s 13:bundle_s 6:rss_mib 7:cpu_settled_s 8:rss_settled_mib 9:classes 10:live_heap_mib; do
  for mode in later first; do
    awk -F'\t' -v m="$mode" -v c="${column%%:*}" '
      NR > 1 && $2 == "without" { base[$1] = $c }
      NR > 1 && $2 == m { with[$1] = $c }
      END { for (r in with) print with[r] - base[r] }' "$results" | sort -g |
      awk -v m="$mode" -v n="${column#*:}" '{ v[NR] = $1 } END { printf "%-16s %-6s - without %9.2f (%.2f-%.2f)\n", n, m, (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[1], v[NR] }'
  done
done
# The same, as a share of the host's own start: what the proposed restated budget reads (BENCHMARKS.md, Run 8).
awk -F'\t' '
  NR > 1 && $2 == "without" { base[$1] = $5 }
  NR > 1 && $2 == "later" { with[$1] = $5 }
  END { for (r in with) print 100 * (with[r] - base[r]) / base[r] }' "$results" | sort -g |
  awk '{ v[NR] = $1 } END { printf "%-16s %-6s - without %8.1f %% of without (%.1f-%.1f)\n", "cpu_s", "later", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[1], v[NR] }'
echo "results: $results"
