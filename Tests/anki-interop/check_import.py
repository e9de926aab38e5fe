#!/usr/bin/env python3
"""Imports a roledeck export into a fresh Anki collection with Anki's own library and checks it
against roledeck's own view of the same cards (`roledeck export json --with-progress`).

    check_import.py apkg PACKAGE.apkg CARDS.json WORKDIR --tz Asia/Seoul --rollover 4 --now ISO
    check_import.py csv FILE.txt CARDS.json WORKDIR

Prints one summary line and exits 0 when everything agrees; prints every disagreement and exits 1
otherwise. Needs `pip install anki` (26.9.x).
"""
import argparse
import datetime as dt
import html
import json
import math
import os
import shutil
import sys
import zoneinfo
from importlib.metadata import version

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.import_export_pb2 import ImportCsvRequest

problems = []


def check(condition, message):
    if not condition:
        problems.append(message)
    return condition


def parse_time(text):
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def fresh_collection(workdir):
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
    return Collection(os.path.join(workdir, "collection.anki2"))


def check_notes(col, entries, where):
    """Decks, notes, cards, and each note's deck and tags, for both kinds of import."""
    names = {d.name for d in col.decks.all_names_and_ids()} - {"Default"}
    wanted = {"AI 직무"} | {e["ankiDeck"] for e in entries}
    check(names == wanted, f"{where}: decks {sorted(names)} != {sorted(wanted)}")
    for e in entries:
        check(e["ankiDeck"] == "AI 직무::" + e["deck"], f"{where}: {e['card']['id']}: deck {e['ankiDeck']}")
    note_ids = col.find_notes("")
    card_ids = col.find_cards("")
    check(len(note_ids) == len(entries), f"{where}: {len(note_ids)} notes for {len(entries)} cards")
    check(len(card_ids) == len(entries), f"{where}: {len(card_ids)} cards for {len(entries)} cards")
    return note_ids, card_ids


