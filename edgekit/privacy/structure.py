"""Where a value stands in structured text: its column header, SQL column or label line.

A value's context word is often far from it. ``1982-11-26`` in the fifth cell
of a CSV row is a date of birth because the header line says ``birth_date``;
``'63070490632'`` in an SQL ``VALUES`` tuple is a national identifier because
the column list says ``national_id``; the line after ``TO:`` on a shipping
label is a name. :class:`Structure` parses a text once, lazily, into
:class:`Field` spans and finds the one at an offset:

- delimited tables — CSV, TSV, ``;`` and ``|`` rows, double-quoted cells
  (``"SMITH, Ann"``), Markdown tables (the ``|---|`` row is skipped): a run of
  lines with the same number of cells, whose first line is a header (short
  cells, no value-like digits);
- SQL ``INSERT INTO t (col, …) VALUES (…), (…)``: quoted strings with ``''``
  escapes, bare numbers, ``NULL`` and function calls; PostgreSQL ``COPY t (col,
  …) FROM stdin;`` blocks of tab-separated rows;
- HTML tables: ``<td>`` cells under the ``<th>`` row;
- a line that is only a label (``FROM:``, ``Date of birth:``) and the value on
  the next line.

Every parser reads untrusted text: it is linear in the text, bounds the cells
of a row and the rows of a statement, and never raises on malformed input.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

_DELIMITERS = ("\t", "|", ";", ",")
_MAX_CELLS = 64  # a row with more cells is not read as a table row
_MAX_HEADER_CELL = 40  # characters
_MAX_SQL_ROWS = 10_000
_MAX_SQL_VALUES = 256
_MAX_SQL_BARE = 200  # characters: an unquoted value is a number, NULL or a short call
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_LABEL_JUNK = re.compile(r"[_\-./#:()\[\]`\"']+")


@dataclass(frozen=True, slots=True)
class Field:
    """A value's span with the label that says what it is.

    ``label``: the header, column or label words, lower case and split at ``_``,
    ``-`` and camelCase (``birthDate`` → ``birth date``); ``before``: the cell
    before this one in its row (``""`` for the first cell and for label lines);
    ``kind``: ``"table"``, ``"sql"`` or ``"label"``.
    """

    start: int
    end: int
    label: str
    before: str
    kind: str


def label_words(label: str) -> str:
    """``national_id`` → ``national id``, ``birthDate`` → ``birth date`` (lower case)."""
    spaced = _LABEL_JUNK.sub(" ", _CAMEL.sub(" ", label))
    return " ".join(spaced.lower().split())


class Structure:
    """The fields of one text, parsed on first use."""

    __slots__ = ("_ends", "_fields", "_non_person", "_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._fields: list[Field] | None = None
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._non_person: list[bool] | None = None

    @property
    def fields(self) -> list[Field]:
        """Every field, sorted by start, none overlapping."""
        if self._fields is None:
            self._fields = parse_fields(self.text)
            self._starts = [f.start for f in self._fields]
            self._ends = [f.end for f in self._fields]
        return self._fields

    def field_at(self, start: int) -> Field | None:
        """The field holding the character at ``start`` (a value may run past its cell's
        end when the cell was cut at a delimiter it holds unquoted)."""
        fields = self.fields
        i = bisect.bisect_right(self._starts, start) - 1
        if i < 0 or start >= self._ends[i]:
            return None
        return fields[i]

    def in_non_person_cell(self, start: int) -> bool:
        """What :func:`in_non_person_column` says, each field's column judged once."""
        if self._non_person is None:
            self._non_person = [
                f.kind in ("table", "sql") and bool(_NOT_PERSON_COLUMN.search(f.label))
                for f in self.fields
            ]
            if not any(self._non_person):
                self._non_person = []
        if not self._non_person:
            return False
        i = bisect.bisect_right(self._starts, start) - 1
        return i >= 0 and start < self._ends[i] and self._non_person[i]


