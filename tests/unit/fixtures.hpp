// The shipped reference data, loaded once for all the unit tests that assert its figures.
#pragma once

#include <isukit/model/reference.hpp>

#include <map>
#include <stdexcept>
#include <string>

namespace fixtures {

inline const isukit::model::Reference& reference() {
  static const auto loaded = isukit::model::Reference::load(ISUKIT_SOURCE_DATADIR);
  return loaded;
}

inline const isukit::model::StateTable& states() { return reference().states; }

/// DATA/treaties/ID.yaml.
inline const isukit::model::Treaty& treaty(const std::string& id) {
  static std::map<std::string, isukit::model::Treaty> loaded;
  auto it = loaded.find(id);
  if (it == loaded.end()) {
    it = loaded.emplace(id, reference().load_treaty(std::string(ISUKIT_SOURCE_DATADIR) + "/treaties/" + id + ".yaml")).first;
  }
  return it->second;
}

/// The id of a state that must exist.
inline isukit::model::StateId state(const char* code) {
  const auto id = states().find(code);
  if (!id) {
    throw std::invalid_argument(std::string("no state ") + code);
  }
  return *id;
}

} // namespace fixtures
