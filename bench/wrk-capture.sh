#!/usr/bin/env bash
# Throughput of a trivial resource with the capture off, with it on, and with Dropwizard Metrics'
# @Timed instead (issue #8; the budgets are in README.md): the same jar, the same app, alternating modes in
# every round so a change in the machine's load hits all three alike. Load goes to 127.0.0.1 only.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/wrk-capture.sh [options]

Runs the bench app (bench/target/benchmarks.jar) in three modes and loads it with wrk:
  off    status.captures: []                 GET /plain
  on     status.captures: [{type: jersey}]   GET /plain
  timed  status.captures: []                 GET /timed   (@Timed, Dropwizard Metrics)
Each round runs every mode once (the order reverses every round): start the app, warm up, measure,
stop it. At the end it prints per-mode median/min/max requests/s and the per-round ratios
on/off and on/timed with their median, min and max.

It also reads the app's CPU time (/proc/PID/stat, user + system, all threads) around each measured
run and divides it by the requests served: CPU microseconds per request. On a machine shared with
other work, requests/s swings with everyone else's load, while CPU time per request barely does; so
the per-round ratios are also given on CPU time (cpu off / cpu on: the throughput ratio a
CPU-bound server would see).

options:
  -r ROUNDS     rounds, 1..20 (default 5)
  -d SECONDS    measured wrk run per mode and round, 5..120 (default 20)
  -w SECONDS    wrk warm-up before it, 0..60 (default 10)
  -c CONNS      wrk connections (default 16)
  -t THREADS    wrk threads (default 2)
  -p PORT       the app's port on 127.0.0.1 (default 18480; the admin port is PORT+1)
  --no-pin      do not pin: by default the server runs on CPU 0 and wrk on CPU 1 (taskset)
  --no-build    use the jar as it is instead of building it first
  -o DIR        where results go (default bench/target/wrk/<timestamp>)
  -h            this text
EOF
}

rounds=5 duration=20 warmup=10 connections=16 threads=2 port=18480 pin=1 build=1 out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    -r) rounds="$2"; shift 2 ;;
    -d) duration="$2"; shift 2 ;;
    -w) warmup="$2"; shift 2 ;;
    -c) connections="$2"; shift 2 ;;
    -t) threads="$2"; shift 2 ;;
    -p) port="$2"; shift 2 ;;
    -o) out="$2"; shift 2 ;;
    --no-pin) pin=0; shift ;;
    --no-build) build=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

in_range() { [[ "$2" =~ ^[0-9]+$ ]] && (( $2 >= $3 && $2 <= $4 )) || { echo "$1 must be $3..$4, got $2" >&2; exit 2; }; }
in_range rounds "$rounds" 1 20
in_range duration "$duration" 5 120
in_range warmup "$warmup" 0 60
in_range connections "$connections" 1 256
in_range threads "$threads" 1 16
in_range port "$port" 1024 65000

repo="$(cd "$(dirname "$0")/.." && pwd)"
jar="$repo/bench/target/benchmarks.jar"
config="$repo/bench/wrk/bench-app.yml"
out="${out:-$repo/bench/target/wrk/$(date -u +%Y%m%dT%H%M%SZ)}"
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

start_app() {   # mode, log file
  local mode="$1" log="$2" captures="[]"
  [[ "$mode" == on ]] && captures="[{type: jersey}]"
  db_dir="$(mktemp -d /tmp/trafficstatus-wrk-XXXXXX)"
  BENCH_PORT="$port" BENCH_ADMIN_PORT="$((port + 1))" BENCH_DB_URL="jdbc:h2:$db_dir/status" \
    BENCH_CAPTURES="$captures" \
    "${server_cpu[@]}" java -Xms1g -Xmx1g -cp "$jar" dev.trafficstatus.bench.app.BenchApp \
    server "$config" >"$log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 240); do   # at most 60 s to start
    if curl -fsS -o /dev/null "http://$host:$port/plain" 2>/dev/null; then return 0; fi
    kill -0 "$app_pid" 2>/dev/null || { echo "the app died on start; see $log" >&2; exit 1; }
    sleep 0.25
  done
  echo "the app did not answer within 60 s; see $log" >&2
  exit 1
}

cpu_ticks() {   # user + system clock ticks of a process, all its threads
  awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"
}

run_wrk() {   # seconds, path, output file
  timeout $(( $1 + 30 )) "${client_cpu[@]}" wrk -t"$threads" -c"$connections" -d"$1s" \
    "http://$host:$port$2" >"$3" 2>&1
}

path_of() { [[ "$1" == timed ]] && echo /timed || echo /plain; }

{
  echo "# $(date -u +%FT%TZ) rounds=$rounds duration=${duration}s warmup=${warmup}s wrk -t$threads -c$connections pin=$pin"
  echo "# $(uname -srm); $(nproc) CPUs; $(java -version 2>&1 | head -1)"
  echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  printf 'round\tmode\trequests_per_s\tload1\tcpu_us_per_request\n'
} >"$results"

