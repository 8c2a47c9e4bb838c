#include <isukit/io/inputs.hpp>
#include <isukit/io/node_cache.hpp>
#include <isukit/model/documents.hpp>
#include <isukit/model/reference.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace isukit::model {

namespace fs = std::filesystem;

io::Node read_single_document(const fs::path &path, std::string_view expected_kind) {
  const std::string content = io::read_file(path.string());
  const std::string name = io::input_name(path.string());
  io::require_yaml_document(name, content);
  auto documents = io::read_yaml_cached(name, content);
  if (documents.size() != 1) {
    throw util::Error(
        util::ExitCode::data, util::Position{name, 0, 0},
        fmt::format("expected one '{}' document, found {}", expected_kind, documents.size()));
  }
  io::Document &document = documents.front();
  if (document.kind != expected_kind) {
    document.root.at("kind").fail(
        fmt::format("expected a '{}' document, got kind '{}'", expected_kind, document.kind));
  }
  check_layout(document);
  return std::move(document.root);
}

Reference Reference::load(const fs::path &data_dir) {
  Reference reference;
  reference.m_data_dir = data_dir;
  reference.languages = Languages::load(data_dir);
  reference.states = StateTable::from_document(
      read_single_document(data_dir / "states.yaml", "states"), reference.languages.codes());
  return reference;
}

const io::Node *Reference::scale_document(std::string_view id) const {
  auto found = m_scale_documents.find(id);
  if (found == m_scale_documents.end()) {
    std::optional<io::Node> document;
    const fs::path file = m_data_dir / "scales" / (std::string(id) + ".yaml");
    std::error_code ec;
    // An id names a file of DATA/scales, never a path elsewhere.
    if (!id.empty() && id.find('/') == std::string_view::npos && id.front() != '.' &&
        fs::is_regular_file(file, ec)) {
      document = read_single_document(file, "scale");
      const io::Node &named = document->at("id");
      if (named.as_text() != id) {
        named.fail(fmt::format("this is the scale '{}' in the file of the scale '{}' (a scale's "
                               "file is named after its id)",
                               named.as_text(), id));
      }
    }
    found = m_scale_documents.emplace(std::string(id), std::move(document)).first;
  }
  return found->second ? &*found->second : nullptr;
}

const Scale *Reference::find_scale(std::string_view id) const {
  auto found = m_scales.find(id);
  if (found == m_scales.end()) {
    const io::Node *document = scale_document(id);
    if (!document) {
      return nullptr;
    }
    found = m_scales.emplace(std::string(id), Scale::from_document(*document, states)).first;
  }
  return &found->second;
}

const Scale &Reference::scale_for(int year, const std::vector<std::string> &ids) const {
  for (const auto &id : ids) {
    const io::Node *document = scale_document(id);
    if (document && Scale::period_of(*document).covers(year)) {
      return *find_scale(id);
    }
  }
  throw util::Error(util::ExitCode::data,
                    fmt::format("no scale of assessments covers {} (the treaty names: {})", year,
                                fmt::join(ids, ", ")));
}

Treaty Reference::load_treaty(const fs::path &path) const {
  return Treaty::from_document(read_single_document(path, "treaty"), states, languages.codes());
}

} // namespace isukit::model
