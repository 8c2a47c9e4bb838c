"""Compares a workbook's sheet with the CSV of the same table, cell by cell (openpyxl).

usage: xlsx_matches_csv.py BOOK.xlsx SHEET TABLE.csv
Numbers must equal the CSV's text at its decimals, dates its ISO text, text the same text (the
CSV's leading ' that neutralises a formula aside); prints each difference, exits 1 on any."""
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


def main(book_path, sheet_name, csv_path):
    sheet = openpyxl.load_workbook(book_path)[sheet_name]
    with open(csv_path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    failed = 0
    if sheet.max_row != len(rows):
        print(f"{sheet_name}: {sheet.max_row} rows in the workbook, {len(rows)} in the CSV")
        failed = 1
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row, start=1):
            value = sheet.cell(row=r, column=c).value
            if not same(value, text):
                print(f"{sheet_name}!R{r}C{c}: workbook {value!r}, CSV {text!r}")
                failed = 1
    return failed


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
