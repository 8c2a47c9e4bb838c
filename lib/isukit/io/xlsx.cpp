#include <isukit/io/xlsx.hpp>
#include <isukit/util/error.hpp>
#include <isukit/util/locale.hpp>
#include <isukit/util/shared_library.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <unistd.h>
#include <xlsxwriter.h>

namespace isukit::io {

namespace {

/// The functions of libxlsxwriter a workbook uses, from the library opened when the first one
/// is written: linked to the tools, it and the libcrypto and minizip it needs cost every call
/// 5.7 M instructions of dynamic linking (more than half of `assess --version`), for the one
/// format of nine that uses them.
struct Xlsxwriter {
  decltype(&::workbook_new) workbook_new;
  decltype(&::workbook_close) workbook_close;
  decltype(&::workbook_add_worksheet) workbook_add_worksheet;
  decltype(&::workbook_add_format) workbook_add_format;
  decltype(&::workbook_set_properties) workbook_set_properties;
  decltype(&::workbook_set_custom_property_string) workbook_set_custom_property_string;
  decltype(&::format_set_bold) format_set_bold;
  decltype(&::format_set_top) format_set_top;
  decltype(&::format_set_bottom) format_set_bottom;
  decltype(&::format_set_num_format) format_set_num_format;
  decltype(&::worksheet_write_string) worksheet_write_string;
  decltype(&::worksheet_write_number) worksheet_write_number;
  decltype(&::worksheet_write_datetime) worksheet_write_datetime;
  decltype(&::worksheet_write_blank) worksheet_write_blank;
  decltype(&::worksheet_set_column) worksheet_set_column;
  decltype(&::worksheet_freeze_panes) worksheet_freeze_panes;
  decltype(&::worksheet_repeat_rows) worksheet_repeat_rows;
  decltype(&::worksheet_set_landscape) worksheet_set_landscape;
  decltype(&::worksheet_fit_to_pages) worksheet_fit_to_pages;
  decltype(&::worksheet_right_to_left) worksheet_right_to_left;
};

Xlsxwriter open_xlsxwriter() {
  const util::SharedLibrary library(ISUKIT_XLSXWRITER_SONAME, "--format xlsx", "libxlsxwriter");
  Xlsxwriter api{};
  library.bind(api.workbook_new, "workbook_new");
  library.bind(api.workbook_close, "workbook_close");
  library.bind(api.workbook_add_worksheet, "workbook_add_worksheet");
  library.bind(api.workbook_add_format, "workbook_add_format");
  library.bind(api.workbook_set_properties, "workbook_set_properties");
  library.bind(api.workbook_set_custom_property_string, "workbook_set_custom_property_string");
  library.bind(api.format_set_bold, "format_set_bold");
  library.bind(api.format_set_top, "format_set_top");
  library.bind(api.format_set_bottom, "format_set_bottom");
  library.bind(api.format_set_num_format, "format_set_num_format");
  library.bind(api.worksheet_write_string, "worksheet_write_string");
  library.bind(api.worksheet_write_number, "worksheet_write_number");
  library.bind(api.worksheet_write_datetime, "worksheet_write_datetime");
  library.bind(api.worksheet_write_blank, "worksheet_write_blank");
  library.bind(api.worksheet_set_column, "worksheet_set_column");
  library.bind(api.worksheet_freeze_panes, "worksheet_freeze_panes");
  library.bind(api.worksheet_repeat_rows, "worksheet_repeat_rows");
  library.bind(api.worksheet_set_landscape, "worksheet_set_landscape");
  library.bind(api.worksheet_fit_to_pages, "worksheet_fit_to_pages");
  library.bind(api.worksheet_right_to_left, "worksheet_right_to_left");
  return api;
}

const Xlsxwriter &xlsxwriter() {
  static const Xlsxwriter api = open_xlsxwriter();
  return api;
}

/// Digits after the point in a plain number as the tables write it, or -1 if it is not one.
int decimals_of(const std::string &text) {
  std::size_t i = !text.empty() && text.front() == '-' ? 1 : 0;
  const std::size_t point = text.find_first_not_of("0123456789", i);
  if (point == i || (point != std::string::npos &&
                     (text[point] != '.' ||
                      text.find_first_not_of("0123456789", point + 1) != std::string::npos))) {
    return -1;
  }
  return point == std::string::npos ? 0 : static_cast<int>(text.size() - point - 1);
}

/// An ISO date (`2025-08-31`) as a spreadsheet date, or nothing when the text is not one.
std::optional<lxw_datetime> iso_date(const std::string &text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' ||
      text.find_first_not_of("0123456789-") != std::string::npos) {
    return std::nullopt;
  }
  return lxw_datetime{std::atoi(text.substr(0, 4).c_str()),
                      std::atoi(text.substr(5, 2).c_str()),
                      std::atoi(text.substr(8, 2).c_str()),
                      0,
                      0,
                      0};
}

constexpr int max_places = 12; // rates are written with up to 12 decimals (scale of assessments)

/// The cell formats of a workbook: for body rows and for total rows (bold, rule above), text,
/// dates, grouped numbers (money, counts: `#,##0.00`) and plain numbers (rates: `0.000`) with
/// 0 to max_places decimals.
class Formats {
public:
  explicit Formats(lxw_workbook *book) {
    header = xlsxwriter().workbook_add_format(book);
    xlsxwriter().format_set_bold(header);
    xlsxwriter().format_set_bottom(header, LXW_BORDER_THIN);
    for (int total = 0; total < 2; ++total) {
      auto &set = m_sets[static_cast<std::size_t>(total)];
      set.text = add(book, total, "@");
      set.date = add(book, total, "yyyy-mm-dd");
      for (int places = 0; places <= max_places; ++places) {
        const std::string decimals =
            places ? "." + std::string(static_cast<std::size_t>(places), '0') : "";
        set.grouped[static_cast<std::size_t>(places)] = add(book, total, "#,##0" + decimals);
        set.plain[static_cast<std::size_t>(places)] = add(book, total, "0" + decimals);
      }
    }
  }

