"""Structure-aware context: table, SQL and label-line parsing, and what it lets detectors see."""

from __future__ import annotations

import itertools
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.privacy import Filter
from edgekit.privacy.structure import Structure, label_words, parse_fields, split_cells

from .helpers import found


def labels(text: str) -> dict[str, str]:
    """value → label of every field of ``text``."""
    return {text[f.start : f.end]: f.label for f in Structure(text).fields}


# --- parsers -------------------------------------------------------------------------


def test_label_words_split_keys() -> None:
    assert label_words("birthDate") == "birth date"
    assert label_words("national_id") == "national id"
    assert label_words(' "Date-of-Birth" ') == "date of birth"


def test_csv_cells_get_their_header_also_quoted_ones() -> None:
    text = 'id,full_name,birth_date\n7,"SMITH, Ann",1980-02-03\n8,Bo Li,1975-12-01\n'
    got = labels(text)
    assert got["SMITH, Ann"] == "full name"
    assert got["1980-02-03"] == got["1975-12-01"] == "birth date"
    assert got["7"] == "id"


def test_a_row_with_an_unquoted_delimiter_keeps_the_table() -> None:
    text = "name,dob,city\nAnn Lee,March 10, 1959,Oslo\nBo Li,1975-12-01,Rome\n"
    got = labels(text)
    assert "dob" in got["March 10"]  # counted from the left
    assert got["1975-12-01"] == "dob"  # the next row still has its header


def test_markdown_table_skips_the_rule_row() -> None:
    text = "| Name | Phone |\n|---|:---:|\n| Ann Lee | +44 20 7946 0018 |\n"
    got = labels(text)
    assert got == {"Ann Lee": "name", "+44 20 7946 0018": "phone"}


def test_a_header_needs_short_cells_without_values() -> None:
    # the first line holds an e-mail address: it is a data row, not a header
    assert labels("ann@example.org,+44 20 7946 0018\nbo@example.org,+44 20 7946 0019\n") == {}


def test_sql_insert_values_get_their_column() -> None:
    text = (
        "INSERT INTO people (id, name, national_id, created) VALUES\n"
        "  (1, 'O''Brien, Pat', '10000000146', now()),\n"
        "  (2, NULL, '44051401359', '2026-01-01');\n"
    )
    got = labels(text)
    assert got["O''Brien, Pat"] == "name"
    assert got["10000000146"] == got["44051401359"] == "national id"
    assert got["now()"] == "created"
    assert Structure(text).field_at(text.index("Brien")).before == "1"  # type: ignore[union-attr]


def test_a_label_line_labels_the_next_line() -> None:
    assert labels("TO:\nAnn Lee\nMain St 1\n") == {"Ann Lee": "to"}


def test_split_cells_handles_quotes_and_blanks() -> None:
    line = ' a ,"b, c" , "d ""e""",'
    assert [line[s:e] for s, e in split_cells(line, ",")] == ["a", "b, c", 'd ""e""', ""]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=string.printable + "«»äİ'\"|;,\t\n()", max_size=400))
def test_fields_of_any_text_are_in_bounds_sorted_and_disjoint(text: str) -> None:
    parse_fields(text)  # never raises
    fields = Structure(text).fields
    for f in fields:
        assert 0 <= f.start < f.end <= len(text)
    for a, b in itertools.pairwise(fields):
        assert a.end <= b.start


