#!/usr/bin/env python3
"""Merge the rows of one post in CooRTweet's german_elections CSV into one row.

usage: merge_post_rows.py german_elections.csv[.gz] OUT.csv

german_elections has one row per (post, URL) or (post, image): 218,971 rows for 194,324 post ids.
Read with `--map id=post_id,...` every later row of a post would be a duplicate and its URL or image
lost. This writes one row per (account_id, post_id), with the distinct url_id, hashtag_id,
domain_id and phash_id values of its rows joined by '|' (first-seen order) and the earliest
timestamp, and `row_id` = account_id:post_id. Standard library only.
"""
import csv
import gzip
import sys


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2])
    opener = gzip.open if argv[1].endswith(".gz") else open
    cols = ["url_id", "hashtag_id", "domain_id", "phash_id"]
    posts = {}
    rows = 0
    with opener(argv[1], "rt", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            rows += 1
            key = (r["account_id"], r["post_id"])
            p = posts.get(key)
            if p is None:
                p = posts[key] = {"t": int(r["timestamp"]), **{c: [] for c in cols}}
            p["t"] = min(p["t"], int(r["timestamp"]))
            for c in cols:
                v = r[c].strip()
                if v and v not in p[c]:
                    p[c].append(v)
    with open(argv[2], "w", encoding="utf-8", newline="") as o:
        w = csv.writer(o, lineterminator="\n")
        w.writerow(["row_id", "account_id", "post_id", "timestamp"] + cols)
        for (a, pid), p in posts.items():
            w.writerow([a + ":" + pid, a, pid, p["t"]] + ["|".join(p[c]) for c in cols])
    print("rows=%d posts=%d" % (rows, len(posts)))


if __name__ == "__main__":
    main(sys.argv)
