"""Ingest throughput with --no-extract (documents only, near-duplicate detection included).

Builds N plain-text documents in a temporary folder from sentences of real news excerpts
(../shared/data/news-pages-lebanon when present, else the bundled demo corpus), with one in
twenty a lightly edited copy of an earlier one so that story clustering does real work; then
times `parley ingest --no-extract` end to end (a subprocess, start-up included) and the
library call alone. Nothing generated here is kept.

    python benchmarks/ingest_throughput.py [--docs 2000]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NEWS = REPO.parent / "shared" / "data" / "news-pages-lebanon" / "articles.jsonl"
DEMO = REPO / "parley" / "demo_corpus"


def sentences() -> tuple[list[str], str]:
    if NEWS.exists():
        texts = [json.loads(line)["text"] for line in NEWS.open(encoding="utf-8")]
        origin = str(NEWS)
    else:
        print(f"{NEWS} is absent: using the bundled demo corpus", file=sys.stderr)
        texts = [p.read_text(encoding="utf-8") for p in sorted(DEMO.glob("*.txt"))]
        origin = str(DEMO)
    pool = [s.strip() for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if len(s.split()) > 5]
    return pool, origin


def build(folder: Path, count: int) -> int:
    pool, _ = sentences()
    rng = random.Random(42)
    made: list[str] = []
    words = 0
    for number in range(count):
        if made and number % 20 == 19:
            text = rng.choice(made).replace(" the ", " a ", 2) + "\nUpdated with more detail."
        else:
            text = " ".join(rng.sample(pool, k=min(len(pool), rng.randint(12, 30))))
        made.append(text)
        words += len(text.split())
        (folder / f"bench-{number:05d}.txt").write_text(text, encoding="utf-8")
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="parley-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        words = build(corpus, args.docs)
        _, origin = sentences()
        print(f"corpus: {args.docs} documents, {words} words, sentences from {origin}")

        db = Path(tmp) / "cli.db"
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "parley", "ingest", "--no-extract", "--quiet",
                        "--db", str(db), str(corpus)], check=True)
        wall = time.perf_counter() - started
        print(f"parley ingest --no-extract (subprocess, start-up included): {wall:.2f} s, "
              f"{args.docs / wall:.0f} docs/s, {words / wall:.0f} words/s")

        from parley.ingest import ingest
        from parley.store import open_store

        store = open_store(Path(tmp) / "lib.db")
        started = time.perf_counter()
        report = ingest([str(corpus)], store)
        took = time.perf_counter() - started
        clusters = store.stats()["clusters"]
        store.close()
        print(f"library ingest(): {took:.2f} s, {args.docs / took:.0f} docs/s; "
              f"counts {report.counts}; {clusters} story clusters")


if __name__ == "__main__":
    main()