def parse_fields(text: str) -> list[Field]:
    """Fields of every SQL insert, table and label line in ``text``, sorted, disjoint.

    SQL values come first (an ``INSERT`` row also looks like a comma-separated line),
    then table cells, then label lines; a field overlapping one kept before is dropped."""
    groups: list[list[Field]] = []
    statements: list[Field] = []  # whole INSERT statements: no table is read inside them
    if "insert" in text or "INSERT" in text:
        values, statements = _sql_inserts(text)
        groups.append(values)
    if "stdin" in text:
        groups.append(_copy_rows(text))
    tables = _tables(text)
    if "<t" in text or "<T" in text:
        tables += _html_tables(text)
    if "--" in text or "==" in text:
        tables = _merge(tables, _ruled_tables(text))
    if "  " in text:
        tables = _merge(tables, _aligned_tables(text))
    groups.append([f for f in _merge(statements, tables) if f.kind != "statement"])
    if ":\n" in text or ":\r\n" in text:
        groups.append(_label_lines(text))
    kept: list[Field] = []
    for group in groups:
        kept = _merge(kept, group)
    return kept


def _merge(kept: list[Field], more: list[Field]) -> list[Field]:
    """``kept`` (sorted, disjoint) plus the fields of ``more`` that overlap nothing kept."""
    starts = [f.start for f in kept]
    added: list[Field] = []
    for f in sorted(more, key=lambda f: f.start):
        i = bisect.bisect_left(starts, f.end)
        if (i > 0 and kept[i - 1].end > f.start) or (added and added[-1].end > f.start):
            continue
        added.append(f)
    return sorted(kept + added, key=lambda f: f.start)


# --- delimited tables -------------------------------------------------------------------


def split_cells(line: str, delim: str) -> list[tuple[int, int]]:
    """Cell spans of one delimited line, quote-aware; each span trimmed of blanks and
    of the quotes around a quoted cell."""
    cells: list[tuple[int, int]] = []
    i, n = 0, len(line)
    while True:
        start = i
        while start < n and line[start] in " \t" and line[start] != delim:
            start += 1
        if start < n and line[start] == '"':
            close = _closing_quote(line, start + 1)
            if close is not None:
                j = close + 1
                while j < n and line[j] in " \t" and line[j] != delim:
                    j += 1
                if j == n or line[j] == delim:
                    cells.append((start + 1, close))
                    if j == n or len(cells) > _MAX_CELLS:
                        return cells
                    i = j + 1
                    continue
        j = line.find(delim, start)
        stop = n if j < 0 else j
        end = stop
        while end > start and line[end - 1] in " \t\r":
            end -= 1
        cells.append((start, end))
        if j < 0 or len(cells) > _MAX_CELLS:
            return cells
        i = j + 1


def _closing_quote(text: str, i: int, quote: str = '"') -> int | None:
    """Index of the quote closing a string that opened before ``i``; a doubled quote
    (``""`` in CSV, ``''`` in SQL) is an escape."""
    while True:
        j = text.find(quote, i)
        if j < 0:
            return None
        if j + 1 < len(text) and text[j + 1] == quote:
            i = j + 2
            continue
        return j


def _row(line: str, prefer: str = "") -> tuple[str, list[tuple[int, int]]] | None:
    """The delimiter and cell spans of a line read as a table row, if it has 2+ cells
    (split at ``prefer``, the table's delimiter, when the line holds it)."""
    body_start, body = 0, line
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        body_start = line.index("|") + 1
        body = line[body_start : line.rindex("|")]
        delim = "|"
    elif prefer and prefer in line:
        delim = prefer
    else:
        counts = [(body.count(d), d) for d in _DELIMITERS]
        count, delim = max(counts)
        if count == 0:
            return None
    cells = split_cells(body, delim)
    if not 2 <= len(cells) <= _MAX_CELLS:
        return None
    return delim, [(body_start + s, body_start + e) for s, e in cells]


