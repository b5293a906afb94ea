"""How long drawing a map takes and what it weighs: the world of the seed catalogue's countries,
the world with every country counted, and China by province. Numbers only; not part of the
suite.

    DJANGO_SECRET_KEY=bench DJANGO_ALLOWED_HOSTS=localhost .venv/bin/python bench/maps.py

(Run it with DJANGO_DEBUG off, as a server runs: with it on, templates are read anew each time.)
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialgood.settings")

import django  # noqa: E402

django.setup()

from django.template.loader import render_to_string  # noqa: E402
from django.utils import translation  # noqa: E402

from campaigns.maps import GEOMETRY, china_map, geometry, world_map  # noqa: E402

RUNS = 200


def timed(make):
    """Milliseconds one drawing takes, on average over ``RUNS``, and its bytes."""
    html = render_to_string("includes/region_map.html", {"map": make()})
    start = time.perf_counter()
    for _run in range(RUNS):
        html = render_to_string("includes/region_map.html", {"map": make()})
    return (time.perf_counter() - start) / RUNS * 1000, len(html.encode())


def main():
    start = time.perf_counter()
    geometry("world"), geometry("china")
    print(f"geometry read once: {(time.perf_counter() - start) * 1000:.1f} ms")
    for path in sorted(GEOMETRY.glob("*.json")):
        print(f"  {path.name}: {path.stat().st_size:,} bytes")
    every = {code: index + 1 for index, code in enumerate(geometry("world")["regions"])}
    maps = {
        "world, seed countries": lambda: world_map(
            {"CN": 76, "US": 7, "GB": 2, "ES": 1}, lambda code: f"?country={code}"
        ),
        f"world, all {len(every)} countries": lambda: world_map(
            every, lambda code: f"?country={code}"
        ),
        "China, 34 provinces": lambda: china_map(
            dict.fromkeys(geometry("china")["regions"], 3), lambda code: f"?province={code}"
        ),
    }
    for language in ("en", "zh-hans"):
        with translation.override(language):
            for name, make in maps.items():
                milliseconds, size = timed(make)
                print(f"{language:8} {name:28} {milliseconds:6.2f} ms {size:8,} bytes")


if __name__ == "__main__":
    main()
