#!/usr/bin/env bash
# The heap the bundle needs (issue 23): a host of 100 captured routes with the status page over a
# year (HundredRoutesApp, its store filled with a year of those routes) under wrk, at several -Xmx,
# alternating; for each, the share of wall time spent in GC pauses (from -Xlog:gc) and the
# requests served. Then, at one -Xmx, the live heap after a full collection with the bundle and
# without it (HundredRoutesApp$WithoutStatus, the same host), under the same load.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/memory.sh [options]

For each round and each heap size (ascending in odd rounds, descending in even ones): start the app
with -Xms and -Xmx at that size and -Xlog:gc, wait for its fill, load it with wrk (bench/wrk/
hundred-routes.lua: the 100 routes in turn, every 1,000th request the year page, gzipped) for a
warm-up and a measured run, and read the GC pauses logged during the measured run. Prints per heap:
requests/s, GC pause share of the measured time, and the same share scaled to 10,000 requests/s
(pause time per request x 10,000), median and range over the rounds.
Then "with" and "without" the bundle at the largest heap: live heap after a full GC under load.

options:
  -r ROUNDS     rounds, 1..10 (default 3)
  -x "SIZES"    heap sizes in MiB (default "24 32 48 64 96 128")
  -d SECONDS    measured wrk run, 5..120 (default 20)
  -w SECONDS    warm-up before it, 0..60 (default 15)
  -c CONNS      wrk connections (default 16)
  -p PORT       the app's port on 127.0.0.1 (default 18680; the admin port is PORT+1)
  --no-build    use the jar as it is
  -o DIR        where results go (default bench/target/memory/<timestamp>)
  -h            this text
EOF
}

rounds=3 sizes="24 32 48 64 96 128" duration=20 warmup=15 connections=16 port=18680 build=1 out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    -r) rounds="$2"; shift 2 ;;
    -x) sizes="$2"; shift 2 ;;
    -d) duration="$2"; shift 2 ;;
    -w) warmup="$2"; shift 2 ;;
    -c) connections="$2"; shift 2 ;;
    -p) port="$2"; shift 2 ;;
    -o) out="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ "$rounds" =~ ^[0-9]+$ ]] && (( rounds >= 1 && rounds <= 10 )) || { echo "rounds must be 1..10" >&2; exit 2; }
[[ "$duration" =~ ^[0-9]+$ ]] && (( duration >= 5 && duration <= 120 )) || { echo "-d must be 5..120" >&2; exit 2; }
[[ "$warmup" =~ ^[0-9]+$ ]] && (( warmup <= 60 )) || { echo "-w must be 0..60" >&2; exit 2; }
for size in $sizes; do
  [[ "$size" =~ ^[0-9]+$ ]] && (( size >= 8 && size <= 4096 )) || { echo "heap sizes must be 8..4096 MiB" >&2; exit 2; }
done

repo="$(cd "$(dirname "$0")/.." && pwd)"
jar="$repo/bench/target/benchmarks.jar"
out="${out:-$repo/bench/target/memory/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out"
results="$out/results.tsv"
host="127.0.0.1"

for tool in java wrk curl awk jcmd; do
  command -v "$tool" >/dev/null || { echo "needs $tool on the PATH" >&2; exit 1; }
done
if ss -ltn "sport = :$port" | grep -q LISTEN || ss -ltn "sport = :$((port + 1))" | grep -q LISTEN; then
  echo "port $port or $((port + 1)) is in use on this machine; choose another with -p" >&2; exit 1
fi
if (( build )); then
  (cd "$repo" && mvn -B -q package -DskipTests -pl bench -am)
fi

app_pid="" db_dir=""
stop_app() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill -KILL "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
  if [[ -n "$db_dir" ]]; then rm -rf "$db_dir"; db_dir=""; fi
}
trap stop_app EXIT
trap 'exit 130' INT TERM

# start_app MAIN CONFIG HEAP_MIB LOG GCLOG: starts it and waits until it serves (and, with the
# bundle, until the year is filled and the page shows it).
start_app() {
  local main="$1" config="$2" heap="$3" log="$4" gclog="$5"
  db_dir="$(mktemp -d /tmp/trafficstatus-memory-XXXXXX)"
  BENCH_PORT="$port" BENCH_ADMIN_PORT="$((port + 1))" BENCH_DB_URL="jdbc:h2:$db_dir/status" \
    java "-Xms${heap}m" "-Xmx${heap}m" "-Xlog:gc:file=$gclog:uptime" -cp "$jar" "$main" \
    server "$config" >"$log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 1200); do   # at most 5 minutes: filling a year takes a while on a busy machine
    if curl -fsS --max-time 10 -o /dev/null "http://$host:$port/api/v1/resource0/1" 2>/dev/null; then
      if [[ "$config" == *without* ]] || { grep -q 'bench-fill: the year is written' "$log" &&
        curl -fsS --max-time 60 -o /dev/null "http://$host:$port/status?days=365" 2>/dev/null; }; then
        return 0
      fi
    fi
    kill -0 "$app_pid" 2>/dev/null || { echo "the app died on start; see $log" >&2; exit 1; }
    # A heap too small to fill the year or render its page is a result, not a failure of the run.
    if grep -q OutOfMemoryError "$log"; then stop_app; return 1; fi
    sleep 0.25
  done
  echo "the app was not ready within 5 minutes; see $log" >&2
  exit 1
}

