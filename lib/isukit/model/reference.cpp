#include <isukit/io/inputs.hpp>
#include <isukit/model/reference.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace isukit::model {

namespace fs = std::filesystem;

namespace {

/// Collects whole documents, streaming nothing.
struct Collector : io::DocumentConsumer {
  std::vector<io::Document> documents;
  std::string_view streamed_list(const std::string&, const io::Node&) override { return {}; }
  void on_record(const std::string&, const io::Node&, const io::Node&) override {}
  void on_document(io::Document document) override { documents.push_back(std::move(document)); }
};

} // namespace

io::Node read_single_document(const fs::path& path, std::string_view expected_kind) {
  Collector collector;
  io::read_inputs({path.string()}, collector);
  if (collector.documents.size() != 1) {
    throw util::Error(util::ExitCode::data, util::Position{path.string(), 0, 0},
                      fmt::format("expected one '{}' document, found {}", expected_kind,
                                  collector.documents.size()));
  }
  io::Document& document = collector.documents.front();
  if (document.kind != expected_kind) {
    document.root.at("kind").fail(
        fmt::format("expected a '{}' document, got kind '{}'", expected_kind, document.kind));
  }
  return std::move(document.root);
}

Reference Reference::load(const fs::path& data_dir) {
  Reference reference;
  reference.m_data_dir = data_dir;
  reference.states = StateTable::from_document(read_single_document(data_dir / "states.yaml", "states"));
  return reference;
}

const std::vector<Scale>& Reference::scales() const {
  if (!m_scales) {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(m_data_dir / "scales", ec)) {
      if (entry.path().extension() == ".yaml") {
        files.push_back(entry.path().string());
      }
    }
    std::sort(files.begin(), files.end());
    m_scales.emplace();
    for (const auto& file : files) {
      m_scales->push_back(Scale::from_document(read_single_document(file, "scale"), states));
    }
  }
  return *m_scales;
}

const Scale* Reference::find_scale(std::string_view id) const {
  for (const auto& scale : scales()) {
    if (scale.id() == id) {
      return &scale;
    }
  }
  return nullptr;
}

const Scale& Reference::scale_for(int year, const std::vector<std::string>& ids) const {
  for (const auto& id : ids) {
    const Scale* scale = find_scale(id);
    if (scale && scale->covers(year)) {
      return *scale;
    }
  }
  throw util::Error(util::ExitCode::data,
                    fmt::format("no scale of assessments covers {} (the treaty names: {})", year,
                                fmt::join(ids, ", ")));
}

Treaty Reference::load_treaty(const fs::path& path) const {
  return Treaty::from_document(read_single_document(path, "treaty"), states);
}

} // namespace isukit::model
