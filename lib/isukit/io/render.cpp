#include <isukit/io/chart.hpp>
#include <isukit/io/latex_characters.hpp>
#include <isukit/io/letters.hpp>
#include <isukit/io/render.hpp>
#include <isukit/io/select.hpp>
#include <isukit/io/writers.hpp>
#include <isukit/io/xlsx.hpp>
#include <isukit/util/decimal.hpp>
#include <isukit/util/error.hpp>
#include <isukit/util/locale.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace isukit::io {

namespace {

bool is_numeric(ColumnType type) {
  return type != ColumnType::text && type != ColumnType::date;
}

} // namespace

std::string people_cell(const std::string &cell, ColumnType type, const util::Lang &lang) {
  if (type == ColumnType::money || type == ColumnType::count) {
    return util::group_digits(cell, lang);
  }
  if (type == ColumnType::rate) {
    return util::localize_decimal(cell, lang);
  }
  return cell;
}

namespace {

std::string pad(const std::string &text, std::size_t width, bool right) {
  const std::string fill(width - std::min(width, util::display_width(text)), ' ');
  return right ? fill + text : text + fill;
}

template <typename Fn> void each_table(const std::vector<Table> &tables, std::string &out, Fn fn) {
  bool first = true;
  for (const auto &table : tables) {
    if (!first) {
      out += '\n';
    }
    first = false;
    fn(table);
  }
}

/// A plain-text table's cells as people read them, each row as wide as the columns, and each
/// column's width: its widest cell or head, in display columns (CJK characters count two).
struct TextLayout {
  std::vector<std::vector<std::string>> cells;
  std::vector<std::size_t> widths;
};

/// A cell on one line: a line break or tab in user text (a quoted CSV reference) would break
/// the table's rows and columns, so each (CR LF as one) becomes a space.
std::string one_line(std::string text) {
  std::string::size_type at = 0;
  while ((at = text.find_first_of("\r\n\t", at)) != std::string::npos) {
    const bool crlf = text.compare(at, 2, "\r\n") == 0;
    text.replace(at, crlf ? 2 : 1, " ");
    ++at;
  }
  return text;
}

TextLayout text_layout(const Table &table, const util::Lang &lang) {
  TextLayout layout;
  for (const auto &column : table.columns) {
    layout.widths.push_back(util::display_width(column.header));
  }
  for (const auto &row : table.rows) {
    auto &formatted = layout.cells.emplace_back();
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      formatted.push_back(one_line(
          people_cell(c < row.cells.size() ? row.cells[c] : "", table.columns[c].type, lang)));
      layout.widths[c] = std::max(layout.widths[c], util::display_width(formatted.back()));
    }
  }
  return layout;
}

/// One line of cells, numbers right-aligned, two spaces between columns, no trailing space.
void append_text_line(std::string &out, const Table &table, const std::vector<std::size_t> &widths,
                      const std::vector<std::string> &values) {
  std::string text;
  for (std::size_t c = 0; c < widths.size(); ++c) {
    text += c ? "  " : "";
    text += pad(values[c], widths[c], is_numeric(table.columns[c].type));
  }
  while (!text.empty() && text.back() == ' ') {
    text.pop_back();
  }
  out += text;
  out += '\n';
}

/// A rule as wide as the table: under the heads, and above the first of the total rows.
void append_text_rule(std::string &out, const std::vector<std::size_t> &widths) {
  std::size_t total = 0;
  for (std::size_t c = 0; c < widths.size(); ++c) {
    total += widths[c] + (c ? 2 : 0);
  }
  out.append(total, '-');
  out += '\n';
}

void append_text_table(std::string &out, const Table &table, const util::Lang &lang) {
  const TextLayout layout = text_layout(table, lang);
  if (!table.title.empty()) {
    out += table.title;
    out += "\n\n";
  }
  std::vector<std::string> headers;
  for (const auto &column : table.columns) {
    headers.push_back(column.header);
  }
  append_text_line(out, table, layout.widths, headers);
  append_text_rule(out, layout.widths);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    if (table.rows[r].is_total && (r == 0 || !table.rows[r - 1].is_total)) {
      append_text_rule(out, layout.widths);
    }
    append_text_line(out, table, layout.widths, layout.cells[r]);
  }
  if (!table.notes.empty()) {
    out += '\n';
  }
  for (const auto &note : table.notes) {
    out += note;
    out += '\n';
  }
}

} // namespace

