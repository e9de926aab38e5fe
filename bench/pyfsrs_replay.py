#!/usr/bin/env python3
"""Times py-fsrs replaying review histories: the reference for `roledeck-bench`.

Reads replay-format card lines ({"card_id", "reviews": [{"rating", "time"}]}) on stdin and prints
one JSON object: {"reviews": N, "seconds": [T1, T2, ...]}, one time per run (`--runs R`, default 5),
so the caller can take the median, as it does for roledeck. Each card is made as py-fsrs's users
make one, with its `card_id`: without it `Card()` sleeps 1 ms to keep generated ids apart, which
would time the sleep, not the scheduler. Needs `pip install fsrs==6.3.2`. Fuzz is off, as in the
Swift run it is compared with.
"""
import argparse
import json
import sys
import time
from datetime import datetime, timezone

from fsrs import Card, Rating, Scheduler


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    cards = []
    for line in sys.stdin:
        if line.strip():
            item = json.loads(line)
            reviews = [
                (Rating(r["rating"]), datetime.fromisoformat(r["time"].replace("Z", "+00:00")).astimezone(timezone.utc))
                for r in item["reviews"]
            ]
            cards.append((int(item["card_id"]), reviews))
    scheduler = Scheduler(enable_fuzzing=False)
    count = sum(len(reviews) for _, reviews in cards)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for card_id, reviews in cards:
            card = Card(card_id=card_id, due=reviews[0][1])
            for rating, moment in reviews:
                card, _ = scheduler.review_card(card, rating, moment)
        times.append(time.perf_counter() - start)
    print(json.dumps({"reviews": count, "seconds": times}))


if __name__ == "__main__":
    main()