def check_apkg(args, entries):
    col = fresh_collection(args.workdir)
    col.set_config("fsrs", True)
    request = ImportAnkiPackageRequest(
        package_path=os.path.abspath(args.file),
        options=ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True, merge_notetypes=True))
    col.import_anki_package(request)
    note_ids, card_ids = check_notes(col, entries, "apkg")
    by_id = {e["card"]["id"]: e for e in entries}
    zone = zoneinfo.ZoneInfo(args.tz)
    now = parse_time(args.now) if args.now else dt.datetime.now(dt.timezone.utc)
    real_now = dt.datetime.now(dt.timezone.utc)

    def study_day(moment):
        return (moment.astimezone(zone) - dt.timedelta(hours=args.rollover)).date()

    anki_today = study_day(real_now)
    total_reviews = sum(len((e.get("progress") or {}).get("reviews", [])) for e in entries)
    studied = reviews_seen = 0
    for cid in card_ids:
        card = col.get_card(cid)
        note = card.note()
        fields = dict(zip(col.models.field_names(note.note_type()), note.fields))
        e = by_id.get(html.unescape(fields["id"]))
        if not check(e is not None, f"apkg: a note for no roledeck card: {fields['id']}"):
            continue
        c, p, name = e["card"], e.get("progress"), e["card"]["id"]
        # Fields: what the card asks, answers, where it is from.
        check(html.unescape(fields["질문"]) == c["prompt"], f"{name}: 질문 {fields['질문']!r}")
        check(html.unescape(fields["문맥"]) == (c.get("context") or ""), f"{name}: 문맥 {fields['문맥']!r}")
        check(html.unescape(fields["설명"]) == c["explanation"], f"{name}: 설명")
        check(html.unescape(fields["분야"]) == e["deck"], f"{name}: 분야 {fields['분야']!r}")
        check(html.unescape(fields["직무"]) == (e.get("roleName") or ""), f"{name}: 직무 {fields['직무']!r}")
        check(fields["종류"] != "", f"{name}: 종류 is empty")
        answer = html.unescape(fields["정답"])
        texts = [a["text"] for a in c["answers"]]
        if c.get("distractors"):
            shown = [t for t in texts if t in answer]
            check(len(shown) >= 1, f"{name}: 정답 {answer!r} names none of {texts}")
            options = html.unescape(fields["보기"])
            check(all(t in options for t in shown), f"{name}: 보기 {options!r} lacks the answer")
            check(any(d in options for d in c["distractors"]), f"{name}: 보기 {options!r} has no wrong option")
        else:
            check(all(t in answer for t in texts), f"{name}: 정답 {answer!r} lacks one of {texts}")
            check(fields["보기"] == "", f"{name}: 보기 on a card without options")
        check(col.decks.name(card.did) == e["ankiDeck"], f"{name}: in deck {col.decks.name(card.did)}")
        check(set(note.tags) == set(e["tags"]), f"{name}: tags {note.tags} != {e['tags']}")
        check(f"roledeck::kind::{c['kind']}" in note.tags, f"{name}: no kind tag")
        if c.get("role"):
            check(f"roledeck::role::{c['role']}" in note.tags, f"{name}: no role tag")
        # Schedule and memory.
        revlog = col.db.all(
            "select id, ease, ivl, lastIvl, factor, time, type from revlog where cid = ? order by id", cid)
        if p is None:
            check(card.type == 0 and not revlog, f"{name}: scheduled in an export without progress")
            continue
        check("leech" in note.tags if p["leech"] else "leech" not in note.tags, f"{name}: leech tag")
        check(card.reps == p["reps"] and card.lapses == p["lapses"],
              f"{name}: reps/lapses {card.reps}/{card.lapses} != {p['reps']}/{p['lapses']}")
        buried = p.get("buriedUntil") and parse_time(p["buriedUntil"]) > now
        expected_queue = -1 if p["suspended"] else (-3 if buried else None)
        if p["state"] == "new":
            check(card.type == 0, f"{name}: type {card.type} for a new card")
            check(card.memory_state is None, f"{name}: memory state on a new card")
            check(card.queue == (expected_queue if expected_queue is not None else 0), f"{name}: queue {card.queue}")
            check(not revlog, f"{name}: reviews of a new card")
            continue
        studied += 1
        types = {"learning": 1, "review": 2, "relearning": 3}
        check(card.type == types[p["state"]], f"{name}: type {card.type} for {p['state']}")
        due = parse_time(p["due"])
        if card.queue in (1,) or (expected_queue is not None and card.type in (1, 3) and card.due > 10**9):
            check(card.due == math.ceil(due.timestamp()), f"{name}: due {card.due} != {due}")
        else:
            anki_due = anki_today + dt.timedelta(days=card.due - col.sched.today)
            check(anki_due == study_day(due), f"{name}: due day {anki_due} != {study_day(due)}")
        if expected_queue is not None:
            check(card.queue == expected_queue, f"{name}: queue {card.queue} != {expected_queue}")
        if p["state"] == "review":
            interval = (study_day(due) - study_day(parse_time(p["lastReview"]))).days
            check(card.ivl == interval, f"{name}: ivl {card.ivl} != {interval}")
        memory = card.memory_state
        if check(memory is not None, f"{name}: no memory state"):
            # Anki keeps stability to 4 decimal places and difficulty to 3, as 32-bit floats.
            check(abs(memory.stability - p["stability"]) <= 0.5e-4 + 1e-6 * p["stability"],
                  f"{name}: stability {memory.stability} != {p['stability']}")
            check(abs(memory.difficulty - p["difficulty"]) <= 0.5e-3 + 1e-6,
                  f"{name}: difficulty {memory.difficulty} != {p['difficulty']}")
        # The review log: every review that stands, in order, as Anki records one.
        reviews = p["reviews"]
        check(len(revlog) == len(reviews), f"{name}: {len(revlog)} revlog entries for {len(reviews)} reviews")
        kinds = {"new": 0, "learning": 0, "review": 1, "relearning": 2}
        for (rid, ease, ivl, last_ivl, factor, taken, kind), r in zip(revlog, reviews):
            reviews_seen += 1
            at = parse_time(r["at"])
            # Anki keys reviews by their millisecond: reviews in the same one (a frozen clock) are a
            # millisecond apart, so an entry is at most one millisecond per review in the export late.
            at_ms = round(at.timestamp() * 1000)
            check(at_ms <= rid < at_ms + max(1, total_reviews), f"{name}: revlog time {rid} != {r['at']}")
            check(ease == r["rating"], f"{name}: ease {ease} != {r['rating']}")
            check(kind == kinds[r["before"]], f"{name}: revlog type {kind} for {r['before']}")
            check(taken == min(r.get("ms") or 0, 60000), f"{name}: time {taken} != {r.get('ms')}")
            shifted = round(((r["difficulty"] - 1) / 9 + 0.1) * 1000)
            check(factor == shifted, f"{name}: factor {factor} != {shifted}")
            after = parse_time(r["due"])
            if ivl > 0:
                check(ivl == (study_day(after) - study_day(at)).days, f"{name}: revlog ivl {ivl} days")
            else:
                check(abs(-ivl - (after - at).total_seconds()) <= 1, f"{name}: revlog ivl {ivl} s")
    # Deck options: roledeck's preset, with its FSRS parameters.
    config = col.decks.config_dict_for_deck_id(col.decks.id_for_name(entries[0]["ankiDeck"]))
    check(config["name"] == "roledeck", f"deck options {config['name']}")
    check(len(config.get("fsrsParams6", [])) == 21, "deck options without FSRS-6 parameters")
    check(all(r[0] for r in col.db.all("select csum from notes")), "a note without its checksum")
    col.close()
    return (f"apkg: {len(names_of(args, entries))} decks, {len(note_ids)} notes, {len(card_ids)} cards, "
            f"{studied} studied, {reviews_seen} reviews")


