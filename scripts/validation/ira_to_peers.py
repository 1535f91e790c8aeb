#!/usr/bin/env python3
"""Convert one FiveThirtyEight IRA CSV (as released, or a day slice of it) into the peers' input.

usage: ira_to_peers.py IRA.csv OUTDIR

Writes in OUTDIR:
  coortweet_input.csv  object_id,account_id,content_id,timestamp_share: one row per retweet
  labels.csv           account_id,handle,account_category of every account in the file
  stats.json           row counts (see below)

Which rows: retweets, i.e. rows with post_type RETWEET and rows whose content begins
"RT @handle:" (the release never gives a retweet's original id). Quotes and other tweets are left
out: CooRTweet users pair accounts on the retweeted object.

object_id: the retweeted original, derived exactly as Lockstep's readers derive it (docs/formats.md):
"rt:" + the first 16 hex digits of SHA-256 over the original author's handle (lower case, from the
"RT @handle:" prefix; empty when the content has none), a NUL byte and the text after that prefix,
NFKC-normalised, lower-cased, whitespace runs as one space, stripped. Rows with no text left are
dropped (counted). So CooRTweet, the toolkit and Lockstep's compatibility mode see the same objects
that `lockstep detect` derives from the file as released.

account_id: external_author_id. content_id: Lockstep's derived post id ("ira:" + 16 hex digits of
SHA-256 over author, publish_date, content, updates, harvested_date); identical rows are kept once
(counted). timestamp_share: publish_date (M/D/YYYY H:MM, UTC) as Unix seconds (minute resolution).
Standard library only.
"""
import calendar
import csv
import hashlib
import json
import os
import sys
import unicodedata

csv.field_size_limit(1 << 24)


def norm(s):
    return " ".join(unicodedata.normalize("NFKC", s).lower().split())


def rt_prefix(text):
    """(handle, rest) for 'RT @handle: rest' (1-50 of [A-Za-z0-9_] then ':'), else (None, text)."""
    if not text.startswith("RT @"):
        return None, text
    i = 4
    while i < len(text) and i - 4 <= 50 and (text[i].isascii() and (text[i].isalnum() or text[i] == "_")):
        i += 1
    if i == 4 or i - 4 > 50 or i >= len(text) or text[i] != ":":
        return None, text
    j = i + 1
    while j < len(text) and text[j].isspace():
        j += 1
    return text[4:i], text[j:]


def target(content):
    handle, rest = rt_prefix(content)
    body = norm(rest)
    if not body:
        return None
    key = (handle or "").lower() + "\0" + body
    return "rt:" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def post_id(r):
    parts = [r["author"], r["publish_date"].strip(), r["content"], r["updates"].strip(), r["harvested_date"].strip()]
    return "ira:" + hashlib.sha256(b"\0".join(p.encode("utf-8") for p in parts)).hexdigest()[:16]


def seconds(d):
    date, time = d.strip().split(" ")
    m, day, y = (int(x) for x in date.split("/"))
    hh, mm = (int(x) for x in time.split(":")[:2])
    return calendar.timegm((y, m, day, hh, mm, 0))


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2])
    src, out = argv[1], argv[2]
    os.makedirs(out, exist_ok=True)
    st = {"rows": 0, "retweet_rows": 0, "retweet_rows_without_original_id": 0, "rt_prefix_rows": 0,
          "quote_rows": 0, "no_text_left": 0, "identical_rows_dropped": 0, "peer_rows": 0}
    labels = {}
    seen = set()
    with open(src, encoding="utf-8", newline="") as f, \
            open(os.path.join(out, "coortweet_input.csv"), "w", encoding="utf-8", newline="") as o:
        w = csv.writer(o, lineterminator="\n")
        w.writerow(["object_id", "account_id", "content_id", "timestamp_share"])
        for r in csv.DictReader(f):
            st["rows"] += 1
            labels.setdefault(r["external_author_id"], (r["author"], r["account_category"]))
            pt = r["post_type"].strip().upper()
            if pt == "QUOTE_TWEET":
                st["quote_rows"] += 1
                continue
            prefixed = rt_prefix(r["content"])[0] is not None
            st["rt_prefix_rows"] += prefixed
            if pt != "RETWEET" and not prefixed:
                continue
            st["retweet_rows"] += 1
            # the release has no column naming a retweet's original: every retweet row lacks it
            st["retweet_rows_without_original_id"] += 1
            obj = target(r["content"])
            if obj is None:
                st["no_text_left"] += 1
                continue
            pid = post_id(r)
            if pid in seen:
                st["identical_rows_dropped"] += 1
                continue
            seen.add(pid)
            w.writerow([obj, r["external_author_id"], pid, seconds(r["publish_date"])])
            st["peer_rows"] += 1
    with open(os.path.join(out, "labels.csv"), "w", encoding="utf-8", newline="") as o:
        w = csv.writer(o, lineterminator="\n")
        w.writerow(["account_id", "handle", "account_category"])
        for a, (h, c) in sorted(labels.items()):
            w.writerow([a, h, c])
    st["accounts"] = len(labels)
    with open(os.path.join(out, "stats.json"), "w") as o:
        json.dump(st, o, indent=1)
    print(json.dumps(st))


if __name__ == "__main__":
    main(sys.argv)
