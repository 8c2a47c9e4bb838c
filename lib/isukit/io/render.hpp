// One writer per --format, all from the same Output.
#pragma once

#include <isukit/io/table.hpp>
#include <isukit/util/lang.hpp>

#include <string>

namespace isukit::io {

struct RenderOptions {
  std::string table;       // --table NAME, or empty (see select_tables)
  bool standalone = false; // html and latex: a whole page or document, not a fragment
};

/// Checks the options that need no output against the format and the language, so that a tool
/// can refuse them (usage, 64) when it reads its options, before any input: --standalone with
/// another format than html or latex, --table with yaml, json or xlsx (which write everything),
/// --format latex in a language not written in Latin script (pdflatex cannot set it). Only
/// --table's name waits for the output (select_tables).
void check_render_options(Format format, const RenderOptions &options, const util::Lang &lang);

/// Renders an output in a format: yaml and json write the documents, the others the tables that
/// select_tables chooses. Errors: check_render_options' and select_tables' (usage, 64).
std::string render(const Output &output, Format format, const util::Lang &lang,
                   const RenderOptions &options = {});

// The individual writers, for tests.
std::string render_text_table(const std::vector<Table> &tables, const util::Lang &lang);
std::string render_markdown(const std::vector<Table> &tables, const util::Lang &lang);
/// One table as RFC 4180 CSV (separator ',', CRLF) or TSV ('\t', LF; tabs and newlines in a
/// cell become spaces). A cell that a spreadsheet would run as a formula (text beginning with
/// = + - @ tab or CR) gets a leading ' (OWASP, "CSV Injection"), as does text beginning with a '
/// (so that the guard can be taken off exactly); numbers in numeric columns, such as -12.50, are
/// written as they are.
std::string render_separated(const Table &table, char separator);
/// A text cell of a CSV that render_separated wrote, as it was before: without the ' it puts
/// before text beginning with = + - @ tab CR or '; any other text as it is. What reads isukit's
/// CSV back (a payments CSV that `assess import -f csv` wrote) reads its references so.
std::string_view without_formula_guard(std::string_view cell);
/// A fragment to embed (tables, captions, notes as <p>; numeric cells of class "num", total rows
/// of class "total"), or a whole page with a built-in stylesheet for screen and print. `charts`
/// (the standalone page's, Output::charts) follow the first table (the summary, before the
/// details), each a <figure class="chart">: its title as <figcaption>, its SVG
/// (render_svg_chart), then its figures as a table.
std::string render_html(const std::vector<Table> &tables, const util::Lang &lang,
                        bool standalone = false, const std::vector<Table> &charts = {});
/// longtable + booktabs: the title as \caption, the column heads repeated on every page, the
/// notes under the last rule; standalone, an article that pdflatex compiles.
std::string render_latex(const std::vector<Table> &tables, const util::Lang &lang,
                         bool standalone = false);

std::string escape_html(std::string_view text);
/// A cell as people read it in `lang`: money and counts grouped (1,362,200.20; 1 362 200,20),
/// rates with the language's decimal mark, other cells as they are.
std::string people_cell(const std::string &cell, ColumnType type, const util::Lang &lang);
/// Text for LaTeX: its special characters escaped; U+202F (CLDR digit groups) becomes \, and
/// U+00A0 a tie ~, which pdflatex can set.
std::string escape_latex(std::string_view text);

} // namespace isukit::io
