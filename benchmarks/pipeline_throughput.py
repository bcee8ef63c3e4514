"""parley's full pipeline against the bare spaCy model, on the same texts in the same run.

Texts: the bundled demo corpus plus ../shared/data/news-pages-lebanon/docs (when present),
repeated until there are at least --words words (default 200,000). Prints words/s of the
bare model and of parley's pipeline for 1 and 2 processes, and the ratio of their times
(the issue asks parley/bare <= 1.3).

    python benchmarks/pipeline_throughput.py [--words 200000] [--processes 1 2]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import spacy

REPO = Path(__file__).resolve().parents[1]
NEWS = REPO.parent / "shared" / "data" / "news-pages-lebanon" / "docs"
DEMO = REPO / "parley" / "demo_corpus"


def corpus(min_words: int) -> list[tuple[str, str | None]]:
    files = sorted(DEMO.glob("*.txt"))
    if NEWS.is_dir():
        files += sorted(NEWS.glob("*.txt"))
    else:
        print(f"{NEWS} is absent: using the demo corpus only", file=sys.stderr)
    base = []
    for path in files:
        meta_path = path.with_name(path.stem + ".meta.json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        base.append((path.read_text(encoding="utf-8"), meta.get("published")))
    texts, words = [], 0
    while words < min_words:
        for text, published in base:
            texts.append((text, published))
            words += len(text.split())
    return texts


def run(nlp: spacy.language.Language, texts: list[tuple[str, str | None]], processes: int) -> float:
    def docs():  # the same Doc creation for both pipelines (publication date set)
        for text, published in texts:
            doc = nlp.make_doc(text)
            doc._.published = published
            yield doc

    started = time.perf_counter()
    for _doc in nlp.pipe(docs(), batch_size=64, n_process=processes):
        pass
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()

    from parley.nlp.pipeline import load_pipeline, pipeline_spec

    texts = corpus(args.words)
    words = sum(len(t.split()) for t, _ in texts)
    bare = spacy.load(pipeline_spec().package)
    full = load_pipeline()
    print(f"{len(texts)} texts, {words} words; parley components: {full.pipe_names[6:]}")
    for processes in args.processes:
        run(bare, texts[:20], 1)  # warm both (lazy loads: gazetteer, dateparser)
        run(full, texts[:20], 1)
        bare_s = run(bare, texts, processes)
        full_s = run(full, texts, processes)
        print(f"n_process={processes}: bare {words / bare_s:,.0f} words/s, parley "
              f"{words / full_s:,.0f} words/s, parley/bare time ratio {full_s / bare_s:.3f}")


if __name__ == "__main__":
    main()
