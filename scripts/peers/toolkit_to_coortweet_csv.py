#!/usr/bin/env python3
"""Convert the coordination network toolkit's CSV (message_id,user_id,username,repost_id,reply_id,
message,timestamp,urls; e.g. what `lockstep simulate --format toolkit-csv` writes) into CooRTweet's
4-column CSV (object_id,account_id,content_id,timestamp_share) for co-retweet analysis: only rows
with a repost_id are kept, repost_id becomes object_id. Standard library only; no peer code.

usage: toolkit_to_coortweet_csv.py INPUT.csv[.gz] OUTPUT.csv
"""
import csv
import gzip
import sys


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    src, dst = argv[1], argv[2]
    opener = gzip.open if src.endswith(".gz") else open
    rows = kept = 0
    csv.field_size_limit(1 << 24)
    with opener(src, "rt", encoding="utf-8", newline="") as f, \
            open(dst, "w", encoding="utf-8", newline="") as out:
        reader = csv.reader(f)
        next(reader)  # header; columns are positional, as the toolkit reads them
        w = csv.writer(out)
        w.writerow(["object_id", "account_id", "content_id", "timestamp_share"])
        for r in reader:
            rows += 1
            if len(r) >= 7 and r[3]:
                kept += 1
                w.writerow([r[3], r[1], r[0], r[6]])
    print(f"rows={rows} reposts={kept} -> {dst}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