# A column name: words, maybe a unit or note in parentheses at the end ("amount (EUR)").
_HEADER_CELL = re.compile(r"[\w .#/%+\-°º'’&?*]+(?: ?\([\w .#/%+\-°º'’&?*]*\))?")


def _is_header(line: str, cells: list[tuple[int, int]]) -> bool:
    """Short cells of word characters with a letter and few digits: column names, not
    values."""
    for s, e in cells:
        cell = line[s:e]
        if len(cell) > _MAX_HEADER_CELL or not _HEADER_CELL.fullmatch(cell):
            return False
        if len(cell.split()) > 5:
            return False
        if sum(c.isdigit() for c in cell) > 1:
            return False
    return any(any(c.isalpha() for c in line[s:e]) for s, e in cells)


def _tables(text: str) -> list[Field]:
    """Fields of the data rows of every delimited table with a header line.

    A row with more cells than the header (a value holding the delimiter unquoted:
    ``March 10, 1959``) keeps the table going; its cells carry the header of their
    place counted from the left and from the right. Box-drawn tables (psql, MySQL,
    polars, ``│``/``┆`` columns) are read as ``|`` tables: their rule lines
    (``+----+``, ``----+----``, ``╞════╡``) are skipped."""
    out: list[Field] = []
    header: list[str] | None = None  # labels of the current table
    delim = ""
    pos = 0
    for line in _box_as_pipes(text).split("\n"):
        if _is_rule(line):
            pos += len(line) + 1
            continue
        row = _row(line, delim) if (header is not None or _maybe_row(line)) else None
        if row is not None and header is not None and row[0] == delim:
            out.extend(_row_fields(line, pos, row[1], header))
        elif row is not None and _is_header(line, row[1]):
            header = [label_words(line[s:e]) for s, e in row[1]]
            delim = row[0]
        else:
            header = None
        pos += len(line) + 1
    return out


# Vertical bars of box-drawn tables, read as "|" (one character for one: offsets unchanged).
_BOX_BARS = str.maketrans(dict.fromkeys("│┃┆┇┊┋║╎╏", "|"))
_RULE_CHARS = frozenset("-=+|: \t\r─━┄┅┈┉═┌┐└┘├┤┬┴┼╞╡╪╤╧╘╛╒╕╔╗╚╝╠╣╦╩╬╭╮╯╰┝┥┿╇╈")
_RULE_DASHES = frozenset("-=─━┄┅┈┉═")


def _box_as_pipes(text: str) -> str:
    return text.translate(_BOX_BARS) if any(c in text for c in "│┃┆┇┊┋║╎╏") else text


def _is_rule(line: str) -> bool:
    """A line drawn only to separate rows: ``+----+----+``, ``----+----``, ``|---|:---:|``."""
    dashes = 0
    for c in line:
        if c not in _RULE_CHARS:
            return False
        dashes += c in _RULE_DASHES
    return dashes >= 3


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start, end`` moved inwards past the blanks at both ends of ``text[start:end]``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _maybe_row(line: str) -> bool:
    """A cheap test before splitting: the line holds some delimiter."""
    return any(d in line for d in _DELIMITERS)


def _row_fields(
    line: str, pos: int, cells: list[tuple[int, int]], header: list[str]
) -> list[Field]:
    out = []
    extra = len(cells) - len(header)
    for i, (s, e) in enumerate(cells):
        labels = {header[j] for j in (i, i - extra) if 0 <= j < len(header) and header[j]}
        if s < e and labels:
            before = line[cells[i - 1][0] : cells[i - 1][1]] if i else ""
            out.append(Field(pos + s, pos + e, " / ".join(sorted(labels)), before, "table"))
    return out


# --- whitespace-aligned tables ---------------------------------------------------------------

_GAP = re.compile(r"\S+(?: \S+)*")  # a cell: words split by single spaces; cells by 2+ blanks
_MAX_ALIGNED_HEADER_WORDS = 3


