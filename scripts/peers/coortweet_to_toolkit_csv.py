#!/usr/bin/env python3
"""Convert a CooRTweet-style CSV (object_id,account_id,content_id,timestamp_share; .gz allowed)
into the CSV that the coordination network toolkit's `preprocess --format csv` reads:
message_id,user_id,username,repost_id,reply_id,message,timestamp,urls.

object_id becomes repost_id (so `compute co_retweet` pairs accounts sharing the same object),
account_id becomes user_id and username, and content_id becomes message_id. The toolkit drops
rows whose message_id it has already seen; CooRTweet keeps them, so a repeated content_id gets
a `#n` suffix (n = 2, 3, ...) to keep every row. Standard library only; no peer code.

usage: coortweet_to_toolkit_csv.py INPUT.csv[.gz] OUTPUT.csv
"""
import csv
import gzip
import sys


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    src, dst = argv[1], argv[2]
    opener = gzip.open if src.endswith(".gz") else open
    seen = {}
    renamed = rows = 0
    with opener(src, "rt", encoding="utf-8", newline="") as f, \
            open(dst, "w", encoding="utf-8", newline="") as out:
        reader = csv.DictReader(f)
        missing = {"object_id", "account_id", "content_id", "timestamp_share"} - set(reader.fieldnames or [])
        if missing:
            sys.exit(f"{src}: missing columns {sorted(missing)}")
        w = csv.writer(out)
        w.writerow(["message_id", "user_id", "username", "repost_id", "reply_id", "message", "timestamp", "urls"])
        for r in reader:
            rows += 1
            mid = r["content_id"]
            n = seen.get(mid, 0) + 1
            seen[mid] = n
            if n > 1:
                mid = f"{mid}#{n}"
                renamed += 1
            ts = r["timestamp_share"]
            # timestamps are integer seconds; keep them integral for the toolkit
            ts = str(int(float(ts)))
            w.writerow([mid, r["account_id"], r["account_id"], r["object_id"], "", "", ts, ""])
    print(f"rows={rows} repeated_content_ids_renamed={renamed} -> {dst}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
