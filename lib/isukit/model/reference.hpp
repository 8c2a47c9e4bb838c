// The shipped reference data: states, scales and a treaty, loaded from a data directory.
#pragma once

#include <isukit/model/catalogue.hpp>
#include <isukit/model/scale.hpp>
#include <isukit/model/states.hpp>
#include <isukit/model/treaty.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace isukit::model {

/// Reads the one document of `expected_kind` in a file; another kind, several documents, or
/// none (io::require_yaml_document) is a data error.
io::Node read_single_document(const std::filesystem::path &path, std::string_view expected_kind);

/// The states, always; the scales only when asked for, since most subcommands need none and
/// every kilobyte of YAML read costs time in a shell loop.
class Reference {
public:
  /// Loads DATA/i18n/*.yaml and DATA/states.yaml.
  static Reference load(const std::filesystem::path &data_dir);

  Languages languages;
  StateTable states;

  /// Every DATA/scales/*.yaml, read on first use.
  const std::vector<Scale> &scales() const;
  /// The scale among `ids` whose period covers `year`; a data error when none does.
  const Scale &scale_for(int year, const std::vector<std::string> &ids) const;
  const Scale *find_scale(std::string_view id) const;

  Treaty load_treaty(const std::filesystem::path &path) const;

private:
  std::filesystem::path m_data_dir;
  mutable std::optional<std::vector<Scale>> m_scales;
};

} // namespace isukit::model