run_wrk() { # seconds, output file, PAGE
  PAGE="$3" timeout $(( $1 + 30 )) wrk -t2 -c"$connections" -d"$1s" -s "$repo/bench/wrk/hundred-routes.lua" \
    "http://$host:$port" >"$2" 2>&1
  if grep -qE "Non-2xx or 3xx responses|Socket errors" "$2"; then
    echo "wrk saw errors; see $2" >&2; exit 1
  fi
}

uptime_s() { # the JVM's uptime, as -Xlog:gc:uptime stamps it
  jcmd "$1" VM.uptime | awk 'NR == 2 { print $1 + 0 }'
}

gc_pause_ms() { # GC pause milliseconds logged between two uptimes
  awk -v from="$2" -v to="$3" '
    / Pause / && $NF ~ /ms$/ {
      t = $1; sub(/^\[/, "", t); sub(/s\].*/, "", t)
      d = $NF; sub(/ms$/, "", d)
      if (t + 0 >= from + 0 && t + 0 <= to + 0) total += d
    }
    END { printf "%.1f", total + 0 }' "$1"
}

printf 'round\theap_mib\tload\trequests_per_s\tgc_pause_ms\tmeasured_s\tgc_share_pct\tgc_share_at_10k_pct\n' >"$results"
for round in $(seq 1 "$rounds"); do
  if (( round % 2 )); then order="$sizes"; else order="$(tr ' ' '\n' <<<"$sizes" | sort -rn | tr '\n' ' ')"; fi
  for heap in $order; do
    log="$out/app-$round-$heap.log" gclog="$out/gc-$round-$heap.log"
    if ! start_app dev.trafficstatus.bench.app.HundredRoutesApp "$repo/bench/wrk/memory-app.yml" "$heap" "$log" "$gclog"; then
      echo "round $round  -Xmx${heap}m  OutOfMemoryError before it served the year page (see $log)"
      printf '%s\t%s\t%s\toom\t\t\t\t\n' "$round" "$heap" "$(cut -d' ' -f1 /proc/loadavg)" >>"$results"
      continue
    fi
    (( warmup > 0 )) && run_wrk "$warmup" "$out/warmup-$round-$heap.txt" yes
    from="$(uptime_s "$app_pid")"
    run_wrk "$duration" "$out/wrk-$round-$heap.txt" yes
    to="$(uptime_s "$app_pid")"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    stop_app
    rps="$(awk '/^Requests\/sec:/ { print $2 }' "$out/wrk-$round-$heap.txt")"
    pause="$(gc_pause_ms "$gclog" "$from" "$to")"
    awk -v r="$round" -v h="$heap" -v l="$load" -v rps="$rps" -v p="$pause" -v a="$from" -v b="$to" 'BEGIN {
      s = b - a; share = p / 10 / s; at10k = p / (rps * s) * 10000 / 10
      printf "%s\t%s\t%s\t%.0f\t%s\t%.1f\t%.2f\t%.2f\n", r, h, l, rps, p, s, share, at10k }' >>"$results"
    tail -1 "$results" | awk -F'\t' '{ printf "round %s  -Xmx%4sm  load %5s  %7s req/s  GC pauses %8s ms in %5s s: %5s %% (%5s %% at 10k req/s)\n", $1, $2, $3, $4, $5, $6, $7, $8 }'
  done
done

echo
echo "per heap: median (min-max) over $rounds rounds"
for heap in $sizes; do
  if awk -F'\t' -v h="$heap" 'NR > 1 && $2 == h && $4 == "oom" { f = 1 } END { exit !f }' "$results"; then
    printf -- '-Xmx%4sm  OutOfMemoryError in at least one round\n' "$heap"; continue
  fi
  awk -F'\t' -v h="$heap" 'NR > 1 && $2 == h { print $4, $7, $8 }' "$results" | sort -k2 -g |
    awk -v h="$heap" '{ r[NR] = $1; g[NR] = $2; k[NR] = $3 } END {
      m = (NR + 1) / 2; if (NR % 2 == 0) m = NR / 2
      printf "-Xmx%4sm  GC share %5.2f %% (%.2f-%.2f)   at 10k req/s %5.2f %%   req/s of that run %s\n", h, g[int(m)], g[1], g[NR], k[int(m)], r[int(m)] }'
done

# The bundle's heap in its host: live heap after a full GC, under load, with and without it.
largest="$(tr ' ' '\n' <<<"$sizes" | sort -n | tail -1)"
for mode in with without; do
  if [[ "$mode" == with ]]; then
    main=dev.trafficstatus.bench.app.HundredRoutesApp config="$repo/bench/wrk/memory-app.yml" page=yes
  else
    main='dev.trafficstatus.bench.app.HundredRoutesApp$WithoutStatus' config="$repo/bench/wrk/memory-app-without.yml" page=no
  fi
  start_app "$main" "$config" "$largest" "$out/app-live-$mode.log" "$out/gc-live-$mode.log"
  run_wrk "$warmup" "$out/wrk-live-$mode.txt" "$page"
  jcmd "$app_pid" GC.run >/dev/null
  live="$(jcmd "$app_pid" GC.heap_info | awk '/ used / { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); printf "%.1f", v / 1024; exit } }')"
  stop_app
  echo "live heap after a full GC, $mode the bundle: $live MiB" | tee -a "$out/live-heap.txt"
done
echo "results: $results"
