// The xlsx writer: the tables of an output as a workbook, with libxlsxwriter.
#pragma once

#include <isukit/io/table.hpp>
#include <isukit/util/lang.hpp>

#include <string>

namespace isukit::io {

/// The workbook's bytes: an `About` sheet (the title; the treaty, as-of date and currency of the
/// first document, labelled in `lang`; every table's title and notes), then one worksheet per
/// table, named after it: header row bold and frozen, the body rows, then the total rows below
/// them, bold under a rule. Money and counts are numbers shown grouped with the column's
/// decimals (the currency's minor unit as written: #,##0.00; #,##0 for whole units), rates
/// numbers with their decimals, dates dates, text text (codes such as NO never reinterpreted);
/// columns as wide as their widest cell. The workbook's properties hold the title, the treaty
/// (subject and custom property), the as-of date and currency (custom properties); its creation
/// time is the as-of date (else 2000-01-01), never the clock: the same output, the same bytes.
/// Errors: io (74) when the workbook cannot be written to its temporary file.
std::string render_xlsx(const Output &output, const util::Lang &lang);

} // namespace isukit::io
