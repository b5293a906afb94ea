"""Photograph the public site for the README: docs/screenshots/*.png.

It starts nothing itself: point it at a running copy of the site. ``make screenshots`` serves a
throwaway copy of the seed catalogue on a free port and runs this script against it.

    .venv/bin/python scripts/screenshots.py --base-url http://127.0.0.1:8000 --wait 30

It drives Debian's Chromium (/usr/bin/chromium, or --chromium) through Playwright; Chinese names
show as empty boxes unless a CJK font is installed (apt-get install fonts-wqy-microhei).
"""

import argparse
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
OUT_DIR = Path(__file__).resolve().parent.parent / "docs" / "screenshots"

CASE_SLUG = "yaan-earthquake-weibo-fundraising"
"""The case the README shows: Weibo's fundraising after the 2013 Ya'an earthquake."""

DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 360, "height": 780}


@dataclass(frozen=True)
class Shot:
    """One picture: which page, at which size, into which file."""

    filename: str
    path: str
    viewport: dict
    full_page: bool = False


def shots(case_slug):
    """The pictures the README uses."""
    case_path = f"/campaigns/{case_slug}/"
    return [
        Shot("home.png", "/", DESKTOP),
        Shot("list.png", "/campaigns/", DESKTOP),
        Shot("case.png", case_path, DESKTOP),
        Shot("case-phone.png", case_path, PHONE),
    ]


def wait_for(base_url, seconds):
    """Wait until the site answers at ``base_url``; exit with a message if it never does."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(base_url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers, even if not with 200: the page check below says more
        except OSError as error:
            if time.monotonic() >= deadline:
                sys.exit(f"The site did not answer at {base_url} within {seconds} s: {error}")
            time.sleep(0.3)


def warn_without_cjk_font():
    """Say so when no Chinese font is installed: Chinese names would show as empty boxes."""
    if shutil.which("fc-list") is None:
        return
    result = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False)
    if not result.stdout.strip():
        print(
            "WARNING: no Chinese font is installed, so Chinese names will show as boxes "
            "(apt-get install fonts-wqy-microhei).",
            file=sys.stderr,
        )


def take(browser, base_url, shot, out_dir):
    """Open the page of ``shot`` at its viewport and save the picture; exit if the page fails."""
    context = browser.new_context(viewport=shot.viewport, device_scale_factor=1, locale="en-GB")
    try:
        page = context.new_page()
        url = base_url.rstrip("/") + shot.path
        response = page.goto(url, wait_until="networkidle")
        if response is None or not response.ok:
            status = response.status if response else "no response"
            sys.exit(f"{url} answered {status}; no screenshot taken for {shot.filename}.")
        target = out_dir / shot.filename
        page.screenshot(path=str(target), full_page=shot.full_page)
        size_kb = target.stat().st_size // 1024
        print(f"{target.name}: {url} at {shot.viewport['width']} px, {size_kb} KB")
    finally:
        context.close()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000", help="the running site")
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR, help="where the PNGs go")
    parser.add_argument("--case", default=CASE_SLUG, help="slug of the case page to photograph")
    parser.add_argument("--chromium", default=CHROMIUM, help="the Chromium binary to drive")
    parser.add_argument(
        "--wait", type=float, default=0, help="seconds to wait for the site to answer first"
    )
    args = parser.parse_args(argv)

    if not Path(args.chromium).exists():
        sys.exit(f"Chromium not found at {args.chromium}: install it (apt-get install chromium).")
    warn_without_cjk_font()
    if args.wait:
        wait_for(args.base_url, args.wait)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        try:
            for shot in shots(args.case):
                take(browser, args.base_url, shot, args.out_dir)
        except PlaywrightError as error:
            sys.exit(f"Chromium failed: {error}")
        finally:
            browser.close()


if __name__ == "__main__":
    main()
