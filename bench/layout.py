"""Where readers' pages put things on the screen, measured in Chromium at 1280×800 and 360×740:
how far down the first result of a search starts, and how wide the compare table of four cases
is against its box and the window. Numbers only: nothing here passes or fails (the browser
tests pin the behaviour).

Measures a running site (``--url``), by default a throwaway one: a temporary SQLite database
with the seed catalogue, served by Django's development server. Needs /usr/bin/chromium.

    .venv/bin/python bench/layout.py
    .venv/bin/python bench/layout.py --url http://127.0.0.1:8000
"""

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scale import free_port

PROJECT = Path(__file__).resolve().parent.parent
SIZES = {"1280×800": (1280, 800), "360×740": (360, 740)}
SEARCHES = ["apples", "earthquake", "地震"]
COMPARED = [
    "yaan-earthquake-weibo-fundraising",
    "kwai-agricultural-assistance",
    "song-xiaoying-apple-live-stream",
    "greenovation-hub-kwai-madrid-climate-conference",
]


def serve(folder):
    """A development server over a fresh SQLite database with the seed catalogue."""
    env = {
        **os.environ,
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{folder}/layout.sqlite3",
    }
    manage = [sys.executable, str(PROJECT / "manage.py")]
    for command in (["migrate", "-v0"], ["load_catalogue"]):
        subprocess.run(manage + command, env=env, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        manage + ["runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _attempt in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    return server, f"http://127.0.0.1:{port}"


def measure(url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        for size, (width, height) in SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for q in SEARCHES:
                page.goto(f"{url}/campaigns/?q={q}")
                card = page.locator(".card").first
                top = card.bounding_box()["y"] if card.count() else None
                shown = "no result" if top is None else f"{top:,.0f} px down"
                print(f"{size}  search {q!r}: first result {shown} (screen {height} px)")
            page.goto(f"{url}/compare/?" + "&".join(f"c={slug}" for slug in COMPARED))
            sizes = page.evaluate(
                """() => {
                    const table = document.querySelector('table');
                    const box = table && table.parentElement;
                    return {
                        table: table ? table.scrollWidth : 0,
                        box: box ? box.clientWidth : 0,
                        page: document.documentElement.scrollWidth,
                        window: window.innerWidth,
                    };
                }"""
            )
            print(
                f"{size}  compare 4 cases: table {sizes['table']:,} px in a {sizes['box']:,} px "
                f"box; page {sizes['page']:,} px in a {sizes['window']:,} px window"
            )
            page.close()
        browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="measure this running site instead of a throwaway one")
    options = parser.parse_args()
    if options.url:
        measure(options.url.rstrip("/"))
        return
    with tempfile.TemporaryDirectory() as folder:
        server, url = serve(folder)
        try:
            measure(url)
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