_WORD = st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=8)
_CELL = st.text(alphabet=string.ascii_letters + string.digits + " .-@+", min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_WORD, min_size=2, max_size=6, unique=True),
    st.data(),
    st.sampled_from([",", ";", "\t", "|"]),
)
def test_every_cell_of_a_generated_table_carries_its_header(
    header: list[str], data: st.DataObject, delim: str
) -> None:
    rows = data.draw(
        st.lists(
            st.lists(_CELL, min_size=len(header), max_size=len(header)), min_size=1, max_size=4
        )
    )
    rows = [[c.strip() or "x" for c in row] for row in rows]
    text = delim.join(header) + "\n" + "\n".join(delim.join(r) for r in rows) + "\n"
    structure = Structure(text)
    pos = len(delim.join(header)) + 1
    for row in rows:
        for i, cell in enumerate(row):
            field = structure.field_at(pos)
            assert field is not None
            assert field.label == header[i]
            assert text[field.start : field.end] == cell
            pos += len(cell) + 1


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_WORD, min_size=1, max_size=5, unique=True),
    st.data(),
)
def test_every_value_of_a_generated_insert_carries_its_column(
    columns: list[str], data: st.DataObject
) -> None:
    value = st.text(alphabet=string.ascii_letters + string.digits + " ,()'-", max_size=10)
    rows = data.draw(
        st.lists(
            st.lists(value, min_size=len(columns), max_size=len(columns)), min_size=1, max_size=3
        )
    )
    quoted = [[v.replace("'", "''") for v in row] for row in rows]
    body = ",\n".join("(" + ", ".join(f"'{v}'" for v in row) + ")" for row in quoted)
    text = f"INSERT INTO t ({', '.join(columns)}) VALUES\n{body};"
    got = [(text[f.start : f.end], f.label) for f in Structure(text).fields]
    expected = [(v, columns[i]) for row in quoted for i, v in enumerate(row) if v]
    assert got == expected


# --- what detectors do with it ---------------------------------------------------------

CSV = """id,full_name,email,birth_date,created_at,sku
1040,"KOWALSKA, Halina",hk@example.org,7 października 1948,2026-01-02,EAN 4006381333931
1041,Ann Lee,al@example.org,1982-11-26,2026-01-03,SKU-0152-RED
"""


def test_dates_under_a_birth_header_are_dates_of_birth(pattern_filter: Filter) -> None:
    hits = found(pattern_filter, CSV)
    assert ("DATE_OF_BIRTH", "7 października 1948") in hits
    assert ("DATE_OF_BIRTH", "1982-11-26") in hits
    assert not any(value.startswith("2026") for _, value in hits)  # created_at
    assert not any("4006381333931" in value for _, value in hits)  # a barcode, not a card


SQL = """INSERT INTO patients (id, name, dob, national_id, phone) VALUES
  (1, 'Ayşe Kaya', '24 Ocak 1943', '10000000146', '+90 532 000 00 00'),
  (2, 'Zofia Nowak', '14.05.1944', '44051401359', '22 700 69 22'),
  (3, 'Ana Souza', '1970-01-02', '529.982.247-25', '21 99999 0000');
"""


def test_sql_columns_give_ids_and_birth_dates_their_context(pattern_filter: Filter) -> None:
    hits = found(pattern_filter, SQL)
    for value in ("10000000146", "44051401359", "529.982.247-25"):
        assert ("ID_NUMBER", value) in hits
    for value in ("24 Ocak 1943", "14.05.1944", "1970-01-02"):
        assert ("DATE_OF_BIRTH", value) in hits


def test_a_table_cell_takes_context_from_its_own_row_only(pattern_filter: Filter) -> None:
    text = "cc;id_type;id_value;cost_centre\nTR;T.C. Kimlik No;10000000146;CC-5210\n"
    hits = found(pattern_filter, text)
    assert ("ID_NUMBER", "10000000146") in hits
    assert not any("CC-5210" in value for _, value in hits)


def test_a_form_line_takes_context_from_its_own_label(pattern_filter: Filter) -> None:
    text = "Company car Kennzeichen: B-MW 1234\nLaptop asset tag: AUL-57256\n"
    hits = found(pattern_filter, text)
    assert ("LICENSE_PLATE", "B-MW 1234") in hits
    assert not any("AUL" in value for _, value in hits)


@pytest.mark.parametrize(
    "text",
    [
        '- - [16/Jan/2026:11:48:49 +0000] "POST /login HTTP/1.1" 401 2841 "-"',
        "upstream status=503 4402118 bytes",
        '{"status": 200, "appVersion": "3.9.8.86"}',
        "auth: session opened trace=81075c2a5c95f854a46994fa67616c95",
        "Laptop asset tag: EAN 4008517521351",
    ],
)
def test_log_and_product_numbers_are_left_alone(pattern_filter: Filter, text: str) -> None:
    assert found(pattern_filter, text) == []


def test_html_table_cells_get_their_th_header() -> None:
    text = (
        "<table><tr><th>Name</th><th>Date of birth</th></tr>\n"
        "<tr><td> <b>Bo Li</b> </td><td><span>02/03/1985</span></td></tr></table>"
    )
    assert labels(text) == {"Bo Li": "name", "02/03/1985": "date of birth"}


