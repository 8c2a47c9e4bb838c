// The shipped reference data, loaded once for all the unit tests that assert its figures.
#pragma once

#include <isukit/model/reference.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>

namespace fixtures {

inline const isukit::model::Reference &reference() {
  static const auto loaded = isukit::model::Reference::load(ISUKIT_SOURCE_DATADIR);
  return loaded;
}

inline const isukit::model::StateTable &states() {
  return reference().states;
}

/// A shipped language: "en", "fr".
inline isukit::util::Lang lang(const std::string &code) {
  const auto found = reference().languages.find(code);
  if (!found) {
    throw std::invalid_argument("no language " + code);
  }
  return *found;
}

/// DATA/treaties/ID.yaml.
inline const isukit::model::Treaty &treaty(const std::string &id) {
  static std::map<std::string, isukit::model::Treaty> loaded;
  auto it = loaded.find(id);
  if (it == loaded.end()) {
    it = loaded
             .emplace(id, reference().load_treaty(std::string(ISUKIT_SOURCE_DATADIR) +
                                                  "/treaties/" + id + ".yaml"))
             .first;
  }
  return it->second;
}

/// A treaty read from YAML text, as if from a file named `name` (for error positions).
inline isukit::model::Treaty treaty_from_text(const std::string &yaml,
                                              const std::string &name = "fund.yaml") {
  const auto dir = std::filesystem::temp_directory_path() / "isukit-unit-treaties";
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path) << yaml;
  return reference().load_treaty(path);
}

/// The smallest valid fund file (as man assess gives it), with `extra` appended under
/// cost_sharing, `parties` as its list and `head` before cost_sharing.
inline std::string fund_yaml(const std::string &extra = "",
                             const std::string &parties = "- {state: FRA}\n- {state: DEU}\n",
                             const std::string &head = "") {
  return "kind: treaty\nid: fund\nname_en: A trust fund\nname_fr: Un fonds\ncurrency: USD\n" +
         head + "cost_sharing:\n  scales: [un-2022-2024, un-2025-2027]\n" + extra + "parties:\n" +
         parties;
}

/// The id of a state that must exist.
inline isukit::model::StateId state(const char *code) {
  const auto id = states().find(code);
  if (!id) {
    throw std::invalid_argument(std::string("no state ") + code);
  }
  return *id;
}

} // namespace fixtures
