#!/usr/bin/env python3
"""The reference side of `roledeck-bench optimize`, and the maker of the optimizer's test data.

Needs `pip install fsrs==6.3.2 fsrs-rs-python==0.9.3` and the oracle script
`optimizer_oracle.py` (metrics, day arithmetic, time-series split), by default from
../shared/fsrs/ beside the repository; --oracle names another copy.

  bench     --revlog CSV --tz H --rollover H [--runs N] [--no-tss] [--synthetic DIR]
            fsrs-rs-python on an Anki review history, as its users call it: the whole-history fit
            (parameters, median seconds of compute_parameters over N runs, and of reading the CSV,
            building the items and fitting), and the 5-fold time-series split (metrics of the
            fitted and of the default parameters). Prints JSON.
  synthetic --out DIR [--seed S]
            simulates review histories with py-fsrs from known parameters (revlog-synthetic-*.csv)
            and writes their JSON description (revlog-synthetic.json) beside them.
  fixture   --revlog CSV --synthetic DIR --out JSON
            the values the Swift tests compare with: metrics of several parameter sets (oracle
            definitions), fsrs-rs-python fits of the whole history, of short prefixes and of the
            synthetic training history, and the time-series split.
"""
from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import os
import random
import statistics
import sys
import time
from collections import defaultdict
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
SYNTHETIC_TRUE = [0.45, 1.6, 4.2, 14.0, 6.9, 0.6, 2.4, 0.02, 1.55, 0.12, 0.95, 1.7, 0.08, 0.35, 1.9, 0.45,
                  2.3, 0.6, 0.15, 0.1, 0.25]