std::string render_text_table(const std::vector<Table> &tables, const util::Lang &lang) {
  std::string out;
  each_table(tables, out, [&](const Table &table) { append_text_table(out, table, lang); });
  return out;
}

namespace {

// A title, head, cell or note of Markdown is escaped as a letter's values are
// (io::escape_markdown): user text (a reference, a budget's note) shows as written, never as
// markup or raw HTML; a `|` cannot end a cell nor a line break the row.

/// The head row and the delimiter row, which right-aligns numeric columns.
void append_markdown_head(std::string &out, const Table &table) {
  out += '|';
  for (const auto &column : table.columns) {
    out += ' ';
    out += escape_markdown(column.header);
    out += " |";
  }
  out += "\n|";
  for (const auto &column : table.columns) {
    out += is_numeric(column.type) ? " ---: |" : " --- |";
  }
  out += '\n';
}

/// A row as people read it; a total row's cells in bold.
void append_markdown_row(std::string &out, const Table &table, const Row &row,
                         const util::Lang &lang) {
  out += '|';
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const ColumnType type = table.columns[c].type;
    std::string cell = people_cell(c < row.cells.size() ? row.cells[c] : "", type, lang);
    if (!is_numeric(type)) { // a number is written by isukit, never markup: "-15,200" stays
      cell = escape_markdown(cell);
    }
    if (row.is_total && !cell.empty()) {
      cell.insert(0, "**");
      cell += "**";
    }
    out += ' ';
    out += cell;
    out += " |";
  }
  out += '\n';
}

/// The title in bold above the table (Markdown tables have no caption), the notes below.
void append_markdown_table(std::string &out, const Table &table, const util::Lang &lang) {
  if (!table.title.empty()) {
    out += "**";
    out += escape_markdown(table.title);
    out += "**\n\n";
  }
  append_markdown_head(out, table);
  for (const auto &row : table.rows) {
    append_markdown_row(out, table, row, lang);
  }
  // Each note its own paragraph: Markdown joins lines that no blank line separates.
  for (const auto &note : table.notes) {
    out += '\n';
    out += escape_markdown(note);
    out += '\n';
  }
}

} // namespace

std::string render_markdown(const std::vector<Table> &tables, const util::Lang &lang) {
  std::string out;
  each_table(tables, out, [&](const Table &table) { append_markdown_table(out, table, lang); });
  return out;
}

namespace {

/// -12.50, 341405: a number as the tables write it.
bool is_plain_number(std::string_view text) {
  std::size_t i = !text.empty() && text.front() == '-' ? 1 : 0;
  const std::size_t digits = text.find_first_not_of("0123456789", i);
  if (digits == i) {
    return false;
  }
  if (digits == std::string_view::npos) {
    return true;
  }
  return text[digits] == '.' && digits + 1 < text.size() &&
         text.find_first_not_of("0123456789", digits + 1) == std::string_view::npos;
}

/// The first characters of a cell that gets a leading ': those a spreadsheet runs as a formula,
/// and the ' itself, so that without_formula_guard gives back every text exactly ('-5 is
/// written ''-5, not read back as -5).
constexpr std::string_view formula_starts = "=+-@\t\r'";

/// OWASP's advice for CSV injection: a leading ' keeps a spreadsheet from running the cell.
std::string neutralise_formula(std::string_view cell, ColumnType type) {
  const bool number = is_numeric(type) && is_plain_number(cell);
  if (!number && !cell.empty() && formula_starts.find(cell.front()) != std::string_view::npos) {
    std::string quoted(1, '\'');
    return quoted.append(cell);
  }
  return std::string(cell);
}

} // namespace

std::string_view without_formula_guard(std::string_view cell) {
  const bool guarded = cell.size() >= 2 && cell.front() == '\'' &&
                       formula_starts.find(cell[1]) != std::string_view::npos;
  return guarded ? cell.substr(1) : cell;
}

