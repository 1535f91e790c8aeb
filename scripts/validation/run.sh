#!/usr/bin/env bash
# Lockstep beside CooRTweet and the coordination network toolkit on real data, one table per dataset
# (docs/validation.md).
#
# usage: scripts/validation/run.sh SLICES_DIR COORTWEET_CHECKOUT TOOLKIT_CHECKOUT OUTDIR [COORTWEET_DATA_DIR]
#
#   SLICES_DIR          FiveThirtyEight IRA CSVs (ira_*.csv, from scripts/validation/make_ira_slices.py)
#   COORTWEET_CHECKOUT  a work tree of github.com/nicolarighetti/CooRTweet (its R/ files are sourced)
#   TOOLKIT_CHECKOUT    a work tree of github.com/QUT-Digital-Observatory/coordination-network-toolkit
#   OUTDIR              one folder per dataset: peer inputs, the peers' edge lists, Lockstep's outputs,
#                       *.time files (wall user sys) and table.md
#   COORTWEET_DATA_DIR  russian_coord_tweets.csv.gz and german_elections.csv.gz (default ../shared/data/coortweet)
#
# Needs Debian's r-base-core r-cran-data.table r-cran-igraph python3-networkx python3-regex
# python3-requests, and ./lockstep (built on first use). Nothing is downloaded; no peer code is kept.
# Per IRA slice: the retweet rows are converted (scripts/validation/ira_to_peers.py) and given to
# CooRTweet (window 60, min participation 2, edge weight 0.5), the toolkit (co_retweet, window 60,
# min edge weight 2) and `lockstep detect --preset coortweet ...` with the same parameters;
# `lockstep detect` with its defaults reads the slice as released.
set -euo pipefail
[[ $# -ge 4 ]] || { sed -n 2,19p "$0"; exit 2; }
slices=$(cd "$1" && pwd); ct=$(cd "$2" && pwd); tk=$(cd "$3" && pwd); mkdir -p "$4"; out=$(cd "$4" && pwd)
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data=${5:-$here/../shared/data/coortweet}
py=${PYTHON:-/usr/bin/python3}
lockstep="$here/lockstep"

# the toolkit imports twarc at start-up even for CSV input: an empty stand-in module is enough
stub="$out/twarc-stub/twarc"
mkdir -p "$stub"
printf '# stand-in so that coordination_network_toolkit imports without twarc (CSV input only)\ndef ensure_flattened(*args, **kwargs):\n    raise NotImplementedError("twarc stand-in: CSV input only")\n' > "$stub/__init__.py"
printf 'class Twarc2:\n    pass\n' > "$stub/client2.py"

# timed NAME DIR COMMAND...: runs COMMAND, log in DIR/NAME.log, "wall user sys" in DIR/NAME.time
timed() {
  local name=$1 dir=$2
  shift 2
  /usr/bin/time -f '%e %U %S' -o "$dir/$name.time" "$@" > "$dir/$name.log" 2>&1 || {
    echo "run.sh: $name failed in $dir (see $dir/$name.log)" >&2
    echo "FAILED" >> "$dir/$name.time"
  }
}

toolkit() { # DIR INPUT.csv: preprocess into a fresh database, then co_retweet
  local d=$1 in=$2
  rm -f "$d/toolkit.db"
  PYTHONPATH="$tk:$out/twarc-stub" timed toolkit_1_preprocess "$d" \
    "$py" -m coordination_network_toolkit "$d/toolkit.db" preprocess --format csv "$in"
  PYTHONPATH="$tk:$out/twarc-stub" timed toolkit_2_co_retweet "$d" \
    "$py" -m coordination_network_toolkit "$d/toolkit.db" compute co_retweet --time_window 60 \
    --min_edge_weight 2 --output_file "$d/toolkit.graphml"
  rm -f "$d/toolkit.db"
}

compat=(--preset coortweet --window 60 --min-participation 2 --edge-weight 0.5)
"$lockstep" --version > /dev/null 2>&1 || "$lockstep" --help > /dev/null # build once, outside the timings

datasets=()
for f in "$slices"/ira_*.csv; do
  name=$(basename "$f" .csv); d="$out/$name"; mkdir -p "$d"; datasets+=("$d")
  "$py" "$here/scripts/validation/ira_to_peers.py" "$f" "$d" > /dev/null
  "$py" "$here/scripts/peers/coortweet_to_toolkit_csv.py" "$d/coortweet_input.csv" "$d/toolkit_input.csv" > /dev/null
  timed coortweet "$d" Rscript "$here/scripts/peers/coortweet_run.R" "$ct" "$d/coortweet_input.csv" 60 2 0.5 "$d/coortweet_edges.csv"
  toolkit "$d" "$d/toolkit_input.csv"
  rm -rf "$d/lockstep_compat" "$d/lockstep_defaults"
  timed lockstep_compat "$d" "$lockstep" detect "$d/coortweet_input.csv" --out "$d/lockstep_compat" "${compat[@]}"
  timed lockstep_defaults "$d" "$lockstep" detect "$f" --out "$d/lockstep_defaults"
  echo "done: $name" >&2
done

if [[ -f "$data/russian_coord_tweets.csv.gz" ]]; then
  d="$out/coortweet_russian"; mkdir -p "$d"; datasets+=("$d"); in="$data/russian_coord_tweets.csv.gz"
  "$py" "$here/scripts/peers/coortweet_to_toolkit_csv.py" "$in" "$d/toolkit_input.csv" > /dev/null
  timed coortweet "$d" Rscript "$here/scripts/peers/coortweet_run.R" "$ct" "$in" 60 2 0.5 "$d/coortweet_edges.csv"
  toolkit "$d" "$d/toolkit_input.csv"
  rm -rf "$d/lockstep_compat" "$d/lockstep_defaults"
  timed lockstep_compat "$d" "$lockstep" detect "$in" --out "$d/lockstep_compat" "${compat[@]}"
  timed lockstep_defaults "$d" "$lockstep" detect "$in" --out "$d/lockstep_defaults"
  echo "done: coortweet_russian" >&2
else
  echo "run.sh: $data/russian_coord_tweets.csv.gz absent, skipped" >&2
fi

if [[ -f "$data/german_elections.csv.gz" ]]; then
  # links and images, 30 s, as in CooRTweet's vignette. CooRTweet reads the file itself; Lockstep (compat and
  # defaults) reads the posts, one row per post (merge_post_rows.py), url_id as opaque link ids, phash_id as
  # image hashes, hashtag_id as hashtags; compat runs co-link and co-image each on its own (min participation
  # per signal), as the vignette runs detect_groups per mode. The toolkit has no image signal and is not run.
  d="$out/coortweet_german"; mkdir -p "$d"; datasets+=("$d")
  gzip -dc "$data/german_elections.csv.gz" > "$d/german_elections.csv"
  "$py" "$here/scripts/validation/merge_post_rows.py" "$d/german_elections.csv" "$d/german_posts.csv" > "$d/merge.log"
  timed coortweet "$d" Rscript "$here/scripts/peers/coortweet_multimodal.R" "$ct" "$d/german_elections.csv" 30 2 0.5 \
    "$d/coortweet_edges.csv" "$d/coortweet_stacked.csv"
  rm -rf "$d/lockstep_compat" "$d/lockstep_defaults"
  timed lockstep_compat "$d" "$lockstep" detect "$d/german_posts.csv" --out "$d/lockstep_compat" \
    --map 'id=row_id,account=account_id,time=timestamp,urls=url_id,media=phash_id' \
    --preset coortweet --signals co-link,co-image --window 30 --min-participation 2 --edge-weight 0.5
  timed lockstep_defaults "$d" "$lockstep" detect "$d/german_posts.csv" --out "$d/lockstep_defaults" \
    --map 'id=row_id,account=account_id,time=timestamp,urls=url_id,hashtags=hashtag_id,media=phash_id'
  rm -f "$d/german_elections.csv"
  echo "done: coortweet_german" >&2
else
  echo "run.sh: $data/german_elections.csv.gz absent, skipped" >&2
fi

"$py" "$here/scripts/validation/table.py" "${datasets[@]}" | tee "$out/table.md"
