"""Reading a JSON list an item at a time gives what ``json.loads`` gives, in any chunks."""

import io
import json
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from campaigns import jsonlist


def read_all(text):
    """What ``jsonlist.items`` makes of a text: its items, or the error, as ``loads`` says."""
    try:
        return ("items", list(jsonlist.items(io.BytesIO(text.encode()))))
    except jsonlist.ListSyntaxError as error:
        return ("error", error.msg, error.lineno, error.colno)
    except jsonlist.NotAList as error:
        return ("not a list", error.value)
    except jsonlist.EmptyFile:
        return ("empty",)


def loads(text):
    """The same, by ``json.loads`` on the whole text."""
    if not text.strip():
        return ("empty",)
    try:
        value = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        return ("error", error.msg, error.lineno, error.colno)
    return ("items", value) if isinstance(value, list) else ("not a list", value)


values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=8,
)
pieces = st.sampled_from(["[", "]", "{", "}", ",", ":", '"a', '"中"', "1", "2.5", "tru", "\n", " "])


@given(
    items=st.lists(values, max_size=6),
    indent=st.sampled_from([None, 1]),
    damage=st.tuples(st.integers(min_value=0), pieces) | st.none(),
    chunk=st.sampled_from([1, 2, 3, 7, 64]),
)
@example(items=[1, 23], indent=None, damage=None, chunk=1)  # a number across two chunks
@example(items=[1], indent=None, damage=(3, ","), chunk=1)  # a trailing comma
@example(items=[2.5], indent=None, damage=None, chunk=1)  # "2." read before its "5"
def test_items_match_json_loads_whatever_the_chunks(items, indent, damage, chunk):
    text = json.dumps(items, indent=indent, ensure_ascii=False)
    if damage:
        position, piece = damage
        position %= len(text) + 1
        text = text[:position] + piece + text[position + 1 :]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jsonlist, "CHUNK", chunk)
        assert read_all(text) == loads(text)


def test_lines_and_columns_count_from_the_start_of_the_file(monkeypatch):
    monkeypatch.setattr(jsonlist, "CHUNK", 16)
    text = "[\n" + ",\n".join(f'  {{"n": {n}}}' for n in range(200)) + ",\n  {oops}\n]"

    assert read_all(text) == loads(text)
    assert read_all(text)[2:] == (202, 4)


def test_a_byte_order_mark_is_skipped():
    stream = io.BytesIO(b"\xef\xbb\xbf" + json.dumps([{"a": 1.5}]).encode())

    assert list(jsonlist.items(stream)) == [{"a": Decimal("1.5")}]


def test_text_that_is_not_utf8_is_refused():
    with pytest.raises(UnicodeDecodeError):
        list(jsonlist.items(io.BytesIO(b'["caf\xe9"]')))


def test_memory_holds_about_a_chunk_however_long_the_list(monkeypatch):
    sizes = []
    original = jsonlist._Text.read

    def read(text, at_least=0):
        sizes.append(len(text.buffer))
        return original(text, at_least)

    monkeypatch.setattr(jsonlist._Text, "read", read)
    record = json.dumps({"model": "campaigns.source", "fields": {"slug": "x" * 100}})
    stream = io.BytesIO(("[" + ",".join([record] * 20_000) + "]").encode())

    assert sum(1 for _item in jsonlist.items(stream)) == 20_000
    assert max(sizes) < 2 * jsonlist.CHUNK + len(record)
