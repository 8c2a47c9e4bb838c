#include <isukit/io/table.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace isukit::io {

namespace {

struct FormatName {
  std::string_view name;
  Format format;
};

constexpr FormatName format_table[] = {
    {"yaml", Format::yaml},         {"json", Format::json},   {"table", Format::table},
    {"markdown", Format::markdown}, {"csv", Format::csv},     {"tsv", Format::tsv},
    {"html", Format::html},         {"latex", Format::latex}, {"xlsx", Format::xlsx},
};

constexpr FormatName extension_table[] = {
    {".yaml", Format::yaml},   {".yml", Format::yaml},          {".json", Format::json},
    {".md", Format::markdown}, {".markdown", Format::markdown}, {".csv", Format::csv},
    {".tsv", Format::tsv},     {".html", Format::html},         {".htm", Format::html},
    {".tex", Format::latex},   {".latex", Format::latex},       {".xlsx", Format::xlsx},
};

} // namespace

std::optional<Format> format_of_extension(std::string_view extension) {
  for (const auto &entry : extension_table) {
    if (entry.name == extension) {
      return entry.format;
    }
  }
  return std::nullopt;
}

std::optional<Format> parse_format(std::string_view name) {
  for (const auto &entry : format_table) {
    if (entry.name == name) {
      return entry.format;
    }
  }
  return std::nullopt;
}

std::string format_names() {
  std::string names;
  for (const auto &entry : format_table) {
    names += names.empty() ? "" : ", ";
    names += entry.name;
  }
  return names;
}

bool writes_documents(Format format) {
  return format == Format::yaml || format == Format::json;
}

void Output::build_tables_for(Format format) {
  if (later_tables && !writes_documents(format)) {
    const auto build = std::move(later_tables);
    later_tables = {};
    build(*this);
  }
}

Output::Output(Node document, Table table, std::string main_table, std::vector<Table> charts)
    : main_table(std::move(main_table)), charts(std::move(charts)) {
  documents.push_back(std::move(document));
  tables.push_back(std::move(table));
}

Output::Output(Node document, std::vector<Table> tables, std::string main_table,
               std::vector<Table> charts)
    : tables(std::move(tables)), main_table(std::move(main_table)), charts(std::move(charts)) {
  documents.push_back(std::move(document));
}

void Output::append(Output other) {
  // Tables renamed and merged must exist: any deferred ones are built first.
  build_tables_for(Format::table);
  other.build_tables_for(Format::table);
  for (auto &document : other.documents) {
    documents.push_back(std::move(document));
  }
  if (main_table.empty() && tables.empty()) {
    main_table = other.main_table;
  }
  for (auto &table : other.tables) {
    const std::string base = table.name;
    for (int n = 2; std::any_of(tables.begin(), tables.end(),
                                [&](const Table &t) { return t.name == table.name; });
         ++n) {
      table.name = fmt::format("{}-{}", base, n);
    }
    tables.push_back(std::move(table));
  }
  for (auto &chart : other.charts) {
    charts.push_back(std::move(chart));
  }
  for (auto &source : other.sources) {
    add_source(sources, std::move(source));
  }
}

} // namespace isukit::io
