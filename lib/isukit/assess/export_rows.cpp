#include <isukit/assess/export_rows.hpp>
#include <isukit/io/csv_reader.hpp>
#include <isukit/util/text.hpp>
#include <isukit/util/text_fold.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace isukit::assess {

using model::ExportField;

namespace {

std::string trimmed(std::string_view text) {
  return std::string(util::trim_blanks(text));
}

struct Line {
  int number;
  std::string_view text;
};

std::vector<Line> lines_of(std::string_view content) {
  std::vector<Line> lines;
  int number = 1;
  for (std::size_t start = 0; start < content.size(); ++number) {
    const auto end = std::min(content.find('\n', start), content.size());
    std::string_view text = content.substr(start, end - start);
    if (!text.empty() && text.back() == '\r') {
      text.remove_suffix(1);
    }
    lines.push_back({number, text});
    start = end + 1;
  }
  return lines;
}

/// The cells of one line split by `separator`; a line that is not valid CSV is one cell.
std::vector<std::string> cells_of(std::string_view line, char separator, char quote) {
  std::vector<std::string> cells;
  try {
    io::CsvReader reader(line, io::intern_file_name(""), separator, quote);
    std::vector<std::string_view> fields;
    if (reader.next_row(fields)) {
      for (auto field : fields) {
        cells.push_back(trimmed(field));
      }
    }
  } catch (const util::Error &) {
    cells = {std::string(line)};
  }
  return cells;
}

/// The header cells the rules name: columns by name, leave-out columns, the header's cells.
std::vector<std::string> wanted_cells(const model::ImportRules &rules) {
  std::vector<std::string> wanted = rules.header_cells;
  auto want = [&](const model::ColumnRef &column) {
    if (!column.name.empty() &&
        std::find(wanted.begin(), wanted.end(), column.name) == wanted.end()) {
      wanted.push_back(column.name);
    }
  };
  for (const auto &column : rules.columns) {
    want(column);
  }
  for (const auto &rule : rules.leave_out) {
    want(rule.column);
  }
  return wanted;
}

bool holds_all(const std::vector<std::string> &cells, const std::vector<std::string> &wanted,
               bool folded) {
  return std::all_of(wanted.begin(), wanted.end(), [&](const std::string &name) {
    return std::any_of(cells.begin(), cells.end(), [&](const std::string &cell) {
      return folded ? util::fold_text(cell) == util::fold_text(name) : cell == name;
    });
  });
}

std::string quoted_list(const std::vector<std::string> &items) {
  std::string list;
  for (const auto &item : items) {
    list += fmt::format("{}'{}'", list.empty() ? "" : ", ", item);
  }
  return list;
}

std::string separator_name(char separator) {
  return separator == '\t' ? "a tab" : fmt::format("'{}'", separator);
}

/// Why no line is the header the rules describe, from what the lines hold instead.
std::string why_no_header(const std::vector<Line> &lines, const model::ImportRules &rules,
                          const std::vector<std::string> &wanted) {
  for (const auto &line : lines) {
    const auto cells = cells_of(line.text, rules.separator, rules.quote);
    if (rules.header_line > 0 && holds_all(cells, wanted, false)) {
      return fmt::format(
          "the header is at line {}, not at line {} (the lines above the header are skipped: set "
          "header line to {})",
          line.number, rules.header_line, line.number);
    }
    if (holds_all(cells, wanted, true)) {
      return fmt::format("line {} holds the header cells in another case, spacing or accents ({}); "
                         "the rules name {}",
                         line.number, quoted_list(cells), quoted_list(wanted));
    }
    for (char other : std::string_view("\t,;|")) {
      if (other != rules.separator &&
          holds_all(cells_of(line.text, other, rules.quote), wanted, true)) {
        return fmt::format(
            "line {} separates the header cells with {}, but the rules' separator is {}",
            line.number, separator_name(other), separator_name(rules.separator));
      }
    }
  }
  if (rules.header_line > 0) {
    const auto at = static_cast<std::size_t>(rules.header_line - 1);
    return fmt::format("line {} is not the header the rules describe: it lacks {} (it holds {})",
                       rules.header_line, quoted_list(wanted),
                       at < lines.size()
                           ? quoted_list(cells_of(lines[at].text, rules.separator, rules.quote))
                           : "nothing: the file is shorter");
  }
  return fmt::format("no line holds all the header cells {}", quoted_list(wanted));
}

/// The 1-based line of the header.
int find_header(std::string_view content, const std::string *file,
                const model::ImportRules &rules) {
  const auto lines = lines_of(content);
  const auto wanted = wanted_cells(rules);
  for (const auto &line : lines) {
    const bool candidate = rules.header_line > 0 ? line.number == rules.header_line : true;
    if (candidate && holds_all(cells_of(line.text, rules.separator, rules.quote), wanted, false)) {
      return line.number;
    }
  }
  util::fail_data(io::Mark{file, rules.header_line, 0}.position(),
                  why_no_header(lines, rules, wanted));
}

/// The 0-based index of a column in the header row.
std::size_t column_index(const model::ColumnRef &column,
                         const std::vector<std::string_view> &header, const io::CsvReader &reader) {
  if (column.position > 0) {
    return static_cast<std::size_t>(column.position - 1);
  }
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (trimmed(header[i]) == column.name) {
      return i;
    }
  }
  util::fail_data(reader.row_mark().position(),
                  fmt::format("the header has no cell {}", column.describe()));
}