_HTML_TOKENS = ["<table>", "</table>", "<tr>", "</tr>", "<th>", "<td>", "</td>", "<b>", "x", " "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_HTML_TOKENS), max_size=60))
def test_any_html_soup_parses_in_bounds(tokens: list[str]) -> None:
    text = "".join(tokens)
    fields = Structure(text).fields
    for f in fields:
        assert 0 <= f.start <= f.end <= len(text)
    for a, b in itertools.pairwise(fields):
        assert a.end <= b.start


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '{"dateOfBirth": "1990-01-02", "nationalId": "10000000146", '
            '"phoneNumber": "5551234567"}',
            [
                ("DATE_OF_BIRTH", "1990-01-02"),
                ("ID_NUMBER", "10000000146"),
                ("PHONE", "5551234567"),
            ],
        ),
        (
            "<patient><date_of_birth>12/03/1980</date_of_birth></patient>",
            [("DATE_OF_BIRTH", "12/03/1980")],
        ),
        ('{"id_type": "passport", "id_value": "X1234567"}', [("ID_NUMBER", "X1234567")]),
    ],
)
def test_keys_in_code_shapes_are_context(
    pattern_filter: Filter, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(pattern_filter, text) == expected


# --- box-drawn and whitespace-aligned tables -------------------------------------------------


def test_psql_output_skips_its_rule_line() -> None:
    text = (
        "   id   |  full_name  | birth_date\n"
        "--------+-------------+------------\n"
        " 17     | Ann Lee     | 1980-02-03\n"
        "(1 row)\n"
    )
    assert labels(text) == {"17": "id", "Ann Lee": "full name", "1980-02-03": "birth date"}


def test_mysql_box_and_polars_box_drawing() -> None:
    mysql = "+----+-------+\n| id | plate |\n+----+-------+\n| 4  | 5LTC802 |\n+----+-------+\n"
    assert labels(mysql) == {"4": "id", "5LTC802": "plate"}
    polars = (
        "┌─────┬────────────┐\n│ name ┆ dob        │\n│ --- ┆ ---        │\n"
        "╞═════╪════════════╡\n│ Bo  ┆ 1975-12-01 │\n└─────┴────────────┘"
    )
    assert labels(polars) == {"Bo": "name", "1975-12-01": "dob"}


def test_pandas_print_with_its_index_and_right_alignment() -> None:
    text = (
        ">>> df.head()\n"
        "              name  birth_date       city\n"
        "0  Anne-Sophie Bou  1983-08-22  Marseille\n"
        "1            Layla  1947-02-06     Nantes\n"
        "\n[2 rows x 3 columns]\n"
    )
    got = labels(text)
    assert got["Anne-Sophie Bou"] == got["Layla"] == "name"
    assert got["1983-08-22"] == got["1947-02-06"] == "birth date"
    assert got["Nantes"] == "city"


def test_fixed_width_report_cells_take_the_column_they_overlap() -> None:
    text = (
        "EMP ID    NAME              DOB\n"
        "E-1234    Ann Lee           1980-02-03\n"
        "E-99                        1975-12-01\n"
    )
    got = labels(text)
    assert got["E-1234"] == got["E-99"] == "emp id"
    assert got["1980-02-03"] == got["1975-12-01"] == "dob"
    assert got["Ann Lee"] == "name"


def _has_alnum(cell: str) -> bool:
    return any(c.isalnum() for c in cell)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_WORD, min_size=2, max_size=5, unique=True),
    st.data(),
    st.integers(min_value=2, max_value=4),
)
def test_every_cell_of_a_generated_aligned_table_carries_its_header(
    header: list[str], data: st.DataObject, gap: int
) -> None:
    word = st.text(alphabet=string.ascii_letters + string.digits + "-.@", min_size=1, max_size=8)
    cell = st.lists(word, min_size=1, max_size=2).map(" ".join)
    rows = data.draw(
        st.lists(
            # (a row of dashes and dots only is a rule under the header, not a row of data)
            st.lists(cell, min_size=len(header), max_size=len(header)).filter(
                lambda row: any(map(_has_alnum, row))
            ),
            min_size=1,
            max_size=4,
        )
    )
    widths = [max(len(c) for c in [h] + [r[i] for r in rows]) for i, h in enumerate(header)]
    sep = " " * gap

    def line(cells: list[str]) -> str:
        return sep.join(c.rjust(w) for c, w in zip(cells, widths, strict=True))

    text = "\n".join([line(header)] + [line(r) for r in rows]) + "\n"
    got = Structure(text)
    for n, row in enumerate(rows, start=1):
        pos = sum(len(x) + 1 for x in text.split("\n")[:n])
        for i, value in enumerate(row):
            at = pos + sum(w + gap for w in widths[:i]) + widths[i] - len(value)
            field = got.field_at(at)
            assert field is not None
            assert field.label == header[i]
            assert text[field.start : field.end] == value


