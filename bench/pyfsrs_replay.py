#!/usr/bin/env python3
"""Times py-fsrs replaying review histories: the reference for `roledeck-bench store`.

Reads replay-format card lines ({"card_id", "reviews": [{"rating", "time"}]}) on stdin and prints
one JSON object: {"reviews": N, "seconds": T}. Needs `pip install fsrs==6.3.2`. Fuzz is off, as in
the Swift run it is compared with.
"""
import json
import sys
import time
from datetime import datetime, timezone

from fsrs import Card, Rating, Scheduler


def main() -> None:
    cards = []
    for line in sys.stdin:
        if line.strip():
            item = json.loads(line)
            reviews = [
                (Rating(r["rating"]), datetime.fromisoformat(r["time"].replace("Z", "+00:00")).astimezone(timezone.utc))
                for r in item["reviews"]
            ]
            cards.append(reviews)
    scheduler = Scheduler(enable_fuzzing=False)
    count = 0
    start = time.perf_counter()
    for reviews in cards:
        card = Card()
        for rating, moment in reviews:
            card, _ = scheduler.review_card(card, rating, moment)
            count += 1
    print(json.dumps({"reviews": count, "seconds": time.perf_counter() - start}))


if __name__ == "__main__":
    main()
