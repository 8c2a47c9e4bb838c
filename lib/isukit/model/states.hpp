// The states: codes, names, UN membership, regional group and LDC status over time.
#pragma once

#include <isukit/io/node.hpp>
#include <isukit/io/source.hpp>
#include <isukit/util/date.hpp>
#include <isukit/util/lang.hpp>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isukit::model {

/// Index of a state in its StateTable: small, so per-state arrays are cheap.
using StateId = std::uint16_t;

enum class RegionalGroup {
  african,
  asia_pacific,
  eastern_european,
  latin_american_caribbean,
  western_european_others,
  none
};

std::string_view regional_group_code(RegionalGroup group); // "AFRICAN", ...
std::optional<RegionalGroup> parse_regional_group(std::string_view code);
/// The catalogue's name of the group (`region.AFRICAN`).
std::string regional_group_name(RegionalGroup group, const util::Lang &lang);

struct State {
  std::string code; // ISO 3166-1 alpha-3
  bool un_member = false;
  RegionalGroup group = RegionalGroup::none;
  bool ldc = false; // on the list as of the data's date
  std::optional<util::PartialDate> ldc_graduation;
  /// Its record in the states document its StateTable keeps: the names (name_en, name_fr...)
  /// and formal names (formal_en...) are read from it when asked, since building every name in
  /// six languages cost a call more than a third of reading the states, and a call writes one.
  const io::Node *record = nullptr;

  /// The name in `lang` (`name_CODE`; the table checked at load that every language of
  /// DATA/i18n has one); empty for a language the data does not give.
  const std::string &name(const util::Lang &lang) const { return name(lang.code()); }
  const std::string &name(std::string_view language) const;
  /// The formal name in `lang` (formal_en, formal_fr...: the UNTERM formal name with its
  /// article, "la République française", for a letter's grammar), or the short name where the
  /// data has none (a language may lack it: Türkiye's are a known gap).
  const std::string &formal_name(const util::Lang &lang) const;
  /// The names in every language the data gives, built on each call: for the few callers
  /// that need them all (a document that carries every name, matching a payer by name).
  util::LocalText names() const;
  /// On the LDC list on `date`: before its graduation (a graduation known only to the month or
  /// year counts from the day after that month or year), else as the data says.
  bool is_ldc_on(const util::Date &date) const;
};

class StateTable {
public:
  /// Reads a `states` document, checking codes are ISO-shaped and unique and that every state
  /// has a name in each of `languages` (codes). The table keeps the document: its states' names
  /// are read from it (State::record), and copies of the table share it.
  static StateTable from_document(io::Node root, const std::vector<std::string> &languages);

  const std::vector<State> &states() const { return m_states; }
  const State &operator[](StateId id) const { return m_states[id]; }
  std::size_t size() const { return m_states.size(); }

  /// The id of a code, or nullopt; constant time (a table over all three-letter codes).
  std::optional<StateId> find(std::string_view code) const;
  /// The id of the code in `node`; an unknown code is a data error at the node.
  StateId require(const io::Node &node) const;
  /// What is wrong with `code`, which find() does not know: "unknown state code 'fra' (did you
  /// mean 'FRA'? codes are upper case)", or the kind of code expected.
  std::string unknown_code(std::string_view code) const;
  /// Where the names, membership and groups come from (the file's `source` and `as_of`).
  const io::Source &source() const { return m_source; }

private:
  static int slot(std::string_view code);

  std::shared_ptr<const io::Node> m_document; // what State::record points into
  std::vector<State> m_states;
  io::Source m_source;
  static constexpr std::size_t code_slots = std::size_t{26} * 26 * 26; // every three-letter code
  std::vector<std::int16_t> m_index = std::vector<std::int16_t>(code_slots, -1);
};

} // namespace isukit::model
