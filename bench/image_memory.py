"""What accepting a large image costs a server process: time and peak memory.

Makes images just under the pixel limit (7,000 × 5,670 pixels, 39.7 megapixels) that are small
enough on disk to be uploaded (under ``MAX_IMAGE_UPLOAD_BYTES``): a PNG with transparency, a
colour PNG, a grey PNG and a JPEG photograph's worth of pixels. Each is then taken the way an
upload is, in a fresh Python process of its own: ``clean_image`` (checked, decoded and written
again from its pixels), then ``make_renditions`` on what was written (the thumbnail and
page-width renditions, in WebP and PNG or JPEG). For each step it prints the wall time and how
much the process's peak resident size rose over what it was before the step (Linux's
``VmHWM``, the figure ``resource.getrusage`` gives as ``ru_maxrss``, counted again from the
start of each step). Linux only. Numbers only: nothing here passes or fails.

    .venv/bin/python bench/image_memory.py
    .venv/bin/python bench/image_memory.py --size 4000x3000 --only jpeg
"""

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent

MEASURE = """
import io, json, sys, time
import django
django.setup()
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from campaigns import images, renditions

def status(field):
    with open("/proc/self/status") as lines:
        line = next(line for line in lines if line.startswith(field + ":"))
    return int(line.split()[1]) * 1024

def resident():
    # the resident size now; the peak is counted again from here (Linux's clear_refs)
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")
    return status("VmRSS")

def peak():
    return status("VmHWM")

path, folder = sys.argv[1], sys.argv[2]
content = open(path, "rb").read()
result = {"file_bytes": len(content)}
before, started = resident(), time.perf_counter()
try:
    clean = images.clean_image(SimpleUploadedFile("upload" + path[path.rfind("."):], content))
except ValidationError as error:
    result["refused"] = " ".join(error.messages)
else:
    result["clean_seconds"] = time.perf_counter() - started
    result["clean_peak"] = peak() - before
    storage = FileSystemStorage(location=folder)
    name = storage.save("image" + clean.extension, io.BytesIO(clean.content))
    del clean
    before, started = resident(), time.perf_counter()
    renditions.make_renditions(storage, name)
    result["renditions_seconds"] = time.perf_counter() - started
    result["renditions_peak"] = peak() - before
print(json.dumps(result))
"""


def megabytes(size):
    return f"{size / 1024 / 1024:,.0f} MB"


def make_images(width, height, folder):
    """The images to take, by name: each file's path."""
    from PIL import Image, ImageDraw

    def drawn(mode, background, colours):
        image = Image.new(mode, (width, height), background)
        draw = ImageDraw.Draw(image)
        step = max(1, width // 40)
        for n, x in enumerate(range(0, width, step)):
            draw.rectangle([x, (n * 97) % height, x + step // 2, height], fill=colours[n % 3])
        return image

    colours = [(200, 30, 30, 255), (30, 120, 200, 128), (240, 200, 40, 255)]
    made = {
        "png-rgba": (drawn("RGBA", (0, 0, 0, 0), colours), "PNG", {}),
        "png-rgb": (drawn("RGB", (250, 250, 250), [c[:3] for c in colours]), "PNG", {}),
        "png-grey": (drawn("L", 250, [30, 120, 200]), "PNG", {}),
        "jpeg": (drawn("RGB", (250, 250, 250), [c[:3] for c in colours]), "JPEG", {"quality": 80}),
    }
    paths = {}
    for name, (image, fmt, options) in made.items():
        buffer = io.BytesIO()
        image.save(buffer, format=fmt, **options)
        path = folder / f"{name}.{'jpg' if fmt == 'JPEG' else 'png'}"
        path.write_bytes(buffer.getvalue())
        paths[name] = path
    return paths


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="7000x5670", help="width x height (default 7000x5670)")
    parser.add_argument("--only", help="one image: png-rgba, png-rgb, png-grey or jpeg")
    arguments = parser.parse_args()
    width, height = (int(n) for n in arguments.size.split("x"))
    sys.path.insert(0, str(PROJECT))
    environment = dict(os.environ, DJANGO_SETTINGS_MODULE="socialgood.test_settings")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        paths = make_images(width, height, folder)
        print(f"{width:,} × {height:,} pixels ({width * height / 1e6:.1f} megapixels)")
        for name, path in paths.items():
            if arguments.only and name != arguments.only:
                continue
            media = folder / f"media-{name}"
            media.mkdir()
            finished = subprocess.run(
                [sys.executable, "-c", MEASURE, str(path), str(media)],
                cwd=PROJECT,
                env=environment,
                capture_output=True,
                text=True,
                check=True,
            )
            result = json.loads(finished.stdout.strip().splitlines()[-1])
            size = f"{result['file_bytes'] / 1024:,.0f} kB"
            if "refused" in result:
                print(f"  {name:9} {size:>9}  refused: {result['refused']}")
                continue
            clean = f"{result['clean_seconds']:5.2f} s, peak +{megabytes(result['clean_peak'])}"
            renditions = (
                f"{result['renditions_seconds']:5.2f} s, "
                f"peak +{megabytes(result['renditions_peak'])}"
            )
            print(f"  {name:9} {size:>9}  clean_image {clean};  make_renditions {renditions}")


if __name__ == "__main__":
    main()
