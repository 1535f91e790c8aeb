#!/usr/bin/env python3
"""Day slices of the FiveThirtyEight IRA tweets, rebuilt in FiveThirtyEight's CSV layout.

usage: make_ira_slices.py CHECKOUT OUTDIR [DAY ...]        write one CSV per UTC day
       make_ira_slices.py CHECKOUT --stats [MIN_ROWS]       per-day counts by account_category

CHECKOUT is a copy of github.com/bet4a/russian-troll-tweets-by-author: a work tree, or a git
directory without one (its HEAD is read with `git cat-file`). That repository holds the
FiveThirtyEight release (github.com/fivethirtyeight/russian-troll-tweets) split into one CSV per
author plus authors.csv. This script joins them back and writes, per day, the columns of the
release in its order:

  external_author_id,author,content,region,language,publish_date,harvested_date,following,
  followers,updates,post_type,account_type,retweet,account_category,new_june_2018

with the release's spellings restored: author in capitals, dates as M/D/YYYY H:MM (UTC),
post_type RETWEET / QUOTE_TWEET / empty (the split copy writes R / Q). The release's last six
columns (alt_external_id, tweet_id, article_url, tco1_step1..tco3_step1) are not in the split copy
and are left out, not emptied. external_author_id is the split copy's integer form (the release
writes some as floats, e.g. 9.06E+17). Without DAY arguments the default days below are written.
Only the Python standard library is used; nothing is downloaded.
"""
import collections
import csv
import io
import os
import subprocess
import sys

# Days chosen from --stats (see docs/validation.md): 2015-2017 days with thousands of rows and
# activity from several of RightTroll, LeftTroll, NewsFeed, HashtagGamer, Fearmonger; 2018 has no
# such day (7,306 rows over 150 days), so its busiest day, 2018-01-31 (118 rows), stands for it.
DEFAULT_DAYS = ["2015-11-27", "2016-02-29", "2016-10-06", "2016-11-08", "2016-12-19", "2017-08-02", "2018-01-31"]

HEADER = ["external_author_id", "author", "content", "region", "language", "publish_date", "harvested_date",
          "following", "followers", "updates", "post_type", "account_type", "retweet", "account_category",
          "new_june_2018"]
POST_TYPE = {"R": "RETWEET", "Q": "QUOTE_TWEET", "": ""}

csv.field_size_limit(1 << 24)