std::string render_separated(const Table &table, char separator) {
  auto field = [separator](std::string text) {
    if (separator == '\t') {
      return one_line(std::move(text)); // TSV has no quoting: as in text tables
    }
    if (text.find_first_of(",\"\n\r") == std::string::npos) {
      return text;
    }
    std::string quoted = "\"";
    for (char c : text) {
      quoted += c;
      if (c == '"') {
        quoted += '"';
      }
    }
    return quoted + '"';
  };
  const std::string eol = separator == ',' ? "\r\n" : "\n"; // RFC 4180 ends records with CRLF
  std::string out;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    out += c ? std::string(1, separator) : "";
    out += field(neutralise_formula(table.columns[c].header, ColumnType::text));
  }
  out += eol;
  for (const auto &row : table.rows) {
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      out += c ? std::string(1, separator) : "";
      out += field(
          neutralise_formula(c < row.cells.size() ? row.cells[c] : "", table.columns[c].type));
    }
    out += eol;
  }
  return out;
}

std::string escape_html(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

namespace {

/// Small enough to read, enough to print: numbers right-aligned in tabular figures, column
/// heads repeated on each printed page, no row split across pages.
constexpr std::string_view page_style =
    R"(body { font-family: sans-serif; margin: 2em; color: #000; background: #fff; }
table { border-collapse: collapse; margin: 1em 0 0.5em; }
caption { font-weight: bold; text-align: start; padding-bottom: 0.5em; }
th, td { padding: 0.2em 0.6em; text-align: start; vertical-align: top; border-bottom: 1px solid #ccc; }
th { border-bottom: 2px solid #000; }
.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: bold; border-top: 2px solid #000; }
p { font-size: 0.9em; max-width: 50em; }
figure.chart { margin: 1.5em 0 2em; }
figcaption { font-weight: bold; margin-bottom: 0.5em; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
@media print {
  figure.chart { break-inside: avoid; }
  body { margin: 0; font-size: 10pt; }
  @page { margin: 15mm; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
}
)";

/// ` dir="rtl"` for a language written right to left (Arabic), else nothing.
std::string direction(const util::Lang &lang) {
  return lang.conventions().right_to_left ? " dir=\"rtl\"" : "";
}

/// A fragment to embed in a page: `body` as it is, or in a right-to-left language one element,
/// so that its notes are laid out right to left with its tables whatever the direction of the
/// page it is embedded in.
std::string fragment(std::string body, const util::Lang &lang) {
  const std::string dir = direction(lang);
  return dir.empty() ? body
                     : fmt::format("<div{} lang=\"{}\">\n{}</div>\n", dir, lang.code(), body);
}

std::string html_page(const std::string &body, const std::string &title, const util::Lang &lang) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\"{}>\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
      lang.code(), direction(lang), escape_html(title), page_style, body);
}

} // namespace

namespace {

/// One table: caption, head, body (total rows of class "total"), then its notes.
std::string html_table(const Table &table, const util::Lang &lang) {
  std::string out = "<table>\n";
  if (!table.title.empty()) {
    out += "  <caption>" + escape_html(table.title) + "</caption>\n";
  }
  out += "  <thead>\n    <tr>";
  for (const auto &column : table.columns) {
    out += is_numeric(column.type) ? "<th class=\"num\">" : "<th>";
    out += escape_html(column.header) + "</th>";
  }
  out += "</tr>\n  </thead>\n  <tbody>\n";
  for (const auto &row : table.rows) {
    out += row.is_total ? "    <tr class=\"total\">" : "    <tr>";
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const auto type = table.columns[c].type;
      out += is_numeric(type) ? "<td class=\"num\">" : "<td>";
      out +=
          escape_html(people_cell(c < row.cells.size() ? row.cells[c] : "", type, lang)) + "</td>";
    }
    out += "</tr>\n";
  }
  out += "  </tbody>\n</table>\n";
  for (const auto &note : table.notes) {
    out += "<p>" + escape_html(note) + "</p>\n";
  }
  return out;
}

/// A chart as a figure: its title, its picture, then its figures as a table.
std::string html_figure(Table chart, const util::Lang &lang) {
  std::string out =
      "<figure class=\"chart\">\n<figcaption>" + escape_html(chart.title) + "</figcaption>\n";
  out += render_svg_chart(chart, lang);
  chart.title.clear(); // the figure's caption names it
  return out + html_table(chart, lang) + "</figure>\n";
}

} // namespace

std::string render_html(const std::vector<Table> &tables, const util::Lang &lang, bool standalone,
                        const std::vector<Table> &charts) {
  std::string out;
  each_table(tables, out, [&](const Table &table) {
    out += html_table(table, lang);
    for (std::size_t i = 0; &table == &tables.front() && i < charts.size(); ++i) {
      out += "\n" + html_figure(charts[i],
                                lang); // after the first table (the summary), before the details
    }
  });
  if (standalone) {
    return html_page(out, tables.empty() ? std::string() : tables.front().title, lang);
  }
  return fragment(std::move(out), lang);
}

namespace {

/// One byte of text for LaTeX: its special characters escaped, any other byte as it is.
void append_latex_char(std::string &out, char c) {
  switch (c) {
  case '&':
  case '%':
  case '$':
  case '#':
  case '_':
  case '{':
  case '}':
    out += '\\';
    out += c;
    break;
  case '~':
    out += "\\textasciitilde{}";
    break;
  case '^':
    out += "\\textasciicircum{}";
    break;
  case '\\':
    out += "\\textbackslash{}";
    break;
  // In the OT1 encoding pdflatex uses by default, these three bytes are the glyphs of other
  // characters (an inverted exclamation mark, an inverted question mark, an em dash).
  case '<':
    out += "\\textless{}";
    break;
  case '>':
    out += "\\textgreater{}";
    break;
  case '|':
    out += "\\textbar{}";
    break;
  default:
    out += c;
  }
}

} // namespace

std::string escape_latex(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    // French typography's spaces, which pdflatex's utf8 input may not know: the narrow no-break
    // space of CLDR's digit groups is a thin space, the no-break space before : ; ? ! % a tie.
    if (text.substr(i, 3) == "\u202f") {
      out += "\\,";
      i += 2;
    } else if (text.substr(i, 2) == "\u00a0") {
      out += '~';
      i += 1;
    } else {
      append_latex_char(out, text[i]);
    }
  }
  return out;
}

