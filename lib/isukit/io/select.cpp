#include <isukit/io/select.hpp>
#include <isukit/util/error.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace isukit::io {

namespace {

bool has_totals(const Table &table) {
  return std::any_of(table.rows.begin(), table.rows.end(),
                     [](const Row &row) { return row.is_total; });
}

/// The table with only the rows whose is_total equals `totals`.
Table rows_where(const Table &table, bool totals, std::string name) {
  Table part{std::move(name), table.title, table.columns, {}, table.notes};
  std::copy_if(table.rows.begin(), table.rows.end(), std::back_inserter(part.rows),
               [totals](const Row &row) { return row.is_total == totals; });
  return part;
}

[[noreturn]] void usage_error(std::string message) {
  throw util::Error(util::ExitCode::usage, std::move(message));
}

} // namespace

std::vector<Table> named_tables(const Output &output) {
  const auto with_totals = std::count_if(output.tables.begin(), output.tables.end(), has_totals);
  std::vector<Table> named;
  for (const auto &table : output.tables) {
    named.push_back(rows_where(table, false, table.name));
    if (has_totals(table)) {
      named.push_back(
          rows_where(table, true, with_totals == 1 ? "totals" : table.name + "-totals"));
    }
  }
  return named;
}

std::string table_names(const Output &output) {
  std::string names;
  for (const auto &table : named_tables(output)) {
    names += names.empty() ? "" : ", ";
    names += table.name;
  }
  return names;
}

std::optional<Output> select_tables(const Output &output, Format format, const std::string &name) {
  const bool documents = writes_documents(format);
  const bool one_table = format == Format::csv || format == Format::tsv;
  if (documents || format == Format::xlsx || (name.empty() && !one_table)) {
    return std::nullopt;
  }
  const std::string wanted = !name.empty()                ? name
                             : !output.main_table.empty() ? output.main_table
                             : output.tables.empty()      ? std::string()
                                                          : output.tables.front().name;
  Output selected;
  selected.main_table = wanted;
  if (output.tables.empty() && name.empty()) {
    return selected;
  }
  for (auto &table : named_tables(output)) {
    if (table.name == wanted) {
      selected.tables.push_back(std::move(table));
      return selected;
    }
  }
  usage_error(
      fmt::format("no table '{}' in this output (it has: {})", wanted, table_names(output)));
}

} // namespace isukit::io
