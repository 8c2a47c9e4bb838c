#include <isukit/io/shape.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

namespace isukit::io {

namespace {

/// Whether `key` is `pattern` (`name_*`) for one language: `name_` and two or three lower-case
/// letters.
bool matches_language_key(std::string_view pattern, std::string_view key) {
  if (pattern.size() < 2 || pattern.substr(pattern.size() - 2) != "_*") {
    return false;
  }
  const std::string_view prefix = pattern.substr(0, pattern.size() - 1); // `name_`
  if (key.substr(0, prefix.size()) != prefix) {
    return false;
  }
  const std::string_view language = key.substr(prefix.size());
  return (language.size() == 2 || language.size() == 3) &&
         std::all_of(language.begin(), language.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

} // namespace

Shape Shape::scalar() {
  return Shape();
}

Shape Shape::list(Shape item) {
  Shape shape;
  shape.m_type = Type::list;
  shape.m_children.push_back(std::move(item));
  return shape;
}

Shape Shape::mapping(std::vector<Field> fields) {
  Shape shape;
  shape.m_type = Type::mapping;
  for (auto &field : fields) {
    shape.m_keys.push_back(std::move(field.key));
    shape.m_children.push_back(std::move(field.shape));
  }
  return shape;
}

Shape Shape::any() {
  Shape shape;
  shape.m_type = Type::any;
  return shape;
}

Shape Shape::keyed(Shape value) {
  Shape shape;
  shape.m_type = Type::keyed;
  shape.m_children.push_back(std::move(value));
  return shape;
}

const Shape *Shape::field(std::string_view key) const {
  if (m_type != Type::mapping) {
    return nullptr;
  }
  for (std::size_t i = 0; i < m_keys.size(); ++i) {
    if (m_keys[i] == key || matches_language_key(m_keys[i], key)) {
      return &m_children[i];
    }
  }
  return nullptr;
}

void Shape::check(const Node &node) const {
  switch (m_type) {
  case Type::any:
    return;
  case Type::scalar:
    if (!node.is_scalar() && !node.is_null()) {
      node.fail(fmt::format("expected text, got {}", describe(node)));
    }
    return;
  case Type::list:
    if (!node.is_sequence()) {
      node.fail(fmt::format("expected a list, got {}{}", describe(node),
                            node.is_mapping() && !node.entries().empty()
                                ? " (each item of a list starts with '- ')"
                            : node.is_null() ? " (write [] for an empty list)"
                                             : ""));
    }
    for (const auto &item : node.items()) {
      m_children.front().check(item);
    }
    return;
  case Type::mapping:
  case Type::keyed:
    check_mapping(node);
    return;
  }
}

void Shape::check_mapping(const Node &node) const {
  if (!node.is_mapping()) {
    node.fail(fmt::format("expected a mapping, got {}", describe(node)));
  }
  for (const auto &entry : node.entries()) {
    if (m_type == Type::keyed) {
      m_children.front().check(entry.value);
      continue;
    }
    const Shape *shape = field(entry.key);
    if (!shape) {
      const Mark &where = entry.key_mark.line ? entry.key_mark : entry.value.mark();
      util::fail_data(where.position(), fmt::format("unknown field '{}' ({})", entry.key,
                                                    suggestion(entry.key, m_keys)));
    }
    if (entry.value.is_null() && shape->m_type != Type::scalar) {
      // `payments:` with nothing after it: the key is where the user looks.
      const Mark &where = entry.key_mark.line ? entry.key_mark : entry.value.mark();
      util::fail_data(where.position(), fmt::format("'{}' holds nothing; expected {}", entry.key,
                                                    shape->m_type == Type::list
                                                        ? "a list (write [] for an empty list)"
                                                        : "a mapping"));
    }
    shape->check(entry.value);
  }
}

namespace {

/// Optimal string alignment distance: insertions, deletions, substitutions and adjacent
/// transpositions (`yaer` and `ceilling` are one edit from `year` and `ceiling`),
/// case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) {
    d[i][0] = i;
  }
  std::iota(d[0].begin(), d[0].end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
          lower(a[i - 2]) == lower(b[j - 1])) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

} // namespace

std::string_view nearest(std::string_view word, const std::vector<std::string> &candidates) {
  std::string_view best;
  std::size_t best_distance = std::max<std::size_t>(1, word.size() / 3) + 1; // more is another word
  for (const auto &candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

void require_one_of(const Node &value, std::string_view what,
                    const std::vector<std::string> &known) {
  const std::string &text = value.as_text();
  if (std::find(known.begin(), known.end(), text) == known.end()) {
    value.fail(fmt::format("unknown {} '{}' ({})", what, text, suggestion(text, known)));
  }
}

NamedOnce::NamedOnce(std::string what, std::string where)
    : m_what(std::move(what)), m_where(std::move(where)) {}

void NamedOnce::require_new(const Node &name) {
  require_new(name, name.as_text());
}

void NamedOnce::require_new(const Node &at, const std::string &name) {
  const auto [first, inserted] = m_seen.emplace(name, at.mark());
  if (!inserted) {
    at.fail(fmt::format("{} '{}' is named twice in {} (also at {})", m_what, name, m_where,
                        first->second.located()));
  }
}

void require_each_once(const Node &list, std::string what, std::string where) {
  NamedOnce names(std::move(what), std::move(where));
  for (const auto &item : list.as_sequence()) {
    names.require_new(item);
  }
}

std::string suggestion(std::string_view word, const std::vector<std::string> &candidates) {
  const std::string_view guess = nearest(word, candidates);
  return guess.empty() ? fmt::format("expected one of: {}", fmt::join(candidates, ", "))
                       : fmt::format("did you mean '{}'?", guess);
}

} // namespace isukit::io