class Checkout:
    """Reads files of the checkout, from a work tree or from a git directory's HEAD."""

    def __init__(self, path):
        self.path = path
        self.tree = os.path.isfile(os.path.join(path, "authors.csv"))
        self.absent = []
        if not self.tree:
            out = subprocess.run(["git", "--git-dir", path, "ls-tree", "-r", "HEAD"], check=True,
                                 capture_output=True, text=True).stdout
            self.blobs = {}
            for line in out.splitlines():
                meta, name = line.split("\t", 1)
                self.blobs[name] = meta.split()[2]

    def names(self):
        if self.tree:
            out = []
            for d, _, files in os.walk(self.path):
                if ".git" in d.split(os.sep):
                    continue
                for f in files:
                    out.append(os.path.relpath(os.path.join(d, f), self.path))
            return sorted(out)
        return sorted(self.blobs)

    def texts(self, names):
        """(name, text) for each name, in order."""
        if self.tree:
            for n in names:
                with open(os.path.join(self.path, n), encoding="utf-8", newline="") as f:
                    yield n, f.read()
            return
        p = subprocess.Popen(["git", "--git-dir", self.path, "cat-file", "--batch"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE)
        try:
            for n in names:
                p.stdin.write((self.blobs[n] + "\n").encode())
                p.stdin.flush()
                head = p.stdout.readline().split()
                if len(head) < 3:  # "<sha> missing": the stored snapshot lacks this blob
                    self.absent.append(n)
                    continue
                data = p.stdout.read(int(head[2]))
                p.stdout.read(1)
                yield n, data.decode("utf-8")
        finally:
            p.stdin.close()
            p.wait()


def release_date(iso):
    """'2016-11-29 14:05:00' -> '11/29/2016 14:05', the release's spelling."""
    if not iso:
        return ""
    d, t = iso.split(" ")
    y, m, day = d.split("-")
    hh, mm = t.split(":")[:2]
    return "%d/%d/%s %d:%s" % (int(m), int(day), y, int(hh), mm)


def authors(co):
    _, text = next(co.texts(["authors.csv"]))
    return {r["author_id"]: r for r in csv.DictReader(io.StringIO(text, newline=""))}


def tweets(co, known):
    """Yields (author_row, tweet_row) for every tweet file of an author listed in authors.csv."""
    files = [n for n in co.names() if n.endswith(".csv") and "/" in n]
    for _, text in co.texts(files):
        for r in csv.DictReader(io.StringIO(text, newline="")):
            a = known.get(r["author_id"])
            if a is not None:
                yield a, r
    read = {os.path.basename(n)[:-4] for n in files} - {os.path.basename(n)[:-4] for n in co.absent}
    tweets.missing = sorted(set(known) - read)


def stats(co, min_rows):
    known = authors(co)
    cats = ["RightTroll", "LeftTroll", "NewsFeed", "HashtagGamer", "Fearmonger"]
    per_day = collections.defaultdict(collections.Counter)
    rt = collections.Counter()
    for a, r in tweets(co, known):
        day = r["publish_date"][:10]
        per_day[day][a["account_category"]] += 1
        if r["post_type"] == "R":
            rt[day] += 1
    print("day\trows\tretweets\t" + "\t".join(cats) + "\tother\tcategories_with_100")
    for day in sorted(per_day):
        c = per_day[day]
        n = sum(c.values())
        if n < min_rows:
            continue
        other = n - sum(c[k] for k in cats)
        good = sum(1 for k in cats if c[k] >= 100)
        print("%s\t%d\t%d\t%s\t%d\t%d" % (day, n, rt[day], "\t".join(str(c[k]) for k in cats), other, good))
    print("author files missing for %d of %d authors in authors.csv" % (len(tweets.missing), len(known)),
          file=sys.stderr)


def write(co, out, days):
    known = authors(co)
    rows = collections.defaultdict(list)
    for a, r in tweets(co, known):
        day = r["publish_date"][:10]
        if day in days:
            rows[day].append((a["author"].upper(), r["publish_date"], [
                a["external_author_id"], a["author"].upper(), r["content"], r["region"], r["language"],
                release_date(r["publish_date"]), release_date(r["harvested_date"]), r["following"],
                r["followers"], r["updates"], POST_TYPE[r["post_type"]], a["account_type"], r["retweet"],
                a["account_category"], a["new_june_2018"]]))
    os.makedirs(out, exist_ok=True)
    for day in sorted(days):
        path = os.path.join(out, "ira_%s.csv" % day)
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(HEADER)
            for _, _, row in sorted(rows[day], key=lambda x: (x[0], x[1])):
                w.writerow(row)
        print("%s\t%d rows\t%d bytes" % (path, len(rows[day]), os.path.getsize(path)))
    print("author files missing for %d of %d authors in authors.csv: %s"
          % (len(tweets.missing), len(known), " ".join(tweets.missing[:20])
             + (" ..." if len(tweets.missing) > 20 else "")), file=sys.stderr)


def main(argv):
    if len(argv) < 2 or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 2
    co = Checkout(argv[0])
    if argv[1] == "--stats":
        stats(co, int(argv[2]) if len(argv) > 2 else 1000)
        return 0
    days = set(argv[2:]) or set(DEFAULT_DAYS)
    if not days:
        print("no days given and no default days", file=sys.stderr)
        return 2
    write(co, argv[1], days)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
