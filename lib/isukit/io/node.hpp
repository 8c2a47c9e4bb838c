// A YAML value that remembers where it was read: the tree every document is read into, and
// the tree every result is written from.
#pragma once

#include <isukit/util/date.hpp>
#include <isukit/util/decimal.hpp>
#include <isukit/util/error.hpp>
#include <isukit/util/money.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace isukit::io {

/// A compact position; the file name is interned so that a million nodes share one string.
struct Mark {
  const std::string *file = nullptr;
  int line = 0; // 1-based; 0 when the node was built, not read
  int column = 0;

  util::Position position() const;
  /// `file:line:col`, for a message that names a second position ("also at ...").
  std::string located() const;
};

/// Keeps `name` alive for the life of the process and returns a stable pointer to it.
const std::string *intern_file_name(const std::string &name);

class Node {
public:
  enum class Type { null, scalar, sequence, mapping };
  /// How a scalar is written: `string` is quoted where YAML would read it as something else;
  /// `number` and `boolean` are written bare (and bare in JSON); `quoted` records that the
  /// source quoted it.
  enum class Style { string, number, boolean, quoted };

  struct Entry;

  Node() = default;

  // --- Building ---
  static Node string(std::string text);
  static Node number(std::string text);
  static Node boolean(bool value);
  static Node null();
  static Node mapping();
  static Node sequence();
  static Node scalar(std::string text, Style style, Mark mark);
  static Node container(Type type, Mark mark);

  /// Appends a key to a mapping, keeping insertion order (output is deterministic). The
  /// reference returned is valid until the next add to the same mapping.
  Node &add(std::string key, Node value, Mark key_mark = {});
  /// Appends an item to a sequence; the reference is valid until the next push.
  Node &push(Node value);
  /// Makes room for `count` items (a sequence) or entries (a mapping), for a reader that
  /// knows how many follow.
  void reserve(std::size_t count);

  // --- Reading ---
  Type type() const { return m_type; }
  Style style() const { return m_style; }
  const Mark &mark() const { return m_mark; }
  util::Position position() const { return m_mark.position(); }
  bool is_null() const { return m_type == Type::null; }
  bool is_scalar() const { return m_type == Type::scalar; }
  bool is_mapping() const { return m_type == Type::mapping; }
  bool is_sequence() const { return m_type == Type::sequence; }

  const std::string &text() const { return m_text; }
  const std::vector<Node> &items() const { return m_items; }
  const std::vector<Entry> &entries() const { return m_entries; }

  /// The value of `key` in a mapping, or null.
  const Node *find(std::string_view key) const;
  /// The value of `key`; a missing key is a data error at this mapping.
  const Node &at(std::string_view key) const;
  /// The text of an optional field (as_optional_text: empty says "none", only blanks is an
  /// error at it), or `fallback` when the key is absent.
  std::string text_or(std::string_view key, std::string fallback = {}) const;

  /// Typed views; each throws a data error at this node naming what was expected.
  /// Required text: a value read that is empty or only blanks (util::is_blank: spaces, tabs,
  /// line ends, a no-break or ideographic space...) is a data error at it, "this text is
  /// empty", as a missing one is.
  const std::string &as_text() const;
  /// Optional text: empty says "none" (a treaty file's payment fields, an email); a value read
  /// of only blanks is the data error as_text gives (it would go into a letter as a value).
  const std::string &as_optional_text() const;
  /// Any text, empty or blanks included: a value whose blanks are the value (a tab separator,
  /// a space grouping), or one its reader checks in its own words.
  const std::string &as_any_text() const;
  util::Date as_date() const;
  util::PartialDate as_partial_date() const;
  util::Rational as_decimal() const;
  util::Money as_money(util::Currency currency) const;
  /// An amount that cannot be below zero (a cost, a fund, an assessment); a negative one is a
  /// data error at this node: "`what` cannot be negative".
  util::Money as_nonnegative_money(util::Currency currency, std::string_view what) const;
  util::Currency as_currency() const;
  int as_int() const;
  /// The booleans of YAML 1.2's core schema: true, True, TRUE, false, False, FALSE. YAML 1.1's
  /// yes/no/on/off are refused, so that one rule holds for every boolean field.
  bool as_bool() const;
  const std::vector<Node> &as_sequence() const;
  const Node &as_mapping() const;

  [[noreturn]] void fail(std::string message) const;

private:
  Type m_type = Type::null;
  Style m_style = Style::string;
  Mark m_mark;
  std::string m_text;
  std::vector<Node> m_items;
  std::vector<Entry> m_entries;
};

struct Node::Entry {
  std::string key;
  Mark key_mark;
  Node value;
};

/// `"text"` for messages: the value as the user wrote it, or its type.
std::string describe(const Node &node);

} // namespace isukit::io
