#!/usr/bin/env python3
"""Writes a realistic organisations spreadsheet for the import benchmark.

usage: generate.py ROWS OUT.csv  (areas are Vantaa's postal codes, as in the demo city)
"""
import csv
import random
import sys

KINDS = ["ngo", "migrant_led_ngo", "religious_community", "school", "business", "informal_group",
         "public_agency", "city_department", "university"]
WORDS_FI = ["Kielikahvila", "Perheklubi", "Nuorisotalo", "Ystävyysseura", "Kulttuuriyhdistys", "Urheiluseura",
            "Naisten verkosto", "Kotoutumistuki", "Läksykerho", "Kuoro"]
WORDS_AR = ["جمعية", "نادي", "مركز", "شبكة", "مبادرة"]
PLACES = ["Hakunila", "Tikkurila", "Myyrmäki", "Korso", "Koivukylä", "Martinlaakso", "Länsimäki", "Rekola"]
AREAS = ["01200", "01230", "01260", "01280", "01300", "01350", "01360", "01370", "01380", "01390", "01400",
         "01420", "01450", "01480", "01490", "01510", "01520", "01530", "01600", "01610", "01620", "01630",
         "01640", "01650", "01660", "01670", "01680", "01690", "01700", "01710", "01720", "01730", "01740",
         "01750", "01760", "01770"]
LANGS = ["fi", "sv", "en", "ar", "so", "ru", "et", "fa", "ku", "vi"]


def main():
    rows, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(42)
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["kind", "name_fi", "name_sv", "name_en", "name_ar", "description_fi", "description_en",
                         "languages", "areas", "website", "email", "status"])
        for number in range(1, rows + 1):
            place = rng.choice(PLACES)
            word = rng.choice(WORDS_FI)
            slug = f"{word.lower().replace(' ', '-')}-{place.lower()}-{number}"
            slug = slug.replace("ä", "a").replace("ö", "o")
            writer.writerow([
                rng.choice(KINDS),
                f"{place}n {word} {number}",
                f"{place} {word} {number}" if rng.random() < 0.3 else "",
                f"{word} of {place} {number}" if rng.random() < 0.5 else "",
                f"{rng.choice(WORDS_AR)} {place} {number}" if rng.random() < 0.2 else "",
                f"{word} {place}ssa: tapaamisia, neuvontaa ja yhdessä tekemistä, avoin kaikille.",
                f"{word} in {place}: meetings, advice and doing things together, open to all." if rng.random() < 0.5 else "",
                " ".join(["fi"] + rng.sample(LANGS[1:], rng.randint(0, 3))),
                " ".join(rng.sample(AREAS, rng.randint(0, 4))),
                f"https://{slug}.example.fi" if rng.random() < 0.7 else "",
                f"info@{slug}.example.fi" if rng.random() < 0.6 else "",
                rng.choice(["active"] * 8 + ["inactive"]),
            ])


if __name__ == "__main__":
    main()
