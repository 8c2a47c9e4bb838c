// Tables by name: what --table chooses, and the one table csv and tsv write.
#pragma once

#include <isukit/io/table.hpp>

#include <optional>
#include <string>
#include <vector>

namespace isukit::io {

/// Every table an output offers to --table, in order: each table under its name with its body
/// rows only, then, where it has total rows, those rows as a table of their own, named `totals`
/// when only one table of the output has totals, else `NAME-totals`. Titles, columns and notes
/// are the original table's.
std::vector<Table> named_tables(const Output &output);

/// "summary, states, totals": the names of named_tables, for errors and tests.
std::string table_names(const Output &output);

/// The tables a format writes. With a name: that table alone, in every table format. Without:
/// csv and tsv (one table, one header row: what a spreadsheet or miller reads) write the body of
/// Output::main_table; the formats for people write every table as it is, totals in place.
/// yaml and json write the documents, xlsx every table on its own sheet: they take no name.
/// Nullopt when the format writes the output as it is (a copy of a large output cost as much
/// as writing it); else the chosen table in an output of its own, without documents or charts.
/// A name given to yaml, json or xlsx is check_render_options' usage error, found when the
/// options are read; here it is not looked at. Errors: usage (64) for an unknown name (the
/// message lists the names: they depend on the output, so only now can it be checked).
std::optional<Output> select_tables(const Output &output, Format format, const std::string &name);

} // namespace isukit::io
