#!/usr/bin/env python3
"""Validate a labelled (or unlabelled) comment corpus in JSON Lines.

Checks every line is a JSON object with the required fields, that labels come from the nine
names in LABELLING.md, that ids are unique and lines are in time order, then prints counts per
label.  For labelled files it recomputes `persistent_user` from each author's earlier lines and
lists every comment where the gold label disagrees with the history criteria:

  prolific            8 or more comments (this one included) within 24 hours
  consistently neg.   this comment negative and at least 3 earlier comments within 7 days,
                      all of them negative
  offensive language  at least 2 earlier comments within 30 days offensive
                      (LABELLING.md says "this or at least 2 earlier"; a comment is also
                      flagged as ambiguous where the stricter reading "this one offensive and
                      at least 2 earlier" gives a different answer)

Usage: check_corpus.py FILE [--unlabelled]   (exit status 1 on any error or disagreement)
       --unlabelled checks a demo feed instead: platform, author and created_at required, no labels
"""
import json
import sys
from collections import Counter, defaultdict
from datetime import datetime, timedelta

LABELS = [
    "positive", "negative", "patient_safety", "foi_request", "press_contact",
    "persistent_user", "safeguarding", "offensive", "personal_data",
]
PROLIFIC_COUNT, PROLIFIC_WINDOW = 8, timedelta(hours=24)
NEGATIVE_EARLIER, NEGATIVE_WINDOW = 3, timedelta(days=7)
OFFENSIVE_EARLIER, OFFENSIVE_WINDOW = 2, timedelta(days=30)


def parse_time(value):
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def author_key(author):
    if not isinstance(author, dict):
        return None
    if author.get("id"):
        return author["id"]
    return (author.get("handle") or "").lower() or None


def persistent(history, at, labels):
    """Return (strict_reading, loose_reading) of the persistent_user criterion."""
    in_day = [h for h in history if at - h[0] <= PROLIFIC_WINDOW]
    prolific = len(in_day) + 1 >= PROLIFIC_COUNT
    in_week = [h for h in history if at - h[0] <= NEGATIVE_WINDOW]
    negative = ("negative" in labels and len(in_week) >= NEGATIVE_EARLIER
                and all("negative" in h[1] for h in in_week))
    offensive_earlier = sum(1 for h in history
                            if at - h[0] <= OFFENSIVE_WINDOW and "offensive" in h[1])
    known = offensive_earlier >= OFFENSIVE_EARLIER
    base = prolific or negative
    return base or known, base or (known and "offensive" in labels)


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    path, unlabelled = argv[1], "--unlabelled" in argv[2:]
    errors, disagreements, ambiguous = [], [], []
    counts, ids = Counter(), set()
    unlabelled_lines = total = 0
    history = defaultdict(list)
    last_time = None
    # A demo feed is the bot's input: it must carry what an adapter needs, but no labels.
    required = ["id", "text"] + (["platform", "author", "created_at"] if unlabelled else ["labels"])
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            where = f"{path}:{n}"
            if not raw.strip():
                errors.append(f"{where}: blank line")
                continue
            try:
                obj = json.loads(raw)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: not valid JSON ({e})")
                continue
            if not isinstance(obj, dict):
                errors.append(f"{where}: not a JSON object")
                continue
            total += 1
            for key in required:
                if key not in obj:
                    errors.append(f"{where}: missing '{key}'")
            cid = obj.get("id")
            if not isinstance(cid, str) or not cid:
                errors.append(f"{where}: 'id' must be a non-empty string")
            elif cid in ids:
                errors.append(f"{where}: duplicate id '{cid}'")
            ids.add(cid)
            if not isinstance(obj.get("text"), str) or not obj.get("text", "").strip():
                errors.append(f"{where}: 'text' must be a non-empty string")
            labels = obj.get("labels", [])
            if not isinstance(labels, list):
                errors.append(f"{where}: 'labels' must be a list")
                labels = []
            for label in labels:
                if label not in LABELS:
                    errors.append(f"{where}: unknown label '{label}'")
            if len(set(labels)) != len(labels):
                errors.append(f"{where}: repeated label in {labels}")
            counts.update(set(labels))
            if not labels:
                unlabelled_lines += 1
            at = None
            if "created_at" in obj:
                try:
                    at = parse_time(obj["created_at"])
                except (TypeError, ValueError):
                    errors.append(f"{where}: bad 'created_at' {obj['created_at']!r}")
            if at is not None:
                if last_time is not None and at < last_time:
                    errors.append(f"{where}: created_at goes back in time")
                last_time = at
            key = author_key(obj.get("author"))
            if key is None or at is None:
                if "persistent_user" in labels:
                    errors.append(f"{where}: persistent_user without author and created_at")
                continue
            if not unlabelled:
                loose, strict = persistent(history[key], at, labels)
                gold = "persistent_user" in labels
                if gold != loose:
                    disagreements.append(
                        f"{where} {cid} author {key}: gold={gold} history criteria={loose}")
                if loose != strict:
                    ambiguous.append(f"{where} {cid} author {key}: offensive readings differ")
            history[key].append((at, set(labels)))

    print(f"{path}: {total} lines, {len(ids)} ids")
    if not unlabelled:
        for label in LABELS:
            print(f"  {label:16} {counts[label]}")
        print(f"  {'(no label)':16} {unlabelled_lines}")
    for message in errors:
        print("ERROR " + message)
    for message in disagreements:
        print("PERSISTENT_USER DISAGREES " + message)
    for message in ambiguous:
        print("NOTE " + message)
    return 1 if errors or disagreements else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
