"""
Reading a JSON list an item at a time, so that a file of any size is read in bounded memory.

``items(stream)`` yields the items of the list a binary stream holds, decoded as UTF-8 (a
byte-order mark is skipped) with ``json``'s own decoder, and keeps only the item being read
and the next chunk of the file in memory. A file that is not a list is decoded whole, as
``json.loads`` would, so its kind can be named. Errors are ``json``'s, with the line and
column counted from the start of the file:

- ``ListSyntaxError`` (with ``json``'s message, line and column) for text that is not JSON,
- ``NotAList`` (carrying the value) for JSON that is not a list,
- ``EmptyFile`` for a file with nothing but whitespace,
- ``UnicodeDecodeError``, ``ValueError`` (an integer of more than 4,300 digits) and
  ``RecursionError`` as ``json.loads`` raises them.
"""

import codecs
import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, BinaryIO

CHUNK = 64 * 1024
"""Bytes read at a time."""

LARGEST_ITEM = 16 * 1024 * 1024
"""An item still undecodable after this many characters is reported as the error it is,
rather than read on in the hope that it ends further down."""

WHITESPACE = " \t\n\r"


class EmptyFile(ValueError):
    """The file holds nothing but whitespace."""


class NotAList(ValueError):
    """The file holds JSON, but not a list."""

    def __init__(self, value: Any):
        super().__init__("expected a list")
        self.value = value


class ListSyntaxError(ValueError):
    """The text is not JSON: ``json``'s message, at a line and column of the whole file."""

    def __init__(self, msg: str, lineno: int, colno: int):
        super().__init__(f"{msg}: line {lineno} column {colno}")
        self.msg = msg
        self.lineno = lineno
        self.colno = colno


class _Text:
    """The decoded text of a stream, read on demand, with the line and column of what has been
    dropped from its start so that positions can be told from the start of the file."""

    def __init__(self, stream: BinaryIO, on_read: Callable[[int], None] | None):
        self.stream = stream
        self.on_read = on_read
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.buffer = ""
        self.ended = False
        self.bytes_read = 0
        self.lines_dropped = 0  # newlines in the text dropped from the buffer's start
        self.column_dropped = 0  # characters after the last of them

    def read(self, at_least: int = 0) -> bool:
        """Add the next part of the file to the buffer; False at the end of the file."""
        if self.ended:
            return False
        data = self.stream.read(max(at_least, CHUNK))
        self.bytes_read += len(data)
        if self.on_read:
            self.on_read(self.bytes_read)
        self.buffer += self.decoder.decode(data, final=not data)
        self.ended = not data
        return True

    def drop(self, upto: int) -> None:
        """Forget the buffer's text before ``upto``, keeping count of its lines."""
        dropped = self.buffer[:upto]
        newlines = dropped.count("\n")
        if newlines:
            self.lines_dropped += newlines
            self.column_dropped = len(dropped) - dropped.rfind("\n") - 1
        else:
            self.column_dropped += len(dropped)
        self.buffer = self.buffer[upto:]

    def skip_whitespace(self, position: int) -> int:
        """The position of the next character that is not whitespace (reading as needed), or
        the buffer's length at the end of the file."""
        while True:
            while position < len(self.buffer) and self.buffer[position] in WHITESPACE:
                position += 1
            if position < len(self.buffer) or not self.read():
                return position

    def place(self, position: int) -> tuple[int, int]:
        """The line and column (from 1) of a position in the buffer, in the whole file."""
        before = self.buffer[:position]
        newlines = before.count("\n")
        if newlines:
            return self.lines_dropped + newlines + 1, position - before.rfind("\n")
        return self.lines_dropped + 1, self.column_dropped + position + 1

    def error(self, msg: str, position: int) -> ListSyntaxError:
        return ListSyntaxError(msg, *self.place(position))


def items(
    stream: BinaryIO,
    *,
    parse_float: Callable[[str], Any] = Decimal,
    on_read: Callable[[int], None] | None = None,
) -> Iterator[Any]:
    """Yield the items of the JSON list in ``stream`` (binary), one at a time.

    Numbers with a fraction are read with ``parse_float`` (``Decimal``, so 5.36 stays 5.36).
    ``on_read`` is called with the number of bytes read so far after each read.
    """
    decoder = json.JSONDecoder(parse_float=parse_float)
    text = _Text(stream, on_read)
    position = text.skip_whitespace(0)
    if position == len(text.buffer):
        raise EmptyFile("the file is empty")
    if text.buffer[position] != "[":
        while text.read():
            pass
        try:
            value = json.loads(text.buffer, parse_float=parse_float)
        except json.JSONDecodeError as error:
            raise text.error(error.msg, error.pos) from None
        raise NotAList(value)
    position = text.skip_whitespace(position + 1)
    if text.buffer[position : position + 1] == "]":
        _expect_end(text, position + 1)
        return
    while True:
        value, position = _decode_item(decoder, text, position)
        yield value
        position = text.skip_whitespace(position)
        following = text.buffer[position : position + 1]
        if following == "]":
            _expect_end(text, position + 1)
            return
        if following != ",":
            raise text.error("Expecting ',' delimiter", position)
        position = text.skip_whitespace(position + 1)
        if len(text.buffer) > CHUNK:
            text.drop(position)
            position = 0


def _decode_item(decoder: json.JSONDecoder, text: _Text, position: int) -> tuple[Any, int]:
    """The item starting at ``position`` and the position after it, reading on until the
    buffer holds all of it (an item is whole when something follows it)."""
    while True:
        try:
            value, end = decoder.raw_decode(text.buffer, position)
        except json.JSONDecodeError as error:
            if text.ended or len(text.buffer) - position > LARGEST_ITEM:
                raise text.error(error.msg, error.pos) from None
        else:
            # A number near the buffer's end may go on in the next chunk: "2" may be 25, and
            # "2." or "2e-" stops the decoder at 2 until the digits after them arrive.
            if len(text.buffer) - end > 2 or text.ended:
                return value, end
        text.read(at_least=len(text.buffer) - position)


def _expect_end(text: _Text, position: int) -> None:
    """Refuse anything but whitespace after the list, as ``json.loads`` does."""
    position = text.skip_whitespace(position)
    if position < len(text.buffer):
        raise text.error("Extra data", position)