def _aligned_cells(line: str) -> list[tuple[int, int]]:
    """Spans of the cells of a line whose columns are set apart by two or more blanks."""
    if len(line) > 4000:
        return []
    cells = [m.span() for m in _GAP.finditer(line.replace("\t", "  "))]
    return cells if len(cells) <= _MAX_CELLS else []


_DASH_RULE = re.compile(r"[ \t]*[-=]{2,}(?:[ \t]+[-=]{2,})+[ \t]*\r?")


def _ruled_tables(text: str) -> list[Field]:
    """Fields of fixed-width reports whose header is underlined column by column
    (``NAME        DATE OF BIRTH`` over ``----------- -------------``): each dash run
    is a column; a row's characters under it are its cell, even one blank apart."""
    out: list[Field] = []
    lines = text.split("\n")
    starts = list(itertools.accumulate((len(x) + 1 for x in lines), initial=0))
    i = 1
    while i < len(lines):
        if len(lines[i]) > 4000 or not _DASH_RULE.fullmatch(lines[i]) or not lines[i - 1].strip():
            i += 1
            continue
        runs = [m.span() for m in re.finditer(r"[-=]+", lines[i])][:_MAX_CELLS]
        header = [label_words(lines[i - 1][s:e]) for s, e in runs]
        i += 1
        while i < len(lines) and lines[i].strip() and not _DASH_RULE.fullmatch(lines[i]):
            out.extend(_ruled_row(lines[i], starts[i], runs, header))
            i += 1
    return out


def _ruled_row(line: str, pos: int, runs: list[tuple[int, int]], header: list[str]) -> list[Field]:
    out = []
    previous = ""
    for (s, e), label in zip(runs, header, strict=True):
        while e < len(line) and not line[e].isspace():
            e += 1  # a value one character wider than its column
        s, stop = strip_span(line, s, min(e, len(line)))
        if s < stop and label:
            out.append(Field(pos + s, pos + stop, label, previous, "table"))
            previous = line[s:stop]
    return out


def _aligned_tables(text: str) -> list[Field]:
    """Fields of tables whose columns are aligned with blanks: pandas and polars prints,
    ``column -t``, fixed-width reports. A header line of two or more short column names,
    then rows of as many cells (or one more: the index pandas prints first); a row of
    another count takes, for each cell, the header its characters overlap most."""
    out: list[Field] = []
    header: list[tuple[int, int, str]] | None = None
    pos = 0
    for line in text.split("\n"):
        if header is not None and _is_rule(line):
            pos += len(line) + 1
            continue
        cells = _aligned_cells(line) if "  " in line or "\t" in line else []
        if header is not None and len(cells) >= 2:
            out.extend(_aligned_row(line, pos, cells, header))
        elif len(cells) >= 2 and _is_aligned_header(line, cells):
            header = [(s, e, label_words(line[s:e])) for s, e in cells]
        else:
            header = None
        pos += len(line) + 1
    return out


def _is_aligned_header(line: str, cells: list[tuple[int, int]]) -> bool:
    return _is_header(line, cells) and all(
        len(line[s:e].split()) <= _MAX_ALIGNED_HEADER_WORDS for s, e in cells
    )


def _aligned_row(
    line: str, pos: int, cells: list[tuple[int, int]], header: list[tuple[int, int, str]]
) -> list[Field]:
    shift = len(cells) - len(header)
    if shift == 0 and cells[0][1] <= header[0][0]:
        shift = -1  # pandas' index, and a cell too few: two values ran together
    if shift not in (0, 1):
        cut = _cut_at_header_starts(line, header)
        if cut is not None:
            cells, shift = cut, 0
        else:
            cells = _split_overflowing(line, cells, header)
    out = []
    for i, (s, e) in enumerate(cells):
        j = i - shift if shift in (0, 1) else _overlapping_column(s, e, header)
        if 0 <= j < len(header) and header[j][2]:
            before = line[cells[i - 1][0] : cells[i - 1][1]] if i else ""
            out.append(Field(pos + s, pos + e, header[j][2], before, "table"))
    return out


