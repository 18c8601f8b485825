#!/usr/bin/env bash
# A normal viewer's latency while the page is flooded with requests for ever new windows
# (?days=1..365, issue 14.3), compared with a flood of the same size on one window. Load goes to
# 127.0.0.1 only; every run is bounded in time.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/wrk-page.sh [options]

Runs the page app (bench/target/benchmarks.jar, PageBenchApp: 103 routes x 365 days, filled on
start) and, per round and mode, two wrk at once for the same time:
  flood   wrk -t2 -cCONNS with bench/wrk/rotating-days.lua (mode rotating: ?days=1..365, round
          and round) or bench/wrk/fixed-days.lua (mode fixed: the default window), gzip accepted
  viewer  wrk -t1 -c1 --latency on the default window: one person watching the page
Each round runs both modes (the order reverses every round) on a fresh app. At the end it prints,
per mode, the viewer's p99 and the flood's requests/s and non-2xx answers (median, min, max), and
the per-round ratio of the viewer's p99, rotating / fixed (target: within 2x).

options:
  -r ROUNDS     rounds, 1..10 (default 3)
  -d SECONDS    measured run per mode and round, 5..120 (default 20)
  -w SECONDS    warm-up before it, 0..60 (default 10)
  -c CONNS      flood connections (default 16)
  -f SECONDS    the page's refresh interval, 5..60 (default 10: a run spans refreshes)
  -n ROUTES     routes filled, 1..500 (default 103)
  -p PORT       the app's port on 127.0.0.1 (default 18580; the admin port is PORT+1)
  --no-pin      do not pin: by default the server runs on CPU 0 and both wrk on CPU 1 (taskset)
  --no-build    use the jar as it is instead of building it first
  -o DIR        where results go (default bench/target/wrk-page/<timestamp>)
  -h            this text
EOF
}

rounds=3 duration=20 warmup=10 connections=16 refresh=10 routes=103 port=18580 pin=1 build=1 out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    -r) rounds="$2"; shift 2 ;;
    -d) duration="$2"; shift 2 ;;
    -w) warmup="$2"; shift 2 ;;
    -c) connections="$2"; shift 2 ;;
    -f) refresh="$2"; shift 2 ;;
    -n) routes="$2"; shift 2 ;;
    -p) port="$2"; shift 2 ;;
    -o) out="$2"; shift 2 ;;
    --no-pin) pin=0; shift ;;
    --no-build) build=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

in_range() { [[ "$2" =~ ^[0-9]+$ ]] && (( $2 >= $3 && $2 <= $4 )) || { echo "$1 must be $3..$4, got $2" >&2; exit 2; }; }
in_range rounds "$rounds" 1 10
in_range duration "$duration" 5 120
in_range warmup "$warmup" 0 60
in_range connections "$connections" 1 256
in_range refresh "$refresh" 5 60
in_range routes "$routes" 1 500
in_range port "$port" 1024 65000

repo="$(cd "$(dirname "$0")/.." && pwd)"
jar="$repo/bench/target/benchmarks.jar"
config="$repo/bench/wrk/page-app.yml"
out="${out:-$repo/bench/target/wrk-page/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out"
results="$out/results.tsv"
host="127.0.0.1"   # loopback only, never configurable

for tool in java wrk curl awk; do
  command -v "$tool" >/dev/null || { echo "needs $tool on the PATH" >&2; exit 1; }
done
if (( pin )) && ! command -v taskset >/dev/null; then
  echo "taskset not found; run with --no-pin" >&2; exit 1
fi
server_cpu=() client_cpu=()
if (( pin )); then
  server_cpu=(taskset -c 0)
  client_cpu=(taskset -c 1)
fi

app_pid=""
db_dir=""
stop_app() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do   # at most 10 s for a graceful stop
      kill -0 "$app_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
  if [[ -n "$db_dir" ]]; then rm -rf "$db_dir"; db_dir=""; fi
}
trap stop_app EXIT
trap 'exit 130' INT TERM

if ss -ltn "sport = :$port" | grep -q LISTEN || ss -ltn "sport = :$((port + 1))" | grep -q LISTEN; then
  echo "port $port or $((port + 1)) is in use on this machine; choose another with -p" >&2; exit 1
fi

if (( build )); then
  echo "building bench/target/benchmarks.jar ..."
  (cd "$repo" && mvn -B -q package -DskipTests -pl bench -am)
fi
[[ -f "$jar" ]] || { echo "no $jar; build it or drop --no-build" >&2; exit 1; }

start_app() {   # log file
  db_dir="$(mktemp -d /tmp/trafficstatus-wrk-page-XXXXXX)"
  BENCH_PORT="$port" BENCH_ADMIN_PORT="$((port + 1))" BENCH_DB_URL="jdbc:h2:$db_dir/status" \
    BENCH_PAGE_REFRESH="${refresh}s" BENCH_ROUTES="$routes" \
    "${server_cpu[@]}" java -Xms1g -Xmx1g -cp "$jar" dev.trafficstatus.bench.app.PageBenchApp \
    server "$config" >"$1" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 480); do   # at most 120 s to start and fill
    if curl -fsS -H 'Accept: application/json' "http://$host:$port/status" 2>/dev/null \
        | grep -o '"rule"' | wc -l | grep -qx "$routes"; then
      return 0
    fi
    kill -0 "$app_pid" 2>/dev/null || { echo "the app died on start; see $1" >&2; exit 1; }
    sleep 0.25
  done
  echo "the page did not show $routes routes within 120 s; see $1" >&2
  exit 1
}

