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

const std::vector<Scale> &Reference::scales() const {
  if (!m_scales) {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(m_data_dir / "scales", ec)) {
      if (entry.path().extension() == ".yaml") {
        files.push_back(entry.path().string());
      }
    }
    std::sort(files.begin(), files.end());
    m_scales.emplace();
    for (const auto &file : files) {
      m_scales->push_back(Scale::from_document(read_single_document(file, "scale"), states));
    }
  }
  return *m_scales;
}

const Scale *find_scale(const std::vector<Scale> &scales, std::string_view id) {
  for (const auto &scale : scales) {
    if (scale.id() == id) {
      return &scale;
    }
  }
  return nullptr;
}

const Scale &scale_for(const std::vector<Scale> &scales, int year,
                       const std::vector<std::string> &ids) {
  for (const auto &id : ids) {
    const Scale *scale = find_scale(scales, id);
    if (scale && scale->covers(year)) {
      return *scale;
    }
  }
  throw util::Error(util::ExitCode::data,
                    fmt::format("no scale of assessments covers {} (the treaty names: {})", year,
                                fmt::join(ids, ", ")));
}

const Scale *Reference::find_scale(std::string_view id) const {
  return model::find_scale(scales(), id);
}

const Scale &Reference::scale_for(int year, const std::vector<std::string> &ids) const {
  return model::scale_for(scales(), year, ids);
}

Treaty Reference::load_treaty(const fs::path &path) const {
  return Treaty::from_document(read_single_document(path, "treaty"), states, languages.codes());
}

} // namespace isukit::model
