#include <isukit/util/error.hpp>
#include <isukit/util/lang.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <stdexcept>

namespace isukit::util {

namespace {

/// The words of a rule: operands, numbers, `%`, `=`, `!=`, `,`, `..`, `and`, `or`.
std::vector<std::string> tokens_of(std::string_view text) {
  std::vector<std::string> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ') {
      ++i;
    } else if (text.substr(i, 2) == ".." || text.substr(i, 2) == "!=") {
      tokens.emplace_back(text.substr(i, 2));
      i += 2;
    } else if (c == '%' || c == '=' || c == ',') {
      tokens.emplace_back(1, c);
      ++i;
    } else {
      std::size_t end = i;
      while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))) {
        ++end;
      }
      tokens.emplace_back(text.substr(i, std::max(end, i + 1) - i));
      i = std::max(end, i + 1);
    }
  }
  return tokens;
}

bool read_number(const std::string &token, std::int64_t &value) {
  const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
  return ec == std::errc() && end == token.data() + token.size();
}

} // namespace

/// Reads a rule's words left to right. Each read_ returns what it expected where the words
/// are not that, or nothing.
class PluralRule::Reader {
public:
  explicit Reader(std::string_view text) : m_tokens(tokens_of(text)) {}

  bool done() const { return m_at == m_tokens.size(); }
  /// The next word, or an empty one after the last.
  std::string next() { return done() ? std::string() : m_tokens[m_at++]; }
  /// Takes the next word when it is `token`.
  bool skip(std::string_view token) {
    const bool found = !done() && m_tokens[m_at] == token;
    m_at += found ? 1 : 0;
    return found;
  }

  /// `n % 10 = 2..4,6`: an operand, an optional modulus, `=` or `!=`, then values and ranges.
  std::string_view read_relation(Relation &relation) {
    if (const auto operand = next(); operand != "n" && operand != "i") {
      return "expected the operand n or i";
    }
    std::string op = next();
    if (op == "%") {
      if (!read_number(next(), relation.modulus) || relation.modulus <= 0) {
        return "expected a modulus after %";
      }
      op = next();
    }
    if (op != "=" && op != "!=") {
      return "expected = or !=";
    }
    relation.equal = op == "=";
    return read_ranges(relation.ranges);
  }

private:
  /// `2..4,6`: values and ranges, separated by commas.
  std::string_view read_ranges(std::vector<std::pair<std::int64_t, std::int64_t>> &ranges) {
    do {
      std::int64_t low = 0;
      if (!read_number(next(), low)) {
        return "expected a number";
      }
      std::int64_t high = low;
      if (skip("..") && (!read_number(next(), high) || high < low)) {
        return "expected a range low..high";
      }
      ranges.emplace_back(low, high);
    } while (skip(","));
    return {};
  }

  std::vector<std::string> m_tokens;
  std::size_t m_at = 0;
};

PluralRule PluralRule::parse(std::string_view text, std::string &error) {
  PluralRule rule;
  Reader reader(text);
  auto fail = [&](std::string_view what) {
    error = fmt::format("plural rule '{}': {}", text, what);
    return PluralRule{};
  };
  rule.m_any_of_all_of.emplace_back();
  while (!reader.done()) {
    Relation relation;
    if (const auto expected = reader.read_relation(relation); !expected.empty()) {
      return fail(expected);
    }
    rule.m_any_of_all_of.back().push_back(std::move(relation));
    if (reader.done()) {
      break;
    }
    const std::string joint = reader.next();
    if (joint == "or") {
      rule.m_any_of_all_of.emplace_back();
    } else if (joint != "and") {
      return fail("expected and or or");
    }
    if (reader.done()) {
      return fail("a condition is missing");
    }
  }
  return rule;
}

bool PluralRule::matches(std::int64_t count) const {
  const std::int64_t n = count < 0 ? -count : count;
  return std::any_of(m_any_of_all_of.begin(), m_any_of_all_of.end(), [n](const auto &all_of) {
    return !all_of.empty() && std::all_of(all_of.begin(), all_of.end(), [n](const Relation &r) {
      const std::int64_t value = r.modulus ? n % r.modulus : n;
      const bool in = std::any_of(r.ranges.begin(), r.ranges.end(), [value](const auto &range) {
        return value >= range.first && value <= range.second;
      });
      return in == r.equal;
    });
  });
}

std::string fill(std::string_view pattern, std::span<const Arg> args) {
  std::string out;
  std::size_t i = 0;
  while (i < pattern.size()) {
    const auto open = pattern.find('{', i);
    if (open == std::string_view::npos) {
      break;
    }
    const auto close = pattern.find('}', open);
    if (close == std::string_view::npos) {
      break;
    }
    out.append(pattern, i, open - i);
    const std::string_view name = pattern.substr(open + 1, close - open - 1);
    const auto arg =
        std::find_if(args.begin(), args.end(), [name](const Arg &a) { return a.first == name; });
    if (arg == args.end()) {
      throw std::logic_error(fmt::format("message '{}' has no argument '{}'", pattern, name));
    }
    out += arg->second;
    i = close + 1;
  }
  out.append(pattern.substr(i));
  return out;
}

std::vector<std::string> parameters_of(std::string_view pattern) {
  std::vector<std::string> names;
  for (auto open = pattern.find('{'); open != std::string_view::npos;
       open = pattern.find('{', open + 1)) {
    const auto close = pattern.find('}', open);
    if (close == std::string_view::npos) {
      break;
    }
    names.emplace_back(pattern.substr(open + 1, close - open - 1));
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

namespace {

const Message &message_of(const Catalogue &catalogue, std::string_view id) {
  const auto it = catalogue.messages.find(id);
  if (it == catalogue.messages.end()) {
    // A message the tools use and every catalogue lacks (misspelt or removed in all of them:
    // the load check compares catalogues only with each other) is bad data, not a bug.
    throw Error(ExitCode::data, Position{fmt::format("DATA/i18n/{}.yaml", catalogue.code), 0, 0},
                fmt::format("no message '{}': every catalogue must hold each message the tools use "
                            "(is it misspelt or removed?)",
                            id));
  }
  return it->second;
}

} // namespace

std::string Lang::text(std::string_view id, std::span<const Arg> args) const {
  return fill(message_of(*m_catalogue, id).forms.at("other"), args);
}

std::string Lang::phrase(std::string_view id, std::initializer_list<Arg> args) const {
  std::string text = this->text(id, args);
  for (const auto &[from, to] : m_catalogue->contractions) {
    if (text.starts_with(from)) {
      return to + text.substr(from.size());
    }
  }
  return text;
}

std::string_view Lang::plural_category(std::int64_t count) const {
  for (const auto &[category, rule] : m_catalogue->plural_rules) {
    if (rule.matches(count)) {
      return category;
    }
  }
  return "other";
}

std::string Lang::plural(std::string_view id, std::int64_t count,
                         std::initializer_list<Arg> args) const {
  const Message &message = message_of(*m_catalogue, id);
  auto form = message.forms.find(plural_category(count));
  if (form == message.forms.end()) {
    form = message.forms.find("other");
  }
  // {count} first, so that `args` need not repeat it.
  std::string text = form->second;
  const std::string digits = std::to_string(count);
  for (auto at = text.find("{count}"); at != std::string::npos;
       at = text.find("{count}", at + digits.size())) {
    text.replace(at, 7, digits);
  }
  return fill(text, std::span<const Arg>(args.begin(), args.size()));
}

const std::string &LocalText::in(std::string_view code) const {
  const auto it = m_texts.find(code);
  return it == m_texts.end() ? m_default : it->second;
}

} // namespace isukit::util
