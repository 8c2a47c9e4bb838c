// The shipped reference data: states, scales and a treaty, loaded from a data directory.
#pragma once

#include <isukit/model/catalogue.hpp>
#include <isukit/model/scale.hpp>
#include <isukit/model/states.hpp>
#include <isukit/model/treaty.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace isukit::model {

/// Reads the one document of `expected_kind` in a file; another kind, several documents, or
/// none (io::require_yaml_document) is a data error.
io::Node read_single_document(const std::filesystem::path &path, std::string_view expected_kind);

/// The states, always; a scale only when asked for, since most subcommands need none and
/// every kilobyte of YAML read costs time in a shell loop.
class Reference {
public:
  /// Loads DATA/i18n/*.yaml and DATA/states.yaml.
  static Reference load(const std::filesystem::path &data_dir);

  Languages languages;
  StateTable states;

  /// The scale `id`, read from DATA/scales/ID.yaml on first use (a scale's file is named after
  /// its id); null when there is no such file. Errors: the scale is not valid
  /// (Scale::from_document), or the file holds the scale of another id.
  const Scale *find_scale(std::string_view id) const;
  /// The first scale among `ids` whose period covers `year`; a data error when none does. The
  /// scales before it are read only as far as their period (each scale's rates cost a call
  /// about 1.4 M instructions, and an apportionment needs one scale).
  const Scale &scale_for(int year, const std::vector<std::string> &ids) const;

  Treaty load_treaty(const std::filesystem::path &path) const;

private:
  std::filesystem::path m_data_dir;
  /// The `scale` document of DATA/scales/ID.yaml, read once; null when there is no such file.
  const io::Node *scale_document(std::string_view id) const;

  mutable std::map<std::string, std::optional<io::Node>, std::less<>> m_scale_documents;
  mutable std::map<std::string, Scale, std::less<>> m_scales;
};

} // namespace isukit::model