namespace {

/// pdflatex with inputenc cannot set Arabic, Cyrillic or Chinese: refuse rather than write a
/// document that does not compile.
void require_latin_script(const util::Lang &lang) {
  if (!lang.conventions().latin_script) {
    throw util::Error(
        util::ExitCode::usage,
        fmt::format("--format latex writes only languages in Latin script (pdflatex); for '{}' "
                    "use --format html or markdown",
                    lang.code()));
  }
}

/// The caption and column heads: once on the first page, again on every following page.
std::string latex_head(const Table &table) {
  std::string heads = "\\toprule\n";
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    heads += c ? " & " : "";
    heads += escape_latex(table.columns[c].header);
  }
  heads += " \\\\\n\\midrule\n";
  if (table.title.empty()) {
    return heads + "\\endfirsthead\n" + heads + "\\endhead\n";
  }
  const std::string caption = escape_latex(table.title);
  return "\\caption{" + caption + "} \\\\\n" + heads + "\\endfirsthead\n" + "\\caption[]{" +
         caption + "} \\\\\n" + heads + "\\endhead\n";
}

/// The rule closing each page; on the last, the notes under it as table notes: as wide as the
/// line, from the table's left edge (tables are set flush left), without widening any column.
std::string latex_foot(const Table &table) {
  std::string foot = "\\bottomrule\n\\endfoot\n\\bottomrule\n";
  for (const auto &note : table.notes) {
    foot += fmt::format("\\multicolumn{{{}}}{{@{{}}l@{{}}}}{{\\rlap{{\\parbox[t]{{\\linewidth}}{{"
                        "\\footnotesize {}}}}}}} \\\\\n",
                        table.columns.size(), escape_latex(note));
  }
  return foot + "\\endlastfoot\n";
}

