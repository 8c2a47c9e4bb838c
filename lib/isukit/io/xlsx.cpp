#include <isukit/io/select.hpp>
#include <isukit/io/xlsx.hpp>
#include <isukit/util/error.hpp>

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace isukit::io {

namespace {

/// Digits after the point in a plain number as the tables write it, or -1 if it is not one.
int decimals_of(const std::string& text) {
  std::size_t i = !text.empty() && text.front() == '-' ? 1 : 0;
  const std::size_t point = text.find_first_not_of("0123456789", i);
  if (point == i || (point != std::string::npos &&
                     (text[point] != '.' || text.find_first_not_of("0123456789", point + 1) != std::string::npos))) {
    return -1;
  }
  return point == std::string::npos ? 0 : static_cast<int>(text.size() - point - 1);
}

struct Formats {
  lxw_workbook* workbook;
  lxw_format* header;
  lxw_format* date;
  lxw_format* money[7];

  explicit Formats(lxw_workbook* book) : workbook(book) {
    header = workbook_add_format(book);
    format_set_bold(header);
    format_set_bottom(header, LXW_BORDER_THIN);
    date = workbook_add_format(book);
    format_set_num_format(date, "yyyy-mm-dd");
    for (int places = 0; places < 7; ++places) {
      money[places] = workbook_add_format(book);
      format_set_num_format(money[places], places ? ("#,##0." + std::string(static_cast<std::size_t>(places), '0')).c_str()
                                                  : "#,##0");
    }
  }
};

void write_cell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::string& text, ColumnType type,
                const Formats& formats) {
  const int places = decimals_of(text);
  if (text.empty()) {
    return;
  }
  if (type != ColumnType::text && type != ColumnType::date && places >= 0) {
    const double value = std::strtod(text.c_str(), nullptr);
    lxw_format* format = type == ColumnType::rate ? nullptr : formats.money[std::min(places, 6)];
    worksheet_write_number(sheet, row, col, value, format);
  } else if (type == ColumnType::date && text.size() == 10 && text[4] == '-' && text[7] == '-') {
    lxw_datetime date{std::atoi(text.substr(0, 4).c_str()), std::atoi(text.substr(5, 2).c_str()),
                      std::atoi(text.substr(8, 2).c_str()), 0, 0, 0};
    worksheet_write_datetime(sheet, row, col, &date, formats.date);
  } else {
    worksheet_write_string(sheet, row, col, text.c_str(), nullptr);
  }
}

void write_table(lxw_workbook* book, const Table& table, const Formats& formats) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, table.name.substr(0, 31).c_str());
  std::vector<std::size_t> widths(table.columns.size(), 8);
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.columns[c].header.c_str(), formats.header);
    widths[c] = std::max(widths[c], table.columns[c].header.size());
  }
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto& cells = table.rows[r].cells;
    for (std::size_t c = 0; c < table.columns.size() && c < cells.size(); ++c) {
      write_cell(sheet, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), cells[c], table.columns[c].type, formats);
      widths[c] = std::max(widths[c], cells[c].size() + 2);
    }
  }
  for (std::size_t c = 0; c < widths.size(); ++c) {
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         static_cast<double>(std::min<std::size_t>(widths[c], 60)), nullptr);
  }
  worksheet_freeze_panes(sheet, 1, 0);
}

void write_about(lxw_workbook* book, const Output& output, const Formats& formats) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, "About");
  lxw_row_t row = 0;
  for (const auto& table : output.tables) {
    worksheet_write_string(sheet, row++, 0, table.title.c_str(), formats.header);
    for (const auto& note : table.notes) {
      worksheet_write_string(sheet, row++, 0, note.c_str(), nullptr);
    }
    ++row;
  }
  worksheet_set_column(sheet, 0, 0, 100, nullptr);
}

std::string read_and_remove(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);
  return bytes.str();
}

} // namespace

std::string render_xlsx(const Output& output) {
  const auto path = std::filesystem::temp_directory_path() / ("isukit-" + std::to_string(::getpid()) + ".xlsx");
  lxw_workbook* book = workbook_new(path.c_str());
  if (!book) {
    throw util::Error(util::ExitCode::io, "cannot create a temporary workbook in " + path.parent_path().string());
  }
  std::string title = output.tables.empty() ? std::string() : output.tables.front().title;
  lxw_doc_properties properties{};
  properties.title = title.data(); // libxlsxwriter copies it; its API is not const-correct
  properties.created = 946684800; // 2000-01-01T00:00:00Z: not the clock, so the bytes repeat
  workbook_set_properties(book, &properties);
  const Formats formats(book);
  write_about(book, output, formats);
  for (const auto& table : named_tables(output)) {
    write_table(book, table, formats);
  }
  if (workbook_close(book) != LXW_NO_ERROR) {
    std::filesystem::remove(path);
    throw util::Error(util::ExitCode::io, "cannot write the workbook");
  }
  return read_and_remove(path);
}

} // namespace isukit::io
