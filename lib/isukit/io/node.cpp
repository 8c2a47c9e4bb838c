#include <isukit/io/node.hpp>
#include <isukit/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <mutex>

namespace isukit::io {

util::Position Mark::position() const {
  return util::Position{file ? *file : std::string(), line, column};
}

std::string Mark::located() const {
  return fmt::format("{}:{}:{}", file ? *file : std::string(), line, column);
}

const std::string *intern_file_name(const std::string &name) {
  static std::deque<std::string> names;
  static std::mutex mutex;
  const std::lock_guard lock(mutex);
  for (const auto &existing : names) {
    if (existing == name) {
      return &existing;
    }
  }
  return &names.emplace_back(name);
}

Node Node::string(std::string text) {
  return scalar(std::move(text), Style::string, {});
}
Node Node::number(std::string text) {
  return scalar(std::move(text), Style::number, {});
}
Node Node::boolean(bool value) {
  return scalar(value ? "true" : "false", Style::boolean, {});
}
Node Node::null() {
  return Node();
}
Node Node::mapping() {
  return container(Type::mapping, {});
}
Node Node::sequence() {
  return container(Type::sequence, {});
}

Node Node::scalar(std::string text, Style style, Mark mark) {
  Node node;
  node.m_type = Type::scalar;
  node.m_style = style;
  node.m_text = std::move(text);
  node.m_mark = mark;
  return node;
}

Node Node::container(Type type, Mark mark) {
  Node node;
  node.m_type = type;
  node.m_mark = mark;
  return node;
}

Node &Node::add(std::string key, Node value, Mark key_mark) {
  // Built in place: an Entry made first and moved in would move the value twice.
  Entry &entry = m_entries.emplace_back();
  entry.key = std::move(key);
  entry.key_mark = key_mark;
  entry.value = std::move(value);
  return entry.value;
}

Node &Node::push(Node value) {
  return m_items.emplace_back(std::move(value));
}

void Node::reserve(std::size_t count) {
  if (m_type == Type::sequence) {
    m_items.reserve(count);
  } else if (m_type == Type::mapping) {
    m_entries.reserve(count);
  }
}

const Node *Node::find(std::string_view key) const {
  for (const auto &entry : m_entries) {
    if (entry.key == key) {
      return &entry.value;
    }
  }
  return nullptr;
}

const Node &Node::at(std::string_view key) const {
  const Node *value = as_mapping().find(key);
  if (!value) {
    fail(fmt::format("missing required field '{}'", key));
  }
  return *value;
}

std::string Node::text_or(std::string_view key, std::string fallback) const {
  if (const Node *value = find(key)) {
    return value->as_optional_text();
  }
  return fallback;
}

void Node::fail(std::string message) const {
  util::fail_data(position(), std::move(message));
}

std::string describe(const Node &node) {
  switch (node.type()) {
  case Node::Type::null:
    return "nothing";
  case Node::Type::scalar:
    return fmt::format("'{}'", node.text());
  case Node::Type::sequence:
    return "a list";
  case Node::Type::mapping:
    return node.entries().empty() ? "an empty mapping '{}'" : "a mapping";
  }
  return "?";
}

const std::string &Node::as_text() const {
  const std::string &text = as_any_text();
  // A node built, not read (line 0), is the program's own: only the user's values are checked.
  if (m_mark.line > 0 && util::is_blank(text)) {
    fail(text.empty() ? "this text is empty: the field needs a value"
                      : "this text is empty (only blanks): the field needs a value");
  }
  return text;
}

const std::string &Node::as_optional_text() const {
  const std::string &text = as_any_text();
  return text.empty() ? text : as_text();
}

const std::string &Node::as_any_text() const {
  if (is_null() && m_mark.line > 0) {
    fail("expected text, got no value: YAML reads an empty value and a bare null, Null, NULL or ~ "
         "as no value; quote a text that is one of these (\"Null\")");
  }
  if (!is_scalar()) {
    fail(fmt::format("expected text, got {}", describe(*this)));
  }
  return m_text;
}

namespace {

/// Fails at `node`, which is no date of `forms`: an impossible day says so.
[[noreturn]] void fail_date(const Node &node, std::string_view forms) {
  if (const auto why = node.is_scalar() ? util::impossible_date(node.text()) : std::nullopt) {
    node.fail(*why);
  }
  node.fail(fmt::format("expected a date ({}), got {}", forms, describe(node)));
}

} // namespace

util::Date Node::as_date() const {
  const auto date = is_scalar() ? util::Date::parse(m_text) : std::nullopt;
  if (!date) {
    fail_date(*this, "YYYY-MM-DD");
  }
  if (!util::is_working_year(date->year())) {
    fail(util::outside_working_years(m_text));
  }
  return *date;
}

util::PartialDate Node::as_partial_date() const {
  const auto date = is_scalar() ? util::PartialDate::parse(m_text) : std::nullopt;
  if (!date) {
    fail_date(*this, "YYYY, YYYY-MM or YYYY-MM-DD");
  }
  if (!util::is_working_year(date->earliest().year()) ||
      !util::is_working_year(date->latest().year())) {
    fail(util::outside_working_years(m_text));
  }
  return *date;
}

util::Rational Node::as_decimal() const {
  const auto value = is_scalar() ? util::parse_decimal(m_text) : std::nullopt;
  if (!value && is_scalar() && util::is_plain_decimal(m_text)) {
    fail(fmt::format(
        "this number has more than {} digits before or after its point, more than any rate, share "
        "or quantity needs",
        util::max_decimal_digits));
  }
  if (!value) {
    fail(fmt::format("expected a decimal number such as 0.125, got {}", describe(*this)));
  }
  return *value;
}

util::Money Node::as_money(util::Currency currency) const {
  if (!is_scalar()) {
    fail(fmt::format("expected an amount, got {}", describe(*this)));
  }
  auto parsed = util::parse_money(m_text, currency);
  if (!parsed.money) {
    fail(parsed.error);
  }
  return *parsed.money;
}

util::Money Node::as_nonnegative_money(util::Currency currency, std::string_view what) const {
  const util::Money money = as_money(currency);
  if (money.is_negative()) {
    fail(fmt::format("{} cannot be negative", what));
  }
  return money;
}

util::Currency Node::as_currency() const {
  const auto currency = is_scalar() ? util::Currency::parse(m_text) : std::nullopt;
  if (!currency) {
    fail(util::Currency::refused(is_scalar() ? std::string_view(m_text) : "", describe(*this)));
  }
  return *currency;
}

int Node::as_int() const {
  if (is_scalar() && !m_text.empty() && m_text.size() <= 9 &&
      m_text.find_first_not_of("0123456789") == std::string::npos) {
    return std::stoi(m_text);
  }
  fail(fmt::format("expected a whole number, got {}", describe(*this)));
}

bool Node::as_bool() const {
  if (is_scalar() && (m_text == "true" || m_text == "True" || m_text == "TRUE")) {
    return true;
  }
  if (is_scalar() && (m_text == "false" || m_text == "False" || m_text == "FALSE")) {
    return false;
  }
  fail(fmt::format("expected true or false (YAML 1.2: true, True, TRUE, false, False or FALSE; "
                   "yes, no, on and off are text), got {}",
                   describe(*this)));
}

const std::vector<Node> &Node::as_sequence() const {
  if (!is_sequence()) {
    fail(fmt::format("expected a list, got {}", describe(*this)));
  }
  return m_items;
}

const Node &Node::as_mapping() const {
  if (!is_mapping()) {
    fail(fmt::format("expected a mapping, got {}", describe(*this)));
  }
  return *this;
}

} // namespace isukit::io
