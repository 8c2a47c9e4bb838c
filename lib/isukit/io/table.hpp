// The table model every subcommand fills, and the --format names.
#pragma once

#include <isukit/io/node.hpp>
#include <isukit/io/source.hpp>
#include <isukit/util/lang.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isukit::io {

enum class Format { yaml, json, table, markdown, csv, tsv, html, latex, xlsx };

std::optional<Format> parse_format(std::string_view name);
/// The format a file name's extension says (".csv", ".md", ".htm", ".yml", ...; as given, so
/// lower-case it first), or none: what a name that says another format than the output's is
/// checked against.
std::optional<Format> format_of_extension(std::string_view extension);
/// Whether a format writes the documents (yaml, json) rather than the tables (the others).
bool writes_documents(Format format);
/// "yaml, json, table, markdown, csv, tsv, html, latex, xlsx", for help texts and errors.
std::string format_names();

/// What a column holds decides its alignment and, for people, its formatting: money and
/// counts are grouped (1,362,200.20) and right-aligned; rates are right-aligned as written.
enum class ColumnType { text, money, rate, date, count };

struct Column {
  std::string header;
  ColumnType type = ColumnType::text;
};

struct Row {
  std::vector<std::string> cells; // plain, exact text: "1362200.20", not "1,362,200.20"
  bool is_total = false;          // set apart from the body (rule above, bold)
};

struct Table {
  /// What --table calls it: language-neutral and lower case, the key of its records in the
  /// document where there is one ("states", "summary", "regional_group").
  std::string name;
  std::string title;
  std::vector<Column> columns;
  std::vector<Row> rows = {};
  std::vector<std::string> notes = {}; // printed under the table for people; not in csv/tsv
};

/// A subcommand's result: the documents (for yaml and json) and the tables (for the rest).
struct Output {
  Output() = default;
  /// One document and its table(s), moved in: a braced list (`{{document}, {table}}` into the
  /// vectors) would copy every node and row of them.
  Output(Node document, Table table, std::string main_table = {}, std::vector<Table> charts = {});
  Output(Node document, std::vector<Table> tables, std::string main_table = {},
         std::vector<Table> charts = {});

  std::vector<Node> documents;
  std::vector<Table> tables;
  /// The name of the table csv and tsv write when --table names none (empty: the first table).
  std::string main_table = {};
  /// Pictures of figures for people, drawn only on the standalone HTML page (above the tables,
  /// see render_svg_chart): each a small table whose first column labels the bands and whose
  /// other columns are numeric series; the page prints the figures beneath their picture.
  std::vector<Table> charts = {};
  /// The reference data and budgets the figures come from, for the workbook's About sheet.
  std::vector<Source> sources = {};
  /// Fills `tables` and `charts`, for an output whose tables cost about as much to build as its
  /// document (report-status status, assess status): set in their place, it runs only when a
  /// format writes tables (build_tables_for), so that a shell loop reading YAML never pays for
  /// them. It reads the records and reference data the output was computed from: build the
  /// tables (cli::emit does) while those live.
  std::function<void(Output &)> later_tables = {};

  /// Runs later_tables, once, when `format` writes tables.
  void build_tables_for(Format format);

  /// Adds another output's documents, tables, charts and sources after these (one per input budget,
  /// say). A table whose name is taken is renamed NAME-2, NAME-3... so that every name stays
  /// unique.
  void append(Output other);
};

} // namespace isukit::io
