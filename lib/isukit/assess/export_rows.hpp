// The rows of a bank's or finance system's export, located by the import rules: the header
// found, the columns resolved, each row's fields still as the export writes them.
#pragma once

#include <isukit/io/camt_reader.hpp>
#include <isukit/model/import_rules.hpp>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace isukit::assess {

/// One row (or statement transaction) before its texts are parsed.
struct ExportRow {
  static constexpr std::size_t field_count = static_cast<std::size_t>(model::ExportField::count);

  io::Mark mark;                               // the row's line
  std::array<std::string, field_count> fields; // "" when the rules read no such column
  std::array<io::Mark, field_count> marks;     // where each field is
  std::vector<std::string> leave_out_cells;    // CSV: the cell each leave-out rule by column tests
  std::size_t cell_count = 0;                  // CSV
  std::size_t missing_cells = 0;               // CSV: cells the rules need that the row lacks
  std::size_t header_cells = 0;                // CSV: the header's cells
  bool past_header = false;    // CSV: a cell past the header's last holds text (1,234.00 unquoted)
  bool reversal = false;       // camt: RvslInd
  bool from_statement = false; // camt: ISO dates, plain amounts, CRDT/DBIT

  const std::string &field(model::ExportField f) const {
    return fields[static_cast<std::size_t>(f)];
  }
  const io::Mark &mark_of(model::ExportField f) const { return marks[static_cast<std::size_t>(f)]; }
};

/// The rows below the header of a CSV export (already UTF-8). The header is the rules' line,
/// or the first line holding all the rules' header cells; lines above it are skipped. A header
/// that cannot be found, or a named column missing from it, is a data error that says why: the
/// cells found in another case or spacing, another separator, or the header on another line.
/// Fields are copied, so `content` may go once this returns.
std::vector<ExportRow> read_csv_rows(std::string_view content, const std::string *file,
                                     const model::ImportRules &rules);

/// The transactions of a camt statement as rows (texts as the XML holds them).
ExportRow statement_row(const io::CamtEntry &entry, const std::string *file,
                        const model::ImportRules &rules);

} // namespace isukit::assess
