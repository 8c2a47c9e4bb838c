#include <isukit/io/shape.hpp>
#include <isukit/model/catalogue.hpp>
#include <isukit/model/states.hpp>
#include <isukit/util/locale.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <vector>

namespace isukit::model {

namespace {

struct GroupName {
  RegionalGroup group;
  std::string_view code;
};

// Their names are the catalogue's `region.CODE` messages.
constexpr GroupName group_names[] = {
    {RegionalGroup::african, "AFRICAN"},
    {RegionalGroup::asia_pacific, "ASIA_PACIFIC"},
    {RegionalGroup::eastern_european, "EASTERN_EUROPEAN"},
    {RegionalGroup::latin_american_caribbean, "LATIN_AMERICAN_CARIBBEAN"},
    {RegionalGroup::western_european_others, "WESTERN_EUROPEAN_OTHERS"},
    {RegionalGroup::none, "NONE"},
};

/// The names of a state's record are read when asked (State::name); at load they are only
/// checked, in the order reading them did: every name text, one in each of `languages`, every
/// formal name text.
void check_names(const io::Node &record, const std::vector<std::string> &languages) {
  check_local_text(record, "name");
  for (const auto &language : languages) {
    if (!find_local_text(record, "name", language)) {
      fail_missing_language(record, "name", language);
    }
  }
  check_local_text(record, "formal");
}

} // namespace

std::string_view regional_group_code(RegionalGroup group) {
  for (const auto &entry : group_names) {
    if (entry.group == group) {
      return entry.code;
    }
  }
  return "NONE";
}

std::optional<RegionalGroup> parse_regional_group(std::string_view code) {
  for (const auto &entry : group_names) {
    if (entry.code == code) {
      return entry.group;
    }
  }
  return std::nullopt;
}

std::string regional_group_name(RegionalGroup group, const util::Lang &lang) {
  return lang.text(fmt::format("region.{}", regional_group_code(group)));
}

const std::string &State::name(std::string_view language) const {
  static const std::string none;
  const io::Node *text = record ? find_local_text(*record, "name", language) : nullptr;
  return text ? text->text() : none;
}

const std::string &State::formal_name(const util::Lang &lang) const {
  const io::Node *formal = record ? find_local_text(*record, "formal", lang.code()) : nullptr;
  return formal ? formal->text() : name(lang);
}

util::LocalText State::names() const {
  return record ? read_local_text(*record, "name") : util::LocalText();
}

bool State::is_ldc_on(const util::Date &date) const {
  if (!ldc_graduation) {
    return ldc;
  }
  // Off the list from the graduation day, or from the day after the month or year that is
  // all the source gives.
  const bool exact = ldc_graduation->precision() == util::PartialDate::Precision::day;
  const util::Date off_list =
      exact ? ldc_graduation->earliest() : ldc_graduation->latest().add_days(1);
  return date < off_list;
}

int StateTable::slot(std::string_view code) {
  if (code.size() != 3) {
    return -1;
  }
  int value = 0;
  for (char c : code) {
    if (c < 'A' || c > 'Z') {
      return -1;
    }
    value = value * 26 + (c - 'A');
  }
  return value;
}

std::optional<StateId> StateTable::find(std::string_view code) const {
  const int s = slot(code);
  if (s < 0 || m_index[static_cast<std::size_t>(s)] < 0) {
    return std::nullopt;
  }
  return static_cast<StateId>(m_index[static_cast<std::size_t>(s)]);
}

StateId StateTable::require(const io::Node &node) const {
  const auto id = find(node.as_text());
  if (!id) {
    node.fail(unknown_code(node.text()));
  }
  return *id;
}

namespace {

/// At most this many states are suggested for an unknown code.
constexpr std::size_t max_suggested = 4;

/// The states whose code is near `upper` (io::nearest: a slip of a letter, or an alpha-2 code
/// one letter short, KE for KEN), those with its first letter first (a slip is likelier later
/// in the word), else in the table's order; at most max_suggested.
std::vector<StateId> near_codes(const std::vector<State> &states, std::string_view upper) {
  std::vector<std::string> codes;
  for (const auto &state : states) {
    codes.push_back(state.code);
  }
  std::vector<std::string> near;
  for (std::string_view guess = io::nearest(upper, codes); !guess.empty();
       guess = io::nearest(upper, codes)) {
    near.emplace_back(guess);
    codes.erase(std::find(codes.begin(), codes.end(), guess));
  }
  std::vector<StateId> ids;
  for (std::size_t i = 0; i < states.size(); ++i) {
    if (std::find(near.begin(), near.end(), states[i].code) != near.end()) {
      ids.push_back(static_cast<StateId>(i));
    }
  }
  std::stable_partition(ids.begin(), ids.end(), [&](StateId id) {
    return !upper.empty() && states[id].code.front() == upper.front();
  });
  ids.resize(std::min(ids.size(), max_suggested));
  return ids;
}

/// The state whose name in some language is `text` or nearest to it, regardless of case
/// ("KENYA", "Frnace"), if any is near (io::nearest).
std::optional<StateId> near_name(const std::vector<State> &states, std::string_view text) {
  std::vector<std::string> names;
  std::vector<StateId> owners;
  for (std::size_t i = 0; i < states.size(); ++i) {
    const util::LocalText all = states[i].names(); // .all() refers into it
    for (const auto &[language, name] : all.all()) {
      names.push_back(util::fold_case(name));
      owners.push_back(static_cast<StateId>(i));
    }
  }
  const std::string folded = util::fold_case(text);
  const auto exact = std::find(names.begin(), names.end(), folded);
  const std::string_view guess =
      exact != names.end() ? std::string_view(*exact) : io::nearest(folded, names);
  if (guess.empty()) {
    return std::nullopt;
  }
  const auto at = std::find(names.begin(), names.end(), guess);
  return owners[static_cast<std::size_t>(at - names.begin())];
}

/// "'FIN' (Finland) or 'FRA' (France)".
std::string code_list(const std::vector<State> &states, const std::vector<StateId> &ids) {
  std::vector<std::string> each;
  for (const StateId id : ids) {
    each.push_back(fmt::format("'{}' ({})", states[id].code, states[id].name("en")));
  }
  const std::string last = each.back();
  each.pop_back();
  return each.empty() ? last : fmt::format("{} or {}", fmt::join(each, ", "), last);
}

} // namespace

std::string StateTable::unknown_code(std::string_view code) const {
  std::string upper(code);
  std::transform(upper.begin(), upper.end(), upper.begin(), [](char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  });
  if (find(upper)) {
    return fmt::format("unknown state code '{}' (did you mean '{}'? codes are upper case)", code,
                       upper);
  }
  std::vector<StateId> near = near_codes(m_states, upper);
  const auto named = near_name(m_states, code);
  if (named && std::find(near.begin(), near.end(), *named) == near.end()) {
    near.insert(near.begin(), *named); // a name written out is what was meant
    near.resize(std::min(near.size(), max_suggested));
  }
  return fmt::format("unknown state code '{}' ({})", code,
                     near.empty()
                         ? std::string("expected an ISO 3166-1 alpha-3 code in states.yaml")
                         : fmt::format("did you mean {}? codes are ISO 3166-1 alpha-3",
                                       code_list(m_states, near)));
}

StateTable StateTable::from_document(io::Node root, const std::vector<std::string> &languages) {
  StateTable table;
  table.m_source = io::Source::of(root, "source.states");
  table.m_document = std::make_shared<const io::Node>(std::move(root));
  const auto &records = table.m_document->at("states").as_sequence();
  table.m_states.reserve(records.size());
  for (const auto &record : records) {
    State state;
    const io::Node &code = record.at("code");
    state.code = code.as_text();
    const int s = slot(state.code);
    if (s < 0) {
      code.fail(fmt::format("expected a three-letter upper-case code, got '{}'", state.code));
    }
    if (table.m_index[static_cast<std::size_t>(s)] >= 0) {
      code.fail(fmt::format("state '{}' is listed twice", state.code));
    }
    check_names(record, languages);
    state.record = &record;
    state.un_member = record.at("un_member").as_bool();
    const io::Node &group = record.at("regional_group");
    const auto parsed = parse_regional_group(group.as_text());
    if (!parsed) {
      group.fail(fmt::format("unknown regional group '{}'", group.text()));
    }
    state.group = *parsed;
    state.ldc = record.at("ldc").as_bool();
    if (const io::Node *graduation = record.find("ldc_graduation")) {
      state.ldc_graduation = graduation->as_partial_date();
    }
    table.m_index[static_cast<std::size_t>(s)] = static_cast<std::int16_t>(table.m_states.size());
    table.m_states.push_back(std::move(state));
  }
  return table;
}

} // namespace isukit::model