def names_of(args, entries):
    return {e["ankiDeck"] for e in entries}


def check_csv(args, entries):
    col = fresh_collection(args.workdir)
    path = os.path.abspath(args.file)
    metadata = col.get_csv_metadata(path=path, delimiter=None)
    check(metadata.deck_column > 0 and metadata.tags_column > 0 and metadata.guid_column > 0,
          f"csv: header not read: deck {metadata.deck_column}, tags {metadata.tags_column}")
    check(metadata.is_html, "csv: not read as HTML")
    col.import_csv(ImportCsvRequest(path=path, metadata=metadata))
    note_ids, _ = check_notes(col, entries, "csv")
    by_prompt = {}
    for e in entries:
        by_prompt.setdefault(e["card"]["prompt"], []).append(e)
    for nid in note_ids:
        note = col.get_note(nid)
        front, back = (html.unescape(f) for f in note.fields[:2])
        found = [e for e in by_prompt.get(front.split("<br>")[0], [])
                 if set(note.tags) == set(e["tags"]) and (e["card"].get("context") or "") in front]
        if not check(len(found) >= 1, f"csv: a note for no card: {front[:60]!r} {note.tags}"):
            continue
        e = found[0]
        check(col.decks.name(note.cards()[0].did) == e["ankiDeck"], f"csv: {e['card']['id']} in another deck")
        check(e["card"]["explanation"] in back, f"csv: {e['card']['id']}: back lacks the explanation")
    col.close()
    return f"csv: {len(names_of(args, entries))} decks, {len(note_ids)} notes"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["apkg", "csv"])
    parser.add_argument("file")
    parser.add_argument("cards")
    parser.add_argument("workdir")
    parser.add_argument("--tz", default="UTC")
    parser.add_argument("--rollover", type=int, default=4)
    parser.add_argument("--now", default=None)
    args = parser.parse_args()
    anki_version = version("anki")
    check(anki_version.startswith("26.9."), f"Anki's library is {anki_version}, not 26.9.x: pip install 'anki>=26.9,<26.10'")
    with open(args.cards, encoding="utf-8") as f:
        entries = json.load(f)["cards"]
    summary = check_apkg(args, entries) if args.mode == "apkg" else check_csv(args, entries)
    if problems:
        for problem in problems[:40]:
            print("MISMATCH " + problem)
        print(f"{len(problems)} mismatch(es)")
        sys.exit(1)
    print(f"{summary}: all agree (anki {anki_version})")


if __name__ == "__main__":
    main()
