"""Compares a workbook's sheet with the CSV of the same table, cell by cell (openpyxl).

usage: xlsx_matches_csv.py BOOK.xlsx SHEET TABLE.csv [FIRST_ROW]
Without FIRST_ROW the CSV (header and body) is the sheet's first rows, and whatever follows them
on the sheet must be total rows (bold). With FIRST_ROW the CSV is a table of total rows: its body
is the sheet's rows from FIRST_ROW to the last, each cell bold. Numbers must equal the CSV's
text at its decimals and be shown with at least those decimals, dates its ISO text, text the
same text (the CSV's leading ' that neutralises a formula aside); prints each difference, exits
1 on any."""
import csv
import datetime
import sys

import openpyxl


def same(value, text):
    if value is None:
        return text == ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() == text
    if isinstance(value, (int, float)):
        places = len(text.split(".")[1]) if "." in text else 0
        return f"{value:.{places}f}" == text or f"{value:.{places}f}" == "-" + text
    return value == text or (text.startswith("'") and text[1:] == value and value[:1] in "=+-@\t\r")


def shown_as_written(cell, text):
    """A number's format shows at least the decimals the CSV writes; text is stored as text."""
    if isinstance(cell.value, (int, float)):
        places = len(text.split(".")[1]) if "." in text else 0
        shown = cell.number_format.split(".")[1] if "." in cell.number_format else ""
        return len(shown) >= places and cell.number_format != "General"
    return True


def main(book_path, sheet_name, csv_path, first_row=None):
    sheet = openpyxl.load_workbook(book_path)[sheet_name]
    with open(csv_path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    totals = first_row is not None
    start = int(first_row) if totals else 1
    body = rows[1:] if totals else rows
    failed = 0
    last = start + len(body) - 1
    if (totals and sheet.max_row != last) or (not totals and sheet.max_row < last):
        print(f"{sheet_name}: {sheet.max_row} rows in the workbook, {len(body)} from row {start} in the CSV")
        failed = 1
    if not totals and sheet.max_row > last and not sheet.cell(row=last + 1, column=1).font.b:
        print(f"{sheet_name}!R{last + 1}: a row after the table's body that is not a marked total")
        failed = 1
    for r, row in enumerate(body, start=start):
        for c, text in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c)
            if not same(cell.value, text) or not shown_as_written(cell, text) or (totals and not cell.font.b):
                print(f"{sheet_name}!R{r}C{c}: workbook {cell.value!r} ({cell.number_format}), CSV {text!r}")
                failed = 1
    return failed


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
