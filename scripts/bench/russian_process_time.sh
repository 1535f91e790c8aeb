#!/usr/bin/env bash
# Process time of `lockstep detect` on CooRTweet's Russian sample, end to end (JVM start-up, reading,
# detection, every output), as a user runs it: through ./lockstep with its default JVM options.
#
# usage: scripts/bench/russian_process_time.sh [RUNS] [INPUT.csv.gz] [-- extra detect options]
#   RUNS   runs after one untimed warm-up run (default 10); the warm-up builds the project and the
#          start-up archive if needed, and fills the page cache
#   INPUT  default: ../shared/data/coortweet/russian_coord_tweets.csv.gz next to the checkout,
#          or $LOCKSTEP_SHARED/data/coortweet/russian_coord_tweets.csv.gz
# Environment: LOCKSTEP_JAVA_OPTS and LOCKSTEP_CDS are passed on to ./lockstep (to compare settings).
#
# Prints, per run, wall and CPU (user + sys) seconds and max RSS from /usr/bin/time, then best and
# median of each, and the load average (/proc/loadavg) before and after: on a shared machine wall clock
# measures waiting for a core, so compare CPU time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs=${1:-10}
[[ $# -gt 0 ]] && shift
default_input="${LOCKSTEP_SHARED:-$(cd "$here/.." && pwd)/shared}/data/coortweet/russian_coord_tweets.csv.gz"
input=${1:-$default_input}
[[ $# -gt 0 ]] && shift
[[ "${1:-}" == -- ]] && shift
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { sed -n 2,14p "$0"; exit 2; }
[[ -f "$input" ]] || { echo "no input file: $input" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }

out="$(mktemp -d "${TMPDIR:-/tmp}/lockstep-bench.XXXXXX")"
trap 'rm -rf "$out"' EXIT
args=(detect "$input" --preset coortweet --window 60 --min-participation 2 --edge-weight 0.5 --out "$out/run" "$@")

echo "input: $input"
echo "command: ./lockstep ${args[*]}"
echo "java: $(java -version 2>&1 | head -n 1); cpus: $(nproc); JVM options: ${LOCKSTEP_JAVA_OPTS:-launcher defaults}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$here/lockstep" "${args[@]}" > /dev/null 2> "$out/warmup.log" || { cat "$out/warmup.log" >&2; exit 1; }

printf '%-4s %8s %8s %8s %8s %10s\n' run wall_s user_s sys_s cpu_s max_rss_kb
for r in $(seq 1 "$runs"); do
  /usr/bin/time -f '%e %U %S %M' -o "$out/time" "$here/lockstep" "${args[@]}" > /dev/null 2> "$out/log" \
    || { cat "$out/log" >&2; exit 1; }
  read -r wall user sys rss < "$out/time"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  printf '%-4s %8s %8s %8s %8s %10s\n' "$r" "$wall" "$user" "$sys" "$cpu" "$rss" | tee -a "$out/table"
done
stats() { sort -g | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "best %.2f s, median %.2f s", v[1], m }'; }
echo "wall clock:       $(awk '{ print $2 }' "$out/table" | stats)"
echo "CPU (user + sys): $(awk '{ print $5 }' "$out/table" | stats)"
echo "max RSS:          $(awk '{ print $6 / 1024 }' "$out/table" | stats | sed 's/ s/ MB/g')"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
