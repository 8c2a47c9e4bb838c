#include <isukit/io/table.hpp>

namespace isukit::io {

namespace {

struct FormatName {
  std::string_view name;
  Format format;
};

constexpr FormatName format_table[] = {
    {"yaml", Format::yaml}, {"json", Format::json}, {"table", Format::table},
    {"markdown", Format::markdown}, {"csv", Format::csv}, {"tsv", Format::tsv},
    {"html", Format::html}, {"latex", Format::latex},
};

} // namespace

std::optional<Format> parse_format(std::string_view name) {
  for (const auto& entry : format_table) {
    if (entry.name == name) {
      return entry.format;
    }
  }
  return std::nullopt;
}

std::string format_names() {
  std::string names;
  for (const auto& entry : format_table) {
    names += names.empty() ? "" : ", ";
    names += entry.name;
  }
  return names;
}

void Output::append(Output other) {
  for (auto& document : other.documents) {
    documents.push_back(std::move(document));
  }
  for (auto& table : other.tables) {
    tables.push_back(std::move(table));
  }
}

} // namespace isukit::io
