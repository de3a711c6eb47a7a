"""A corpus for the crash and concurrency tests: the seeds plus short articles built here.

The generated articles are made from this file's own sentences (no third-party text), from a
seeded RNG, so the same ``seed`` always gives the same JSON Lines file.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"

ACTORS = (
    "Syrian army troops",
    "Islamic State fighters",
    "Kurdish YPG fighters",
    "Iraqi security forces",
    "Houthi rebels",
    "Nusra Front militants",
    "government forces",
    "Free Syrian Army rebels",
    "Boko Haram gunmen",
    "al-Shabaab militants",
)
PLACES = (
    ("Aleppo", "Syria"),
    ("Homs", "Syria"),
    ("Idlib", "Syria"),
    ("Raqqa", "Syria"),
    ("Mosul", "Iraq"),
    ("Kirkuk", "Iraq"),
    ("Ramadi", "Iraq"),
    ("Taiz", "Yemen"),
    ("Aden", "Yemen"),
    ("Maiduguri", "Nigeria"),
    ("Mogadishu", "Somalia"),
    ("Benghazi", "Libya"),
)
SOURCES = (
    "the Syrian Observatory for Human Rights said",
    "a local official told reporters",
    "the United Nations said",
    "state media reported",
    "witnesses said",
    "a military spokesman said",
)
DAYS = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday")
EVENTS = (
    "{a} attacked a checkpoint near {p} {d}, killing {n} soldiers, {s}.",
    "{a} shelled residential districts of {p} {d}, killing {n} civilians, {s}.",
    "{a} captured the town of {p} {d} after heavy clashes, {s}.",
    "{a} clashed with {b} on the outskirts of {p} {d}, {s}.",
    "A car bomb exploded at a market in {p} {d}, killing {n} people, {s}.",
    "Hundreds of protesters gathered in {p} {d} to demand the release of detainees, {s}.",
    "Police arrested {n} people in {p} {d} after a demonstration, {s}.",
    "Air strikes hit positions held by {a} near {p} {d}, {s}.",
    "{a} withdrew from {p} {d} after a week of fighting, {s}.",
    "More than {m} families fled {p} {d} as fighting intensified, {s}.",
)
CONTEXT = (
    "The fighting in {c} has displaced thousands of people this year.",
    "Aid agencies said access to the area remained difficult.",
    "No group immediately claimed responsibility.",
    "The government did not comment on the report.",
    "Residents said electricity and water had been cut for days.",
)


def article_text(rng: random.Random) -> str:
    """Two to four sentences about one place, in the style of a wire report."""
    place, country = rng.choice(PLACES)
    sentences = []
    for _ in range(rng.randint(1, 3)):
        a, b = rng.sample(ACTORS, 2)
        template = rng.choice(EVENTS)
        sentence = template.format(
            a=a,
            b=b,
            p=place,
            d=rng.choice(DAYS),
            n=rng.randint(2, 40),
            m=rng.randint(2, 90) * 100,
            s=rng.choice(SOURCES),
        )
        sentences.append(sentence[0].upper() + sentence[1:])
    sentences.append(rng.choice(CONTEXT).format(c=country))
    return " ".join(sentences)


def write_corpus(path: Path, count: int, seed: int = 5) -> Path:
    """Write ``count`` generated articles to ``path`` as JSON Lines; returns ``path``."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            record = {
                "id": f"gen-{i:03d}",
                "text": article_text(rng),
                "published": f"2015-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "source": "kg test corpus",
            }
            out.write(json.dumps(record) + "\n")
    return path