def _cut_at_header_starts(
    line: str, header: list[tuple[int, int, str]]
) -> list[tuple[int, int]] | None:
    """A left-aligned fixed-width row cut where its header's columns start ("SMITH, JOHN A
    01/02/1980 555-0134" under "NAME  DOB  PHONE"), if a blank or the line's end stands
    before each; None otherwise."""
    starts = [hs for hs, _he, _label in header]
    if any(0 < hs < len(line) and not line[hs - 1].isspace() for hs in starts):
        return None
    cells = []
    for j, hs in enumerate(starts):
        stop = starts[j + 1] if j + 1 < len(starts) else len(line)
        cells.append(strip_span(line, hs, min(stop, len(line))))
    return cells


def _split_overflowing(
    line: str, cells: list[tuple[int, int]], header: list[tuple[int, int, str]]
) -> list[tuple[int, int]]:
    """Cells that run over a column's start ("August 13, 1971 FR7600…" under ``dob`` and
    ``iban``) split at the single blank nearest to that start."""
    out = []
    for s, e in cells:
        for hs, _he, _label in header:
            if s < hs < e:
                blanks = [i for i in range(max(s, hs - 12), min(e, hs + 12)) if line[i] == " "]
                if blanks:
                    cut = min(blanks, key=lambda i: abs(i - hs))
                    out.append(strip_span(line, s, cut))
                    s = cut + 1
        out.append(strip_span(line, s, e))
    return [(a, b) for a, b in out if a < b]


def _overlapping_column(s: int, e: int, header: list[tuple[int, int, str]]) -> int:
    """Index of the header cell whose span overlaps ``[s, e)`` most (-1: none)."""
    best, best_overlap = -1, 0
    for j, (hs, he, _label) in enumerate(header):
        overlap = min(e, he) - max(s, hs)
        if overlap > best_overlap:
            best, best_overlap = j, overlap
    return best


# --- HTML tables ---------------------------------------------------------------------------

_HTML_CELL = re.compile(r"<(t[hd])\b[^<>]{0,200}>", re.IGNORECASE)
_HTML_TAG = re.compile(r"<[^<>]{0,200}>")
_MAX_TABLE_CHARS = 200_000


def _html_tables(text: str) -> list[Field]:
    """Fields of the ``<td>`` cells of every HTML table, labelled by its ``<th>`` row."""
    lower = text.lower()
    out: list[Field] = []
    pos = 0
    while True:
        opening = lower.find("<table", pos)
        closing = lower.find("</table>", opening) if opening >= 0 else -1
        if closing < 0:
            return out
        if closing - opening <= _MAX_TABLE_CHARS:
            out.extend(_html_rows(text, lower, opening, closing))
        pos = closing + 8


def _html_rows(text: str, lower: str, start: int, stop: int) -> list[Field]:
    out: list[Field] = []
    header: list[str] | None = None
    row_starts = [m.start() for m in re.finditer(r"<tr\b", lower[start:stop])]
    bounds = [start + r for r in row_starts] + [stop]
    for a, b in itertools.pairwise(bounds):
        cells = _html_cells(text, lower, a, b)
        if not cells:
            continue
        if header is None or all(kind == "th" for kind, _, _ in cells):
            header = [label_words(_HTML_TAG.sub(" ", text[s:e])) for _, s, e in cells]
            continue
        for i, (_kind, s, e) in enumerate(cells):
            if i < len(header) and header[i] and s < e:
                before = _HTML_TAG.sub(" ", text[cells[i - 1][1] : cells[i - 1][2]]) if i else ""
                out.append(Field(s, e, header[i], before.strip(), "table"))
    return out


def _html_cells(text: str, lower: str, start: int, stop: int) -> list[tuple[str, int, int]]:
    """(th|td, start, end) of each cell's content between ``start`` and ``stop``, trimmed."""
    marks = list(_HTML_CELL.finditer(text, start, stop))
    cells = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else stop
        close = lower.find("</t", m.end(), end)
        s, e = _strip_tags(text, m.end(), close if close >= 0 else end)
        cells.append((m.group(1).lower(), s, e))
    return cells[:_MAX_CELLS]


