# Shared by bench/startup.sh, bench/startup-classes.sh and bench/startup-pair.sh (sourced, not run):
# waiting for an app's start, reading its CPU time and classes, and stopping it. The caller sets
# `pid` to the app's process id after starting it in the background; the EXIT trap kills it if the
# script ends first.

pid=""
ticks="$(getconf CLK_TCK)"

kill_app() { # kills the app in $pid, if any, and waits for it
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  pid=""
}
trap kill_app EXIT

await_started() { # LOG WHAT: waits until Jetty logs "Started" in LOG; fails the script if the app died
  local log="$1" what="$2"
  for _ in $(seq 1 6000); do
    grep -q 'org.eclipse.jetty.server.Server: Started' "$log" && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.02
  done
  echo "$what did not start; see $log" >&2
  exit 1
}

await_schema() { # LOG: a first start creates the store's schema in the background; waits for its end
  for _ in $(seq 1 3000); do
    grep -q 'Successfully released change log lock' "$1" && return 0
    sleep 0.1
  done
  return 1
}

cpu_seconds() { # PID: user + system time of a process, all threads
  awk -v t="$ticks" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat"
}

classes_loaded() { # PID
  jstat -class "$1" 3>&- | awk 'NR == 2 { print $1 }'
}

cpu_groups() { # PID: CPU seconds so far of the main thread, the JIT compiler threads, the bundle's
  # own threads (trafficstatus-*) and all others, tab-separated
  local task
  for task in /proc/"$1"/task/*; do
    printf '%s\t%s\n' "$(tr -d '\n' <"$task/comm" 2>/dev/null)" "$(awk '{ print $14 + $15 }' "$task/stat" 2>/dev/null)"
  done | awk -F'\t' -v t="$ticks" '
    $1 == "java" { g["main"] += $2; next }
    $1 ~ /Compiler/ { g["jit"] += $2; next }
    $1 ~ /^trafficstatus/ { g["bundle"] += $2; next }
    { g["other"] += $2 }
    END { printf "%.2f\t%.2f\t%.2f\t%.2f", g["main"] / t, g["jit"] / t, g["bundle"] / t, g["other"] / t }'
}