ExportRow make_row(const std::vector<std::string_view> &fields, const io::CsvReader &reader,
                   const std::array<std::size_t, ExportRow::field_count> &index,
                   const std::vector<std::size_t> &leave_out_index, std::size_t header_cells) {
  ExportRow row;
  row.mark = reader.row_mark();
  row.mark.column = 0; // the whole row
  row.cell_count = fields.size();
  row.header_cells = header_cells;
  // Empty cells past the header's last are a trailing separator, which exports often write.
  row.past_header =
      std::any_of(fields.begin() + std::min(header_cells, fields.size()), fields.end(),
                  [](std::string_view cell) { return !trimmed(cell).empty(); });
  for (std::size_t f = 0; f < ExportRow::field_count; ++f) {
    if (index[f] == std::string::npos) {
      continue;
    }
    if (index[f] >= fields.size()) {
      ++row.missing_cells;
      continue;
    }
    row.fields[f] = trimmed(fields[index[f]]);
    row.marks[f] = reader.mark(index[f]);
  }
  for (auto i : leave_out_index) {
    row.leave_out_cells.push_back(i < fields.size() ? trimmed(fields[i]) : std::string());
  }
  return row;
}

} // namespace

std::vector<ExportRow> read_csv_rows(std::string_view content, const std::string *file,
                                     const model::ImportRules &rules) {
  const int header_line = find_header(content, file, rules);
  io::CsvReader reader(content, file, rules.separator, rules.quote);
  for (int line = 1; line < header_line; ++line) {
    reader.skip_line();
  }
  std::vector<std::string_view> fields;
  reader.next_row(fields);
  std::array<std::size_t, ExportRow::field_count> index{};
  for (std::size_t f = 0; f < ExportRow::field_count; ++f) {
    index[f] = rules.columns[f].is_set() ? column_index(rules.columns[f], fields, reader)
                                         : std::string::npos;
  }
  std::vector<std::size_t> leave_out_index;
  for (const auto &rule : rules.leave_out) {
    leave_out_index.push_back(rule.column.is_set() ? column_index(rule.column, fields, reader)
                                                   : std::string::npos);
  }
  std::vector<ExportRow> rows;
  const std::size_t header_cells = fields.size();
  while (reader.next_row(fields)) {
    if (std::all_of(fields.begin(), fields.end(),
                    [](std::string_view cell) { return trimmed(cell).empty(); })) {
      continue; // a line of separators only
    }
    rows.push_back(make_row(fields, reader, index, leave_out_index, header_cells));
  }
  return rows;
}

ExportRow statement_row(const io::CamtEntry &entry, const std::string *file,
                        const model::ImportRules &rules) {
  ExportRow row;
  row.mark = io::Mark{file, entry.line, 0};
  row.marks.fill(row.mark);
  row.from_statement = true;
  row.reversal = entry.reversal;
  auto set = [&](ExportField field, std::string text) {
    row.fields[static_cast<std::size_t>(field)] = std::move(text);
  };
  set(ExportField::date, rules.value_date ? entry.value_date : entry.booking_date);
  set(ExportField::amount, entry.amount);
  set(ExportField::currency, entry.currency);
  set(ExportField::indicator, entry.credit ? "CRDT" : "DBIT");
  set(ExportField::reference,
      rules.end_to_end ? entry.end_to_end_id : entry.account_servicer_reference);
  set(ExportField::remittance, entry.remittance);
  set(ExportField::payer, entry.payer);
  return row;
}

} // namespace isukit::assess