run_wrk() {   # seconds, output file, wrk options...
  local seconds="$1" file="$2"
  shift 2
  timeout $(( seconds + 30 )) "${client_cpu[@]}" wrk -d"${seconds}s" "$@" >"$file" 2>&1
}

script_of() { [[ "$1" == rotating ]] && echo "$repo/bench/wrk/rotating-days.lua" || echo "$repo/bench/wrk/fixed-days.lua"; }

# wrk's "99%   12.34ms" line, in milliseconds.
p99_ms() {
  awk '$1 == "99%" {
    v = $2; unit = v; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
    f = (unit == "us") ? 0.001 : (unit == "ms") ? 1 : (unit == "s") ? 1000 : (unit == "m") ? 60000 : -1
    if (f < 0) { print "unknown unit " unit > "/dev/stderr"; exit 1 }
    printf "%.3f", v * f
  }' "$1"
}
non2xx() { awk '/Non-2xx or 3xx responses:/ {print $NF; found = 1} END {if (!found) print 0}' "$1"; }
rps() { awk '/^Requests\/sec:/ {print $2}' "$1"; }

{
  echo "# $(date -u +%FT%TZ) rounds=$rounds duration=${duration}s warmup=${warmup}s flood -t2 -c$connections viewer -t1 -c1 refresh=${refresh}s routes=$routes pin=$pin"
  echo "# $(uname -srm); $(nproc) CPUs; $(java -version 2>&1 | head -1)"
  echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  printf 'round\tmode\tviewer_p99_ms\tviewer_rps\tflood_rps\tflood_non2xx\tload1\n'
} >"$results"

for round in $(seq 1 "$rounds"); do
  if (( round % 2 )); then order=(rotating fixed); else order=(fixed rotating); fi
  for mode in "${order[@]}"; do
    start_app "$out/app-$round-$mode.log"
    script="$(script_of "$mode")"
    viewer="$repo/bench/wrk/fixed-days.lua"
    if (( warmup > 0 )); then
      run_wrk "$warmup" "$out/warmup-flood-$round-$mode.txt" -t2 -c"$connections" -s "$script" "http://$host:$port" &
      flood_pid=$!
      run_wrk "$warmup" "$out/warmup-viewer-$round-$mode.txt" -t1 -c1 -s "$viewer" "http://$host:$port"
      wait "$flood_pid"   # not a bare wait: the app is a background job too
    fi
    run_wrk "$duration" "$out/flood-$round-$mode.txt" -t2 -c"$connections" -s "$script" "http://$host:$port" &
    flood_pid=$!
    run_wrk "$duration" "$out/viewer-$round-$mode.txt" -t1 -c1 --latency -s "$viewer" "http://$host:$port"
    wait "$flood_pid"
    load1="$(cut -d' ' -f1 /proc/loadavg)"
    stop_app
    if [[ "$(non2xx "$out/viewer-$round-$mode.txt")" != 0 ]] || grep -q "Socket errors" "$out/viewer-$round-$mode.txt"; then
      echo "the viewer saw errors in round $round ($mode); see $out/viewer-$round-$mode.txt" >&2; exit 1
    fi
    p99="$(p99_ms "$out/viewer-$round-$mode.txt")"
    [[ -n "$p99" ]] || { echo "no 99% line in $out/viewer-$round-$mode.txt" >&2; exit 1; }
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$mode" "$p99" \
      "$(rps "$out/viewer-$round-$mode.txt")" "$(rps "$out/flood-$round-$mode.txt")" \
      "$(non2xx "$out/flood-$round-$mode.txt")" "$load1" >>"$results"
    printf 'round %d %-8s viewer p99 %9.2f ms  viewer %7.0f req/s  flood %7.0f req/s, %s non-2xx  (load %s)\n' \
      "$round" "$mode" "$p99" "$(rps "$out/viewer-$round-$mode.txt")" "$(rps "$out/flood-$round-$mode.txt")" \
      "$(non2xx "$out/flood-$round-$mode.txt")" "$load1"
  done
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$results"

awk -F'\t' '
  function median(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function summary(name, a, n, fmt) {
    m = median(a, n)
    printf "%-34s median " fmt "  min " fmt "  max " fmt "  (n=%d)\n", name, m, a[1], a[n], n
  }
  /^#/ || $1 == "round" { next }
  { p99[$2, $1] = $3; vrps[$2, $1] = $4; frps[$2, $1] = $5; bad[$2, $1] = $6; rounds[$1] = 1 }
  END {
    split("rotating fixed", modes, " ")
    for (k = 1; k <= 2; k++) {
      n = 0; delete v; for (r in rounds) if ((modes[k], r) in p99) v[++n] = p99[modes[k], r]
      if (n) summary("viewer p99 ms, " modes[k], v, n, "%9.2f")
      n = 0; delete v; for (r in rounds) if ((modes[k], r) in frps) v[++n] = frps[modes[k], r]
      if (n) summary("flood req/s, " modes[k], v, n, "%9.0f")
      n = 0; delete v; for (r in rounds) if ((modes[k], r) in bad) v[++n] = bad[modes[k], r]
      if (n) summary("flood non-2xx (429), " modes[k], v, n, "%9.0f")
    }
    n = 0; delete v
    for (r in rounds) if (("rotating", r) in p99 && ("fixed", r) in p99 && p99["fixed", r] > 0) v[++n] = p99["rotating", r] / p99["fixed", r]
    if (n) summary("viewer p99 rotating/fixed (<= 2)", v, n, "%9.2f")
  }
' "$results" | tee "$out/summary.txt"
echo "results: $results"