def _strip_tags(text: str, s: int, e: int) -> tuple[int, int]:
    """``s, e`` moved past blanks and the tags around a cell's text (``<b>Bo Li</b>``)."""
    for _ in range(8):
        s, e = strip_span(text, s, e)
        lead = _HTML_TAG.match(text, s, e)
        trail = text.rfind("<", s, e) if e > s and text[e - 1] == ">" else -1
        if lead is None and trail < 0:
            break
        if lead is not None:
            s = lead.end()
        if trail >= s:
            e = trail
    return s, e


# --- SQL INSERT statements ----------------------------------------------------------------

_INSERT_RE = re.compile(
    r"(?i)\binsert\s+(?:ignore\s+)?into\s+[\w.`\"\[\]]{1,128}\s*"
    r"\((?P<cols>[^()]{1,4000})\)\s*values\s*"
)


def _sql_inserts(text: str) -> tuple[list[Field], list[Field]]:
    """Fields of every value tuple of every ``INSERT … (columns) VALUES …``, and the
    statements' own spans."""
    out: list[Field] = []
    statements: list[Field] = []
    pos = 0
    while (m := _INSERT_RE.search(text, pos)) is not None:
        # The next statement is looked for after this one's tuples, so no text is
        # parsed twice (an INSERT quoted inside another's values would be).
        columns = [label_words(c) for c in m.group("cols").split(",")]
        pos = m.end()
        for _ in range(_MAX_SQL_ROWS):
            parsed = _sql_tuple(text, pos)
            if parsed is None:
                break
            values, pos = parsed
            for i, (s, e) in enumerate(values[: len(columns)]):
                before = text[values[i - 1][0] : values[i - 1][1]] if i else ""
                if s < e and columns[i]:
                    out.append(Field(s, e, columns[i], before, "sql"))
            pos = _skip_blanks(text, pos)
            if pos >= len(text) or text[pos] != ",":
                break
            pos += 1
        pos = max(pos, m.end())
        statements.append(Field(m.start(), pos, "", "", "statement"))
    return out, statements


_COPY_RE = re.compile(
    r"(?i)\bcopy\s+[\w.\"]{1,128}\s*\((?P<cols>[^()]{1,4000})\)\s+from\s+stdin[^\n]{0,200}\n"
)


def _copy_rows(text: str) -> list[Field]:
    """Fields of the tab-separated rows of a PostgreSQL dump's ``COPY t (col, …) FROM
    stdin;`` block, up to its ``\\.`` line; ``\\N`` is NULL."""
    out: list[Field] = []
    pos = 0
    while (m := _COPY_RE.search(text, pos)) is not None:
        columns = [label_words(c) for c in m.group("cols").split(",")]
        pos = m.end()
        for _ in range(_MAX_SQL_ROWS):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            if text.startswith("\\.", pos) or not text[pos:end].strip():
                break
            out.extend(_tab_cells(text, pos, end, columns))
            pos = end + 1
            if pos >= len(text):
                break
    return out


def _tab_cells(text: str, start: int, end: int, columns: list[str]) -> list[Field]:
    out = []
    before = ""
    for i, cell in enumerate(text[start:end].split("\t")[: len(columns)]):
        value = cell.rstrip("\r")
        if value and value != "\\N" and columns[i]:
            out.append(Field(start, start + len(value), columns[i], before, "sql"))
        before = value
        start += len(cell) + 1
    return out