  lxw_format *header;

  lxw_format *text(bool total) const { return m_sets[total].text; }
  lxw_format *date(bool total) const { return m_sets[total].date; }
  lxw_format *number(bool total, ColumnType type, int places) const {
    const auto &set = m_sets[total];
    const auto at = static_cast<std::size_t>(std::clamp(places, 0, max_places));
    return type == ColumnType::rate ? set.plain[at] : set.grouped[at];
  }

private:
  struct Set {
    lxw_format *text;
    lxw_format *date;
    std::array<lxw_format *, max_places + 1> grouped;
    std::array<lxw_format *, max_places + 1> plain;
  };
  std::array<Set, 2> m_sets{};

  static lxw_format *add(lxw_workbook *book, int total, const std::string &number_format) {
    lxw_format *format = xlsxwriter().workbook_add_format(book);
    xlsxwriter().format_set_num_format(format, number_format.c_str());
    if (total) {
      xlsxwriter().format_set_bold(format);
      xlsxwriter().format_set_top(format, LXW_BORDER_THIN);
    }
    return format;
  }
};

/// The decimals a numeric column is shown with: the most any of its cells is written with, so
/// that an amount shows its currency's minor unit (`#,##0.00`; `#,##0` for a budget kept in
/// whole units) and a whole `0` in the column does not narrow it.
int column_places(const Table &table, std::size_t column) {
  int places = 0;
  for (const auto &row : table.rows) {
    if (column < row.cells.size()) {
      places = std::max(places, decimals_of(row.cells[column]));
    }
  }
  return places;
}

struct Cell {
  lxw_row_t row;
  lxw_col_t col;
  bool total;
};

/// Whether a decimal text keeps its value as a spreadsheet number (a double): at most 15
/// significant digits, which every double holds exactly (DBL_DIG). A longer amount is written as
/// text, exact, rather than as a number a cent away.
bool exact_as_double(std::string_view text) {
  const auto digits =
      std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  const auto leading = text.find_first_of("123456789");
  const auto zeros = std::count(
      text.begin(), leading == std::string_view::npos ? text.end() : text.begin() + leading, '0');
  return digits - zeros <= 15;
}

/// One cell: numbers in numeric columns as numbers (as text when no double holds them), ISO dates
/// in date columns as dates, all else (codes such as NO, "in kind", a formula-like text) as text,
/// never reinterpreted.
void write_cell(lxw_worksheet *sheet, Cell at, const std::string &text, ColumnType type, int places,
                const Formats &formats) {
  if (text.empty()) {
    if (at.total) {
      xlsxwriter().worksheet_write_blank(sheet, at.row, at.col,
                                         formats.text(true)); // the rule runs across the row
    }
    return;
  }
  if (type != ColumnType::text && type != ColumnType::date && decimals_of(text) >= 0 &&
      exact_as_double(text)) {
    // A spreadsheet number is a double; the read-back test compares it with the CSV's text.
    xlsxwriter().worksheet_write_number(sheet, at.row, at.col, std::strtod(text.c_str(), nullptr),
                                        formats.number(at.total, type, places));
  } else if (auto date = iso_date(text); type == ColumnType::date && date) {
    xlsxwriter().worksheet_write_datetime(sheet, at.row, at.col, &*date, formats.date(at.total));
  } else {
    xlsxwriter().worksheet_write_string(sheet, at.row, at.col, text.c_str(),
                                        formats.text(at.total));
  }
}

/// A new sheet named `name` (at most 31 bytes, as Excel allows), laid out right to left when
/// `lang`'s script runs so (Arabic: the first column on the right, as a reader expects).
lxw_worksheet *add_sheet(lxw_workbook *book, const std::string &name, const util::Lang &lang) {
  lxw_worksheet *sheet = xlsxwriter().workbook_add_worksheet(book, name.substr(0, 31).c_str());
  if (lang.conventions().right_to_left) {
    xlsxwriter().worksheet_right_to_left(sheet);
  }
  return sheet;
}

/// A table on its own sheet: the header row (frozen), the body rows, then the total rows
/// below them in bold under a rule; columns as wide as their widest cell; printed landscape,
/// one page wide, the header row on every page.
void write_table(lxw_workbook *book, const Table &table, const util::Lang &lang,
                 const Formats &formats) {
  lxw_worksheet *sheet = add_sheet(book, table.name, lang);
  std::vector<std::size_t> widths(table.columns.size(), 8);
  std::vector<int> places(table.columns.size());
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    xlsxwriter().worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c),
                                        table.columns[c].header.c_str(), formats.header);
    widths[c] =
        std::max(widths[c], util::display_width(table.columns[c].header) * 5 / 4 + 2); // bold
    places[c] = column_places(table, c);
  }
  lxw_row_t row = 1;
  for (const bool totals : {false, true}) {
    for (const auto &body : table.rows) {
      if (body.is_total != totals) {
        continue;
      }
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const std::string &text = c < body.cells.size() ? body.cells[c] : std::string();
        write_cell(sheet, {row, static_cast<lxw_col_t>(c), totals}, text, table.columns[c].type,
                   places[c], formats);
        widths[c] =
            std::max(widths[c], util::display_width(text) * 4 / 3 + 2); // room for separators
      }
      ++row;
    }
  }
  for (std::size_t c = 0; c < widths.size(); ++c) {
    xlsxwriter().worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                      static_cast<double>(std::min<std::size_t>(widths[c], 60)),
                                      nullptr);
  }
  xlsxwriter().worksheet_freeze_panes(sheet, 1, 0);
  xlsxwriter().worksheet_repeat_rows(sheet, 0,
                                     0); // printed: the header on every page, as wide as the page
  xlsxwriter().worksheet_set_landscape(sheet);
  xlsxwriter().worksheet_fit_to_pages(sheet, 1, 0);
}

