#include <isukit/io/source.hpp>

#include <algorithm>

namespace isukit::io {

Source Source::of(const Node &root, std::string what) {
  return Source{std::move(what), root.text_or("id", root.text_or("kind")), root.text_or("source"),
                root.text_or("as_of")};
}

void add_source(std::vector<Source> &sources, Source source) {
  const bool known = std::any_of(sources.begin(), sources.end(), [&](const Source &s) {
    return s.what == source.what && s.id == source.id;
  });
  if (!known) {
    sources.push_back(std::move(source));
  }
}

} // namespace isukit::io