std::string latex_row(const Table &table, std::size_t r, const util::Lang &lang) {
  const auto &row = table.rows[r];
  std::string out = row.is_total && r > 0 && !table.rows[r - 1].is_total ? "\\midrule\n" : "";
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    std::string text = escape_latex(
        people_cell(c < row.cells.size() ? row.cells[c] : "", table.columns[c].type, lang));
    if (row.is_total && !text.empty()) {
      text.insert(0, "\\textbf{");
      text += '}';
    }
    out += c ? " & " : "";
    out += text;
  }
  return out + " \\\\\n";
}

/// A document that compiles with pdflatex and the packages of texlive-latex-recommended and
/// lmodern; fails (65) on a character of the data pdflatex cannot set
/// (require_pdflatex_characters).
std::string latex_document(const std::string &body, const util::Lang &lang) {
  require_pdflatex_characters(body);
  // The caption's word in the language; LaTeX's own is "Table".
  const std::string table_name = lang.text("latex.table_name");
  // T1 sets the letters of Latin Extended (Polish, Lithuanian, Icelandic) and guillemets, which
  // OT1 cannot; Latin Modern gives them outline fonts, where T1 alone would draw bitmaps.
  return fmt::format(
      "\\documentclass[a4paper]{{article}}\n"
      "\\usepackage[T1]{{fontenc}}\n"
      "\\usepackage{{lmodern}}\n"
      "\\usepackage[utf8]{{inputenc}}\n"
      "\\usepackage[landscape,margin=15mm]{{geometry}}\n"
      "\\usepackage{{longtable,booktabs}}\n"
      "{}"
      "\\begin{{document}}\n{}\\end{{document}}\n",
      table_name == "Table" ? "" : fmt::format("\\renewcommand{{\\tablename}}{{{}}}\n", table_name),
      body);
}

} // namespace

std::string render_latex(const std::vector<Table> &tables, const util::Lang &lang,
                         bool standalone) {
  require_latin_script(lang);
  std::string out;
  each_table(tables, out, [&](const Table &table) {
    out += "\\begin{longtable}[l]{";
    for (const auto &column : table.columns) {
      out += is_numeric(column.type) ? 'r' : 'l';
    }
    out += "}\n" + latex_head(table) + latex_foot(table);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      out += latex_row(table, r, lang);
    }
    out += "\\end{longtable}\n";
  });
  return standalone ? latex_document(out, lang) : out;
}

void check_render_options(Format format, const RenderOptions &options, const util::Lang &lang) {
  if (options.standalone && format != Format::html && format != Format::latex) {
    throw util::Error(util::ExitCode::usage, "--standalone applies to --format html and latex");
  }
  if (!options.table.empty() && (writes_documents(format) || format == Format::xlsx)) {
    throw util::Error(util::ExitCode::usage,
                      "--table applies to table, markdown, csv, tsv, html and latex (xlsx has a "
                      "sheet per table)");
  }
  if (format == Format::latex) {
    require_latin_script(lang);
  }
}

std::string render(const Output &all, Format format, const util::Lang &lang,
                   const RenderOptions &options) {
  check_render_options(format, options, lang);
  const bool standalone = options.standalone;
  if (all.later_tables && !writes_documents(format)) {
    Output built = all; // a caller that did not build the tables first (cli::emit does)
    built.build_tables_for(format);
    return render(built, format, lang, options);
  }
  const std::optional<Output> selected = select_tables(all, format, options.table);
  const Output &output = selected ? *selected : all;
  switch (format) {
  case Format::yaml:
    return to_yaml(output.documents);
  case Format::json:
    return to_json(output.documents);
  case Format::table:
    return render_text_table(output.tables, lang);
  case Format::markdown:
    return render_markdown(output.tables, lang);
  case Format::csv:
  case Format::tsv:
    return output.tables.empty()
               ? std::string()
               : render_separated(output.tables.front(), format == Format::csv ? ',' : '\t');
  case Format::html:
    return render_html(output.tables, lang, standalone,
                       standalone ? output.charts : std::vector<Table>{});
  case Format::latex:
    return render_latex(output.tables, lang, standalone);
  case Format::xlsx:
    return render_xlsx(output, lang);
  }
  return {};
}

} // namespace isukit::io