def test_a_pandas_print_gives_birth_dates_and_keeps_cities(ner_filter: Filter) -> None:
    text = (
        ">>> df.head()\n   name  birth_date  city  balance\n"
        "0  Kavya Mehta  1963-12-15  London  £2,315.70\n"
        "1  Frank Pritchard  2004-05-05  Leeds  £2,480.70\n"
    )
    got = found(ner_filter, text)
    assert ("DATE_OF_BIRTH", "1963-12-15") in got
    assert ("DATE_OF_BIRTH", "2004-05-05") in got
    assert not [v for t, v in got if v in ("London", "Leeds")]


def test_a_report_underlined_column_by_column_is_cut_by_its_dash_runs() -> None:
    text = (
        "EMP ID NAME           DATE OF BIRTH CITY\n"
        "------ -------------- ------------- ------\n"
        "E-1234 John Smith     1980-01-01    Boston\n"
        "\n(1 row)\n"
    )
    got = labels(text)
    assert got["E-1234"] == "emp id"
    assert got["John Smith"] == "name"
    assert got["1980-01-01"] == "date of birth"
    assert got["Boston"] == "city"


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=" -=\nab1|", max_size=300))
def test_ruled_and_aligned_parsers_stay_in_bounds(text: str) -> None:
    for f in Structure(text).fields:
        assert 0 <= f.start < f.end <= len(text)


def test_a_fixed_width_row_is_cut_where_its_header_columns_start() -> None:
    text = (
        "NAME                 DOB        PHONE\n"
        "SMITH, JOHN A        01/02/1980 555-0134\n"
        "LI, BO               03/04/1975 555-0199\n"
    )
    got = labels(text)
    assert got["SMITH, JOHN A"] == "name"
    assert got["01/02/1980"] == "dob"
    assert got["555-0134"] == "phone"


@pytest.mark.parametrize(
    "header", ["fecha_nac", "dt_nasc", "geb_datum", "d.o.b.", "data_nascita", "born_on"]
)
def test_iso_birth_dates_under_any_birth_column_of_a_tsv(
    pattern_filter: Filter, header: str
) -> None:
    text = f"id\t{header}\tcity\n1\t1983-04-12\tLyon\n2\t1990-01-30\tOslo\n"
    got = found(pattern_filter, text)
    assert ("DATE_OF_BIRTH", "1983-04-12") in got
    assert ("DATE_OF_BIRTH", "1990-01-30") in got


def test_a_postgres_copy_block_labels_its_tab_rows() -> None:
    text = (
        "COPY public.customers (id, full_name, birth_date) FROM stdin;\n"
        "1\tAnn Lee\t1980-02-03\n2\t\\N\t1975-12-01\n\\.\n"
    )
    got = labels(text)
    assert got["Ann Lee"] == "full name"
    assert got["1980-02-03"] == got["1975-12-01"] == "birth date"
    assert "\\N" not in got


def test_a_value_that_overflows_its_column_is_split_at_the_next_column() -> None:
    text = (
        "    client            geburtsdatum    konto                        saldo\n"
        "0   Jonas Vogt        1977-04-02      DE02120300000000202051       10.50\n"
        "1   Ilse Baumgartner  12. Oktober 1949 AT611904300234573201         3.99\n"
    )
    cells = {text[f.start : f.end]: f.label for f in parse_fields(text)}
    assert cells["12. Oktober 1949"] == "geburtsdatum"
    assert cells["AT611904300234573201"] == "konto"
    assert cells["Ilse Baumgartner"] == "client"
