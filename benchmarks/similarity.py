"""How long comparing a class's code takes, as a ratio to parsing the same files.

    python benchmarks/similarity.py [--sizes 40 200 1000] [--repeat 3]

The class is the labelled corpus (tests/corpus/forward/), then disguised copies of it (renamed,
reordered, re-commented), so a large class has copy clusters as a real one might.
The baseline, measured in the same run, is ``ast.parse`` of every file: what any
comparison that reads the code must pay. Figures are medians; nothing is asserted.
"""

from __future__ import annotations

import argparse
import ast
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from grader.classsimilarity import stub_texts  # noqa: E402
from grader.registry import load  # noqa: E402
from grader.similarity import boilerplate_of, compare, fingerprint  # noqa: E402
from tests.test_similarity import DISGUISES, corpus, disguise  # noqa: E402


def a_class(size: int) -> dict[str, str]:
    texts = list(corpus().values())
    return {
        f"s{n:04d}": texts[n] if n < len(texts) else
        disguise(texts[n % len(texts)], DISGUISES[n % len(DISGUISES)], n)
        for n in range(size)
    }  # fmt: skip


def median_time(work: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[40, 200, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    boilerplate = boilerplate_of(stub_texts(load("forward")))
    print(f"{'class':>6} {'parse s':>8} {'fingerprint s':>14} {'compare s':>10} {'ratio':>6}")
    for size in options.sizes:
        files = a_class(size)
        parse = median_time(lambda f=files: [ast.parse(t) for t in f.values()], options.repeat)
        prints: list = []

        def fingerprints(f: dict[str, str] = files, out: list = prints) -> None:
            out[:] = [fingerprint(i, t, boilerplate) for i, t in f.items()]

        made = median_time(fingerprints, options.repeat)
        compared = median_time(lambda p=prints: compare(p, stub=True), options.repeat)
        ratio = (made + compared) / parse
        print(f"{size:>6} {parse:>8.2f} {made:>14.2f} {compared:>10.2f} {ratio:>6.1f}")


if __name__ == "__main__":
    main()