def _skip_blanks(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _sql_tuple(text: str, pos: int) -> tuple[list[tuple[int, int]], int] | None:
    """The value spans of the tuple at ``pos`` and the offset after it, or None."""
    pos = _skip_blanks(text, pos)
    if pos >= len(text) or text[pos] != "(":
        return None
    pos += 1
    values: list[tuple[int, int]] = []
    while len(values) < _MAX_SQL_VALUES:
        pos = _skip_blanks(text, pos)
        if pos < len(text) and text[pos] == "'":
            value = _sql_closing_quote(text, pos + 1)
            if value is None:
                return None
            values.append((pos + 1, value))
            pos = _skip_blanks(text, value + 1)
        else:
            end = _sql_bare(text, pos)
            if end < 0:
                return None
            values.append((pos, len(text[pos:end].rstrip()) + pos))
            pos = end
        if pos >= len(text):
            return None
        if text[pos] == ")":
            return values, pos + 1
        if text[pos] != ",":
            return None
        pos += 1
    return None


def _sql_closing_quote(text: str, i: int) -> int | None:
    """The quote closing an SQL string opened before ``i``: ``''`` and ``\\'`` are escapes,
    and so is an apostrophe inside a word that a careless dump left unescaped
    (``'Giuseppe D'Angelo'``: a quote with a letter on both sides, not before ``,`` or ``)``)."""
    while True:
        j = _closing_quote(text, i, "'")
        if j is None:
            return None
        k = _skip_blanks(text, j + 1)
        if k < len(text) and text[k] in ",)":
            return j
        if text[j - 1] == "\\" or (
            text[j - 1].isalpha() and j + 1 < len(text) and text[j + 1].isalpha()
        ):
            i = j + 1  # D'Angelo, O\'Brien: the string goes on
            continue
        return j


def _sql_bare(text: str, pos: int) -> int:
    """End of an unquoted value (a number, NULL, ``now()``): the next top-level , or ).

    -1 when none comes within ``_MAX_SQL_BARE`` characters: not a value, and no
    scan runs on to the end of the text from every ``INSERT`` in it.
    """
    depth = 0
    n = len(text)
    limit = min(n, pos + _MAX_SQL_BARE)
    while pos < limit:
        ch = text[pos]
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return pos
            depth -= 1
        elif (ch == "," and depth == 0) or ch in "\n;":
            return pos
        pos += 1
    return pos if pos >= n else -1


# --- a label line, then its value -----------------------------------------------------------

_LABEL_LINE_RE = re.compile(
    r"(?m)^[ \t]*(?P<label>[^\W\d_][\w .'’/()\-]{0,38}?)[ \t]*:[ \t]*\r?\n"
    r"[ \t]*(?P<v>[^\s:][^\n]{0,119}?)[ \t\r]*$"
)


def _label_lines(text: str) -> list[Field]:
    """``Label:`` alone on a line, and the value on the next line."""
    return [
        Field(m.start("v"), m.end("v"), label_words(m.group("label")), "", "label")
        for m in _LABEL_LINE_RE.finditer(text)
    ]


_LAST: list[Structure] = []


def structure_of(text: str) -> Structure:
    """The :class:`Structure` of ``text``; the last one is kept, so every detector of one
    scan shares a single parse."""
    last = _LAST[0] if _LAST else None
    if last is not None and last.text is text:
        return last
    found = Structure(text)
    _LAST[:] = [found]
    return found


# Columns whose cells are never people: a role, a place, a company, a status …
_NOT_PERSON_COLUMN = re.compile(
    r"(?:^| )(?:role|roles|title|job|job title|position|function|department|dept|team|unit|"
    r"division|city|town|country|region|state|province|company|org|organisation|organization|"
    r"employer|status|type|category|product|item|sku|description|language|currency|plan|tier|"
    r"location|office|site|rolle|abteilung|stadt|ort|land|firma|funktion|ciudad|país|pais|"
    r"empresa|departamento|cargo|ville|pays|société|societe|poste|service|città|citta|paese|"
    r"azienda|reparto|funzione|ruolo|stad|afdeling|functie|bedrijf|miasto|kraj|dział|firma|"
    r"şehir|sehir|ülke|ulke|departman|şirket|sirket|cidade|função|funcao)$"
)


def in_non_person_column(text: str, start: int) -> bool:
    """``text[start]`` is a table or SQL cell of a column that never holds a person."""
    return structure_of(text).in_non_person_cell(start)
