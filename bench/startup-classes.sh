#!/usr/bin/env bash
# Which classes the status bundle makes its host load (issue 23): the hello-world example on an H2
# file whose schema is current ("later" in bench/startup.sh) against the same app without the bundle
# (HelloWithoutStatus), each with -Xlog:class+load, read a settling time after Jetty's "Started".
# Class counts do not depend on the machine's load, unlike CPU time: a guide while it is shared.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/startup-classes.sh [options]

Starts HelloWithoutStatus, then the hello-world example twice on one new H2 file (the first start
creates the schema, the second finds it current), each with -Xlog:class+load; after the settling
time it kills each one. Prints the classes the later start loaded beyond the app without the
bundle, counted by package, and writes the lists to the output folder:
  without.classes, first.classes, later.classes   every class each start loaded, by name
  without.threads, first.threads, later.threads   CPU seconds per thread then (/proc/PID/task)
  added.classes                                   loaded by "later" and not by "without":
                                                  name, where from, which thread
  added.by-source, added.by-thread                the same, counted by where from, by thread

options:
  -s SECONDS    settling time after "Started", 0..60 (default 5)
  -d DEPTH      package segments to group by (default 3)
  -j "OPTS"     more JVM options for every start
  --no-build    use the jars as they are instead of building them first
  -o DIR        where results go (default bench/target/startup-classes/<timestamp>)
  -h            this text
EOF
}

settle=5 depth=3 jvm_opts="" build=1 out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    -s) settle="$2"; shift 2 ;;
    -d) depth="$2"; shift 2 ;;
    -j) jvm_opts="$2"; shift 2 ;;
    -o) out="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ "$settle" =~ ^[0-9]+$ ]] && (( settle <= 60 )) || { echo "settle must be 0..60" >&2; exit 2; }
[[ "$depth" =~ ^[0-9]+$ ]] && (( depth >= 1 )) || { echo "depth must be 1 or more" >&2; exit 2; }

repo="$(cd "$(dirname "$0")/.." && pwd)"
jar="$repo/examples/hello-world/target/hello-world.jar"
out="${out:-$repo/bench/target/startup-classes/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out"

if (( build )); then
  (cd "$repo" && mvn -B -q package -DskipTests -pl bench -am)
