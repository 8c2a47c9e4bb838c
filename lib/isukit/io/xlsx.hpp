// The xlsx writer: the tables of an output as a workbook, with libxlsxwriter.
#pragma once

#include <isukit/io/table.hpp>

#include <string>

namespace isukit::io {

/// The workbook's bytes: an `About` sheet (the title of the first table, then every table's
/// title and notes), then one worksheet per table of named_tables (body rows, then totals as
/// their own sheets), named after the table. Header row bold and frozen; money and counts are
/// numbers formatted with their decimals as written (#,##0.00, #,##0), rates numbers, dates
/// dates, text text (never reinterpreted); columns as wide as their longest cell. The creation
/// time is fixed (2000-01-01), so the same output gives the same bytes.
/// Errors: io (74) when the workbook cannot be written to its temporary file.
std::string render_xlsx(const Output& output);

} // namespace isukit::io