/// What the workbook is about, from the output's first document: its treaty, as-of date and
/// currency where it has them.
struct About {
  std::string title;
  std::string treaty;
  std::string as_of;
  std::string currency;
};

About about_of(const Output &output) {
  About about;
  about.title = output.tables.empty() ? std::string() : output.tables.front().title;
  if (!output.documents.empty() && output.documents.front().is_mapping()) {
    const Node &document = output.documents.front();
    about.treaty = document.text_or("treaty");
    about.as_of = document.text_or("as_of");
    about.currency = document.text_or("currency");
  }
  return about;
}

/// The sources of the reference data and budgets, under the About sheet's notes: for each,
/// what it is and its id with the date it was checked, then the source as its file gives it.
void write_sources(lxw_worksheet *sheet, lxw_row_t row, const std::vector<Source> &sources,
                   const util::Lang &lang, const Formats &formats) {
  if (sources.empty()) {
    return;
  }
  xlsxwriter().worksheet_write_string(sheet, ++row, 0, lang.text("label.sources").c_str(),
                                      formats.header);
  for (const auto &source : sources) {
    const std::string what = fmt::format("{} ({})", lang.text(source.what), source.id);
    xlsxwriter().worksheet_write_string(sheet, ++row, 0, what.c_str(), formats.text(false));
    if (!source.as_of.empty()) {
      write_cell(sheet, {row, 1, false}, source.as_of, ColumnType::date, 0, formats);
    }
    if (!source.text.empty()) {
      xlsxwriter().worksheet_write_string(sheet, ++row, 0, source.text.c_str(),
                                          formats.text(false));
    }
  }
}

