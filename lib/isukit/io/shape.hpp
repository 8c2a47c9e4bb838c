// The layout a document must have: which keys each mapping may hold and which fields are lists.
// One generic check, run on every document as it is read, so that a misspelt key (`totl:`,
// `ceilling:`) or a list written without its `-` is an error at its position at every level of
// every kind, never a value silently left out.
#pragma once

#include <isukit/io/node.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace isukit::io {

class Shape {
public:
  struct Field;

  /// Text (or an empty value: whether a field may be empty is the reader's decision).
  static Shape scalar();
  /// A list whose items each have the shape `item`. An empty value or `{}` is not a list.
  static Shape list(Shape item);
  /// A mapping holding only the `fields` named (each optional here; readers require theirs).
  /// A key `name_*` stands for a text per language: `name_en`, `name_fr`, ... (two or three
  /// lower-case letters after the underscore).
  static Shape mapping(std::vector<Field> fields);
  /// A mapping whose keys are data (years, instrument ids), each value of shape `value`; the
  /// reader checks the keys.
  static Shape keyed(Shape value);
  /// Any value, checked by its reader alone (a catalogue's message: a text or its plural forms).
  static Shape any();

  /// Fails (exit 65) at the first value of `node` that does not have this shape: an unknown
  /// key names the nearest known one; a list that is not a list says what it got.
  void check(const Node &node) const;
  /// The shape of `key` in a mapping shape, or null when the key is unknown.
  const Shape *field(std::string_view key) const;
  /// The shape of a list's items, or null when this is not a list shape.
  const Shape *item() const { return m_type == Type::list ? &m_children.front() : nullptr; }

private:
  enum class Type { scalar, list, mapping, keyed, any };
  Type m_type = Type::scalar;
  std::vector<std::string> m_keys; // mapping: the known keys, in document order
  std::vector<Shape> m_children;   // mapping: one per key; list and keyed: the one value shape

  void check_mapping(const Node &node) const;
};

struct Shape::Field {
  std::string key;
  Shape shape;
};

/// The entry of `candidates` nearest to `word` by edit distance (a transposition counts as
/// one edit), or empty when none is near enough to be a slip: at most a third of the word's
/// letters changed, and at least one.
std::string_view nearest(std::string_view word, const std::vector<std::string> &candidates);

/// `did you mean 'year'?` when a candidate is near `word`, else `expected one of: a, b, c`: the
/// parenthesis of every "unknown ..." message.
std::string suggestion(std::string_view word, const std::vector<std::string> &candidates);

/// Fails (exit 65) at `value` when its text is none of `known`: "unknown `what` 'Female' (did
/// you mean 'female'?)". The check of a value that must be one of the data's own names.
void require_one_of(const Node &value, std::string_view what,
                    const std::vector<std::string> &known);

/// Names that must each be given once (the lines a share rule sums, a programme's regional
/// groups, the ids of budgets): a name given twice would be counted, or become a record, twice.
/// The second is an error at it (exit 65) naming the first: "line 'a' is named twice in 'of'
/// (also at b.yaml:8:49)".
class NamedOnce {
public:
  /// `what` is what a name names ("line", "budget"); `where` where they are given ("'of'",
  /// "the inputs").
  NamedOnce(std::string what, std::string where);
  /// Fails (exit 65) at `name` when an earlier name had its text.
  void require_new(const Node &name);
  /// The same for a name made of several values (a State and an instrument), failing at `at`.
  void require_new(const Node &at, const std::string &name);

private:
  std::string m_what;
  std::string m_where;
  std::map<std::string, Mark> m_seen;
};

/// Each item of `list` once (NamedOnce(what, where) over its items).
void require_each_once(const Node &list, std::string what, std::string where);

} // namespace isukit::io