def load_oracle(path):
    spec = importlib.util.spec_from_file_location("optimizer_oracle", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_revlog(O, path):
    """The CSV as the oracle's cards: [(card_id, [(time, rating)])], reviews sorted by time."""
    by_card = defaultdict(list)
    for row in csv.DictReader(open(path)):
        by_card[row["card_id"]].append((O.parse_time(row["review_time"]), int(row["review_rating"])))
    return [(cid, sorted(revs, key=lambda r: r[0])) for cid, revs in by_card.items()]


def histories(O, path, tz, rollover):
    cards = read_revlog(O, path)
    h = O.to_histories(cards, "anki", tz, rollover)
    return cards, h, O.scorable_rows(h)


def fit(O, h, rows, **config):
    import fsrs_rs_python as F
    items, _ = O.items_for_rows(h, rows)
    cfg = F.TrainingConfig(**config) if config else None
    t0 = time.perf_counter()
    params = F.FSRS(O.DEFAULT_PARAMETERS).compute_parameters(items, training_config=cfg)
    return list(params), time.perf_counter() - t0


def metrics(O, params, h, rows):
    ps, ys, keys = O.score(params, h, rows)
    m = O.metrics(ps, ys, keys)
    return {k: m[k] for k in ("log_loss", "rmse_bins", "auc", "n", "mean_y", "mean_p")}


def tss(O, h, rows, splits=5):
    n = len(rows)
    size = n // (splits + 1)
    fitted, default, folds = ([], [], []), ([], [], []), []
    for f in range(splits):
        start = n - (splits - f) * size
        params, seconds = fit(O, h, rows[:start])
        test = rows[start:start + size]
        for target, p in ((fitted, params), (default, O.DEFAULT_PARAMETERS)):
            ps, ys, keys = O.score(p, h, test)
            target[0].extend(ps)
            target[1].extend(ys)
            target[2].extend(keys)
        folds.append({"train": start, "test": len(test), "parameters": params, "fit_seconds": seconds})

    def summary(t):
        m = O.metrics(*t)
        return {k: m[k] for k in ("log_loss", "rmse_bins", "auc", "n")}
    return {"fitted": summary(fitted), "defaults": summary(default), "folds": folds}


def cmd_bench(O, args):
    runs = []
    params = None
    for _ in range(args.runs):
        _, h, rows = histories(O, args.revlog, args.tz, args.rollover)
        params, seconds = fit(O, h, rows)
        runs.append(seconds)
    end_to_end = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        _, h, rows = histories(O, args.revlog, args.tz, args.rollover)
        fit(O, h, rows)
        end_to_end.append(time.perf_counter() - t0)
    _, h, rows = histories(O, args.revlog, args.tz, args.rollover)
    out = {
        "fsrs_rs_python": version("fsrs-rs-python"),
        "reviews": sum(len(x[1]) for x in h), "cards": len(h), "scorable": len(rows),
        "parameters": params,
        "fit_seconds_median": statistics.median(runs), "fit_seconds_min": min(runs),
        "end_to_end_seconds_median": statistics.median(end_to_end),
        "whole": metrics(O, params, h, rows),
        "defaults": metrics(O, O.DEFAULT_PARAMETERS, h, rows),
    }
    if not args.no_tss:
        out["tss"] = tss(O, h, rows)
    if args.synthetic:
        out["synthetic"] = synthetic_result(O, args.synthetic)
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


def synthetic_result(O, folder):
    _, train_h, train_rows = histories(O, os.path.join(folder, "revlog-synthetic-train.csv"), 0, 4)
    _, test_h, test_rows = histories(O, os.path.join(folder, "revlog-synthetic-test.csv"), 0, 4)
    params, seconds = fit(O, train_h, train_rows)
    return {
        "true_parameters": SYNTHETIC_TRUE, "fitted_parameters": params, "fit_seconds": seconds,
        "train": {"reviews": sum(len(x[1]) for x in train_h), "scorable": len(train_rows)},
        "test_true": metrics(O, SYNTHETIC_TRUE, test_h, test_rows),
        "test_fitted": metrics(O, params, test_h, test_rows),
        "test_defaults": metrics(O, O.DEFAULT_PARAMETERS, test_h, test_rows),
    }


def version(name):
    from importlib.metadata import version as v
    return v(name)


# ------------------------------------------------------------------------------------------------
# synthetic histories
# ------------------------------------------------------------------------------------------------
def simulate(O, cards, days, seed, first_id):
    """Reviews of `cards` cards introduced over the first 60% of `days` days, scheduled by py-fsrs with
    the true parameters; whether each review is remembered is drawn from the true model's R under
    Anki day arithmetic (UTC, rollover 04:00), the arithmetic the optimizer fits with."""
    from fsrs import Card, Rating, Scheduler
    rng = random.Random(seed)
    random.seed(seed)  # py-fsrs draws its fuzz from the random module
    scheduler = Scheduler(parameters=SYNTHETIC_TRUE, desired_retention=0.9, enable_fuzzing=True)
    model = O.Model(SYNTHETIC_TRUE)
    origin = datetime(2025, 1, 6, tzinfo=timezone.utc)
    end = origin + timedelta(days=days)

    def day(t):
        return int((t.timestamp() - 4 * 3600) // 86400)

    rows = []
    for index in range(cards):
        start = origin + timedelta(days=rng.randrange(int(days * 0.6)), hours=rng.uniform(8, 22))
        card = Card(card_id=first_id + index)
        t = start
        rating = rng.choices([1, 2, 3, 4], weights=[0.25, 0.1, 0.55, 0.1])[0]
        history = []
        while t < end:
            card, _ = scheduler.review_card(card, Rating(rating), review_datetime=t)
            history.append((day(t), rating))
            rows.append((card.card_id, rating, t))
            due = card.due
            if due - t >= timedelta(days=1):
                # A review day: some time of day, now and then a day or two late.
                late = rng.choices([0, 1, 2], weights=[0.8, 0.15, 0.05])[0]
                due = datetime(due.year, due.month, due.day, tzinfo=timezone.utc) + timedelta(
                    days=late, hours=rng.uniform(8, 22))
                due = max(due, card.due)
            t = due
            elapsed = day(t) - history[-1][0]
            if elapsed <= 0:
                recalled = True
            else:
                s, d = model.init(history[0][1])
                for k in range(1, len(history)):
                    s, d = model.step(s, d, history[k][0] - history[k - 1][0], history[k][1])
                recalled = rng.random() < model.r(elapsed, min(max(s, O.S_MIN), O.S_MAX))
            rating = 1 if not recalled else rng.choices([2, 3, 4], weights=[0.15, 0.75, 0.1])[0]
    rows.sort(key=lambda r: (r[2], r[0]))
    return rows


def write_revlog(path, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["card_id", "review_rating", "review_time", "review_duration"])
        for card_id, rating, t in rows:
            w.writerow([card_id, rating, t.isoformat(), 0])


def cmd_synthetic(O, args):
    os.makedirs(args.out, exist_ok=True)
    write_revlog(os.path.join(args.out, "revlog-synthetic-train.csv"), simulate(O, 1000, 300, args.seed, 1))
    write_revlog(os.path.join(args.out, "revlog-synthetic-test.csv"), simulate(O, 400, 300, args.seed + 1, 100001))
    json.dump({"true_parameters": SYNTHETIC_TRUE, "seed": args.seed, "py_fsrs": version("fsrs"),
               "tz": 0, "rollover": 4}, open(os.path.join(args.out, "revlog-synthetic.json"), "w"), indent=1)


def cmd_fixture(O, args):
    cards, h, rows = histories(O, args.revlog, args.tz, args.rollover)
    whole, _ = fit(O, h, rows)
    vectors = []
    for params in (O.DEFAULT_PARAMETERS, whole, SYNTHETIC_TRUE):
        vectors.append({"parameters": params, **metrics(O, params, h, rows)})
    prefixes = []
    for count in (7, 60, 300):
        params, _ = fit(O, h, rows[:count])
        prefixes.append({"rows": count, "parameters": params})
    out = {
        "fsrs_rs_python": version("fsrs-rs-python"), "tz": args.tz, "rollover": args.rollover,
        "reviews": sum(len(x[1]) for x in h), "cards": len(h), "scorable": len(rows),
        "metrics": vectors, "fit": whole, "prefix_fits": prefixes, "tss": tss(O, h, rows),
        "synthetic": synthetic_result(O, args.synthetic),
    }
    for fold in out["tss"]["folds"]:
        del fold["fit_seconds"]
    del out["synthetic"]["fit_seconds"]
    json.dump(out, open(args.out, "w"), indent=1)
    open(args.out, "a").write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["bench", "synthetic", "fixture"])
    ap.add_argument("--oracle", default=os.path.join(HERE, "..", "..", "shared", "fsrs", "optimizer_oracle.py"))
    ap.add_argument("--revlog")
    ap.add_argument("--tz", type=float, default=-6.0)
    ap.add_argument("--rollover", type=float, default=4.0)
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--synthetic", help="folder with revlog-synthetic-{train,test}.csv")
    ap.add_argument("--no-tss", action="store_true", help="bench: skip the time-series split")
    ap.add_argument("--out")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    if not os.path.exists(args.oracle):
        sys.exit(f"optimizer_reference.py: the oracle script is not at {args.oracle}; pass --oracle PATH")
    O = load_oracle(args.oracle)
    {"bench": cmd_bench, "synthetic": cmd_synthetic, "fixture": cmd_fixture}[args.command](O, args)


if __name__ == "__main__":
    main()