fi
classes="$out/bench-classes"
mkdir -p "$classes/dev/trafficstatus/bench/startup"
cp "$repo"/bench/target/classes/dev/trafficstatus/bench/startup/*.class "$classes/dev/trafficstatus/bench/startup/"
classpath="$jar:$classes"

# shellcheck source=bench/startup-common.sh
source "$repo/bench/startup-common.sh"
# CPU seconds (user + system) per thread, summed over threads of one name with digits masked
# (C2 CompilerThread0 and 1 are one line), most first.
threads_cpu() {
  for task in /proc/"$1"/task/*; do
    printf '%s\t%s\n' "$(tr -d '\n' <"$task/comm" | tr '0-9' '#')" "$(awk '{ print $14 + $15 }' "$task/stat")"
  done | awk -F'\t' -v t="$ticks" '{ s[$1] += $2 } END { for (n in s) printf "%.2f\t%s\n", s[n] / t, n }' | sort -rn
}

# run MODE: starts one app with class loading logged, waits for "Started" and the settling time,
# kills it, and leaves MODE.log (the app's output) and MODE.load (the JVM's class+load log).
run() {
  local mode="$1" main config
  case "$mode" in
    without) main=dev.trafficstatus.bench.startup.HelloWithoutStatus; config="$repo/bench/startup/hello-without-status.yml" ;;
    *) main=dev.trafficstatus.examples.hello.HelloWorldApplication; config="$repo/examples/hello-world/config.yml" ;;
  esac
  # shellcheck disable=SC2086
  PORT=0 ADMIN_PORT=0 STATUS_DB_URL="jdbc:h2:$out/data/hello-world" \
    java $jvm_opts "-Xlog:class+load=info:file=$out/$mode.load:uptime,tid" -cp "$classpath" "$main" server "$config" \
    >"$out/$mode.log" 2>&1 &
  pid=$!
  await_started "$out/$mode.log" "$mode"
  if [[ "$mode" == first ]]; then
    await_schema "$out/$mode.log" || true
  fi
  sleep "$settle"
  echo "$mode: $(classes_loaded "$pid") classes loaded (jstat)"
  threads_cpu "$pid" >"$out/$mode.threads"
  for task in /proc/"$pid"/task/*; do printf '%s\t%s\n' "${task##*/}" "$(tr -d '\n' <"$task/comm")"; done >"$out/$mode.tids"
  kill_app
  # "[0.123s][4711] a.b.C source: ..." -> "a.b.C<TAB>source<TAB>thread", names of generated classes
  # without their numbers and addresses (they differ from run to run).
  awk 'FNR == NR { split($0, f, "\t"); name[f[1]] = f[2]; next }
       { tid = $1; sub(/^\[[^]]*\]\[/, "", tid); sub(/\].*$/, "", tid)
         line = $0; sub(/^(\[[^]]*\])+ */, "", line)
         cls = line; sub(/ .*$/, "", cls); src = line; sub(/^[^ ]* source: /, "", src)
         gsub(/\$\$Lambda\$[0-9]+\/0x[0-9a-f]+/, "$$Lambda", cls); sub(/\/0x[0-9a-f]+$/, "", cls)
         gsub(/\$Proxy[0-9]+/, "$Proxy", cls); sub(/^jdk\.proxy[0-9]+\./, "jdk.proxy.", cls)
         if (src ~ /shared objects file/) src = "jdk (CDS archive)"
         else if (src ~ /^jrt:/) src = "jdk (jrt)"
         else if (src ~ /hello-world\.jar/) src = "app jar"
         else src = "generated (lambdas, proxies, method handles)"
         thread = (tid in name) ? name[tid] : "(thread ended)"; gsub(/[0-9]+/, "#", thread)
         print cls "\t" src "\t" thread }' "$out/$mode.tids" "$out/$mode.load" | sort >"$out/$mode.classes"
}

mkdir -p "$out/data"
run without
run first
run later

# Classes "later" loaded more often than "without" (generated classes repeat under one name).
awk -F'\t' 'FNR == NR { seen[$1]++; next } seen[$1]-- <= 0' "$out/without.classes" "$out/later.classes" \
  >"$out/added.classes"
cut -f2 "$out/added.classes" | sort | uniq -c | sort -rn >"$out/added.by-source"
cut -f3 "$out/added.classes" | sort | uniq -c | sort -rn >"$out/added.by-thread"

echo
echo "later - without: $(wc -l <"$out/added.classes") classes (-Xlog:class+load), by source:"
cat "$out/added.by-source"
echo
echo "by the thread that loaded them:"
head -15 "$out/added.by-thread"
echo
echo "by package ($depth segments), most first:"
cut -f1 "$out/added.classes" |
  sed -E 's/\$\$Lambda.*$//; s/\$.*$//' |
  awk -v d="$depth" -F. '{ n = (NF - 1 < d ? NF - 1 : d); p = $1; for (i = 2; i <= n; i++) p = p "." $i; print p }' |
  sort | uniq -c | sort -rn | head -60
echo
echo "CPU s by thread (digits masked), without | later:"
join -t $'\t' -a 1 -a 2 -e 0 -o 0,1.1,2.1 -1 2 -2 2 \
  <(sort -t $'\t' -k2,2 "$out/without.threads") <(sort -t $'\t' -k2,2 "$out/later.threads") |
  sort -t $'\t' -k3,3 -rn | awk -F'\t' '{ printf "%7s %7s  %s\n", $2, $3, $1 }' | head -25
echo "lists: $out"