for round in $(seq 1 "$rounds"); do
  if (( round % 2 )); then order=(off on timed); else order=(timed on off); fi
  for mode in "${order[@]}"; do
    log="$out/app-$round-$mode.log"
    start_app "$mode" "$log"
    path="$(path_of "$mode")"
    if (( warmup > 0 )); then run_wrk "$warmup" "$path" "$out/warmup-$round-$mode.txt"; fi
    ticks_before="$(cpu_ticks "$app_pid")"
    run_wrk "$duration" "$path" "$out/wrk-$round-$mode.txt"
    ticks_after="$(cpu_ticks "$app_pid")"
    load1="$(cut -d' ' -f1 /proc/loadavg)"
    if [[ "$mode" == on ]] && ! grep -q "records service 'bench' as instance .* with: jersey" "$log"; then
      echo "capture-on run did not log the jersey capture; see $log" >&2; exit 1
    fi
    if [[ "$mode" != on ]] && ! grep -q "with: no capture" "$log"; then
      echo "capture-off run did not log 'no capture'; see $log" >&2; exit 1
    fi
    stop_app
    if grep -qE "Non-2xx or 3xx responses|Socket errors" "$out/wrk-$round-$mode.txt"; then
      echo "wrk saw errors in round $round ($mode); see $out/wrk-$round-$mode.txt" >&2; exit 1
    fi
    rps="$(awk '/^Requests\/sec:/ {print $2}' "$out/wrk-$round-$mode.txt")"
    [[ -n "$rps" ]] || { echo "no Requests/sec in $out/wrk-$round-$mode.txt" >&2; exit 1; }
    served="$(awk '/ requests in / {print $1}' "$out/wrk-$round-$mode.txt")"
    cpu_us="$(awk -v t=$((ticks_after - ticks_before)) -v hz="$(getconf CLK_TCK)" -v n="$served" \
      'BEGIN { printf "%.2f", t * 1e6 / hz / n }')"
    printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$mode" "$rps" "$load1" "$cpu_us" >>"$results"
    printf 'round %d %-5s %10.0f req/s  %7.2f CPU us/request  (load %s)\n' "$round" "$mode" "$rps" "$cpu_us" "$load1"
  done
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$results"

# Per mode: median, min, max. Per round (paired, same load): on/off and on/timed; then their
# median, min, max. Capture cost <= @Timed cost means on/timed >= 1.
awk -F'\t' '
  function median(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function summary(name, a, n, fmt,   m, lo, hi, i) {
    m = median(a, n); lo = a[1]; hi = a[n]
    printf "%-22s median " fmt "  min " fmt "  max " fmt "  (n=%d, spread %+.1f%% / %+.1f%% of median)\n", name, m, lo, hi, n, 100 * (lo - m) / m, 100 * (hi - m) / m
  }
  /^#/ || $1 == "round" { next }
  { rps[$2, $1] = $3; cpu[$2, $1] = $5; rounds[$1] = 1 }
  END {
    split("off on timed", modes, " ")
    for (k = 1; k <= 3; k++) {
      n = 0; delete v
      for (r in rounds) if ((modes[k], r) in rps) v[++n] = rps[modes[k], r]
      if (n) summary("req/s " modes[k], v, n, "%9.0f")
    }
    n = 0; delete v
    for (r in rounds) if (("on", r) in rps && ("off", r) in rps) v[++n] = rps["on", r] / rps["off", r]
    if (n) summary("on/off (>= 0.97)", v, n, "%6.3f")
    n = 0; delete v
    for (r in rounds) if (("on", r) in rps && ("timed", r) in rps) v[++n] = rps["on", r] / rps["timed", r]
    if (n) summary("on/timed (>= 1)", v, n, "%6.3f")
    n = 0; delete v
    for (r in rounds) if (("timed", r) in rps && ("off", r) in rps) v[++n] = rps["timed", r] / rps["off", r]
    if (n) summary("timed/off", v, n, "%6.3f")
    for (k = 1; k <= 3; k++) {
      n = 0; delete v
      for (r in rounds) if ((modes[k], r) in cpu && cpu[modes[k], r] > 0) v[++n] = cpu[modes[k], r]
      if (n) summary("CPU us/req " modes[k], v, n, "%9.2f")
    }
    n = 0; delete v
    for (r in rounds) if (cpu["on", r] > 0 && cpu["off", r] > 0) v[++n] = cpu["off", r] / cpu["on", r]
    if (n) summary("CPU off/on (>= 0.97)", v, n, "%6.3f")
    n = 0; delete v
    for (r in rounds) if (cpu["on", r] > 0 && cpu["timed", r] > 0) v[++n] = cpu["timed", r] / cpu["on", r]
    if (n) summary("CPU timed/on (>= 1)", v, n, "%6.3f")
  }
' "$results" | tee "$out/summary.txt"
echo "results: $results"