/// The first sheet: the title, the treaty, as-of date and currency, then each table's title
/// and the notes printed under it (the rules behind the figures), then the sources.
void write_about(lxw_workbook *book, const Output &output, const About &about,
                 const util::Lang &lang, const Formats &formats) {
  lxw_worksheet *sheet = add_sheet(book, "About", lang);
  lxw_row_t row = 0;
  xlsxwriter().worksheet_write_string(sheet, row++, 0, about.title.c_str(), formats.header);
  const std::array<std::pair<const char *, const std::string *>, 3> facts{
      {{"label.treaty", &about.treaty},
       {"label.as_of", &about.as_of},
       {"label.currency", &about.currency}}};
  for (const auto &[word, value] : facts) {
    if (!value->empty()) {
      xlsxwriter().worksheet_write_string(sheet, row, 0, lang.text(word).c_str(),
                                          formats.text(false));
      write_cell(sheet, {row++, 1, false}, *value,
                 word == facts[1].first ? ColumnType::date : ColumnType::text, 0, formats);
    }
  }
  for (const auto &table : output.tables) {
    ++row;
    xlsxwriter().worksheet_write_string(sheet, row++, 0, table.title.c_str(), formats.header);
    for (const auto &note : table.notes) {
      xlsxwriter().worksheet_write_string(sheet, row++, 0, note.c_str(), formats.text(false));
    }
  }
  write_sources(sheet, row, output.sources, lang, formats);
  xlsxwriter().worksheet_set_column(sheet, 0, 0, 30, nullptr);
  xlsxwriter().worksheet_set_column(sheet, 1, 1, 14, nullptr);
}

/// The workbook's properties: title, treaty as subject, custom properties Treaty, As of and
/// Currency; created at the as-of date (else 2000-01-01), never the clock, so the bytes repeat.
void set_properties(lxw_workbook *book, About &about) {
  lxw_doc_properties properties{};
  properties.title = about.title.data(); // libxlsxwriter copies them; its API is not const-correct
  properties.subject = about.treaty.data();
  properties.created = 946684800; // 2000-01-01T00:00:00Z
  if (const auto date = iso_date(about.as_of)) {
    std::tm day{};
    day.tm_year = date->year - 1900;
    day.tm_mon = date->month - 1;
    day.tm_mday = date->day;
    properties.created = timegm(&day);
  }
  xlsxwriter().workbook_set_properties(book, &properties);
  if (!about.treaty.empty()) {
    xlsxwriter().workbook_set_custom_property_string(book, "Treaty", about.treaty.c_str());
  }
  if (!about.as_of.empty()) {
    xlsxwriter().workbook_set_custom_property_string(book, "As of", about.as_of.c_str());
  }
  if (!about.currency.empty()) {
    xlsxwriter().workbook_set_custom_property_string(book, "Currency", about.currency.c_str());
  }
}

std::string read_and_remove(const std::filesystem::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);
  return std::move(bytes).str();
}

} // namespace

std::string render_xlsx(const Output &output, const util::Lang &lang) {
  const auto path =
      std::filesystem::temp_directory_path() / ("isukit-" + std::to_string(::getpid()) + ".xlsx");
  lxw_workbook *book = xlsxwriter().workbook_new(path.c_str());
  if (!book) {
    throw util::Error(util::ExitCode::io,
                      "cannot create a temporary workbook in " + path.parent_path().string());
  }
  About about = about_of(output);
  set_properties(book, about);
  const Formats formats(book);
  write_about(book, output, about, lang, formats);
  for (const auto &table : output.tables) {
    write_table(book, table, lang, formats);
  }
  if (xlsxwriter().workbook_close(book) != LXW_NO_ERROR) {
    std::filesystem::remove(path);
    throw util::Error(util::ExitCode::io, "cannot write the workbook");
  }
  return read_and_remove(path);
}

} // namespace isukit::io
