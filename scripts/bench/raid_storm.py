#!/usr/bin/env python3
"""The raid storm of docs/benchmarks.md ("Outputs on a storm"): 1,000 accounts quote one post and share
its link within 45 s of each other every 15 minutes, 80 times; 80,001 posts of Twitter v1 JSON lines.

usage: raid_storm.py OUT.jsonl [ACCOUNTS] [ROUNDS] [PERIOD_MINUTES]
"""
import json, random, sys

out_path = sys.argv[1]
n_acc = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 80
period = int(sys.argv[4]) * 60_000 if len(sys.argv) > 4 else 900_000
random.seed(11)
t0 = 1493999400000


def user(i):
    return {"id_str": str(10_000_000 + i), "screen_name": f"relay{i}", "created_at": "Wed May 03 10:00:00 +0000 2017"}


ent = {"hashtags": [{"text": "MacronLeaks"}], "urls": [{"expanded_url": "https://pastebin.example/leak"}], "user_mentions": []}
with open(out_path, "w") as out:
    orig = {"id_str": "900000000000000001", "user": user(-1), "timestamp_ms": str(t0), "text": "Leaked files #MacronLeaks", "entities": ent}
    out.write(json.dumps(orig) + "\n")
    n = 1
    for k in range(rounds):
        start = t0 + 60_000 + k * period
        for i in range(n_acc):
            tw = {"id_str": str(910_000_000_000_000_000 + n), "user": user(i), "timestamp_ms": str(start + random.randint(0, 45_000)),
                  "text": f"RT this #MacronLeaks https://pastebin.example/leak {k}", "quoted_status_id_str": orig["id_str"], "entities": ent}
            out.write(json.dumps(tw) + "\n")
            n += 1
