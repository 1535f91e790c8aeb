#!/usr/bin/env bash
# Time Lockstep, CooRTweet and the coordination network toolkit on the same CooRTweet-style CSV,
# best of N runs each, with /usr/bin/time -v (wall, user+sys CPU, max RSS).
#
# usage: scripts/peers/side_by_side.sh COORTWEET_CHECKOUT TOOLKIT_CHECKOUT TWARC_STUB_DIR INPUT.csv.gz OUTDIR [RUNS]
#
# Nothing is downloaded: both peers run from checkouts you provide (see docs/peers.md for the
# Debian packages they need and the two-file `twarc` stub the toolkit imports at start-up).
# Lockstep runs through ./lockstep (built beforehand). Results: OUTDIR/times.tsv (one line per
# run) and OUTDIR/best.tsv (the run with the least wall time per tool and configuration).
set -euo pipefail
[[ $# -ge 5 ]] || { sed -n 2,10p "$0"; exit 2; }
ct_src=$1; cnt_src=$2; stub=$3; input=$4; out=$5; runs=${6:-3}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
py=${PYTHON:-/usr/bin/python3}
mkdir -p "$out"
tsv="$out/times.tsv"
printf 'tool\tconfig\trun\twall_s\tuser_s\tsys_s\tmax_rss_kb\tinternal\tload1\n' > "$tsv"

# run TOOL CONFIG RUN INTERNAL_CMD -- COMMAND...: time COMMAND, append a line to times.tsv
timed() {
  local tool=$1 config=$2 run=$3 tv="$out/time.$$.txt" log="$out/${1}_${2}_$3.log"
  shift 3
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v -o "$tv" "$@" > "$log" 2>&1
  local wall user sys rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$tv")
  user=$(awk -F': ' '/User time/{print $2}' "$tv")
  sys=$(awk -F': ' '/System time/{print $2}' "$tv")
  rss=$(awk -F': ' '/Maximum resident/{print $2}' "$tv")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$config" "$run" "$wall" "$user" "$sys" "$rss" "${INTERNAL:-}" "$load" >> "$tsv"
  rm -f "$tv"
}

"$py" "$here/scripts/peers/coortweet_to_toolkit_csv.py" "$input" "$out/toolkit_input.csv"

for r in $(seq 1 "$runs"); do
  # CooRTweet: detect_groups + generate_coordinated_network(subgraph = 1), whole Rscript process
  INTERNAL='' timed coortweet tw60_mp2_ew0.5 "$r" \
    Rscript "$here/scripts/peers/coortweet_run.R" "$ct_src" "$input" 60 2 0.5 "$out/coortweet_edges.csv"
  sed -i "\$s/\t\t/\t$(grep -o 'detect_groups=[0-9.]*s network=[0-9.]*s' "$out/coortweet_tw60_mp2_ew0.5_$r.log" | tr ' ' ',')\t/" "$tsv"

  # toolkit: preprocess into a fresh SQLite database, then co_retweet (two processes)
  rm -f "$out/toolkit.db"
  INTERNAL='' PYTHONPATH="$cnt_src:$stub" timed toolkit preprocess "$r" \
    "$py" -m coordination_network_toolkit "$out/toolkit.db" preprocess --format csv "$out/toolkit_input.csv"
  INTERNAL='' PYTHONPATH="$cnt_src:$stub" timed toolkit co_retweet_tw60_mw2 "$r" \
    "$py" -m coordination_network_toolkit "$out/toolkit.db" compute co_retweet --time_window 60 \
    --min_edge_weight 2 --output_file "$out/toolkit.graphml"

  # Lockstep: the three modes; internal = summary.json run_time_ms (total inside the JVM)
  # with the launcher's own JVM options (an empty LOCKSTEP_JAVA_OPTS keeps them; on this input: C1
  # only, serial GC, start-up archive); preset-c2: the same run with the JVM's defaults (C2, G1),
  # as the launcher ran it before it chose options by input size, see docs/peers.md
  for mode in preset preset-c2 min-weight significance; do
    opts=${LOCKSTEP_JAVA_OPTS:-}
    case $mode in
      preset) args=(--preset coortweet --window 60 --min-participation 2 --edge-weight 0.5) ;;
      preset-c2) args=(--preset coortweet --window 60 --min-participation 2 --edge-weight 0.5)
                 opts=${LOCKSTEP_JAVA_OPTS:--Xmx4g} ;;
      min-weight) args=(--signals object --window 60 --min-edge-weight 2 --min-repetitions 1) ;;
      significance) args=(--signals object --window 60) ;;
    esac
    INTERNAL='' LOCKSTEP_JAVA_OPTS="$opts" timed lockstep "$mode" "$r" "$here/lockstep" detect "$input" --out "$out/lockstep_$mode" "${args[@]}"
    ms=$(tr -d ' \n' < "$out/lockstep_$mode/summary.json" | grep -o '"run_time_ms":{[^}]*}' | sed 's/"run_time_ms"://; s/[{}"]//g; s/:/=/g')
    sed -i "\$s/\t\t/\t$ms\t/" "$tsv"
  done
done

# best (least wall) run per tool and configuration
{ head -1 "$tsv"; tail -n +2 "$tsv" | sort -t$'\t' -k1,1 -k2,2 -k4,4g | awk -F'\t' '!seen[$1 FS $2]++'; } > "$out/best.tsv"
column -t -s$'\t' "$out/best.tsv"
