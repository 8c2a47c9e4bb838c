#include <isukit/reports/parties.hpp>
#include <isukit/util/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace isukit::reports {

using io::Column;
using io::ColumnType;
using io::Node;
using util::Lang;

std::vector<const model::Instrument*> select_instruments(const model::Treaty& treaty,
                                                         const std::vector<std::string>& ids) {
  for (const auto& id : ids) {
    if (!treaty.find_instrument(id)) {
      std::string known;
      for (const auto& instrument : treaty.instruments()) {
        known += (known.empty() ? "" : ", ") + instrument.id;
      }
      throw util::Error(util::ExitCode::usage,
                        fmt::format("--instrument: {} has no instrument '{}' (expected one of: {})", treaty.id(), id, known));
    }
  }
  std::vector<const model::Instrument*> selected;
  for (const auto& instrument : treaty.instruments()) {
    if (ids.empty() || std::find(ids.begin(), ids.end(), instrument.id) != ids.end()) {
      selected.push_back(&instrument);
    }
  }
  return selected;
}

namespace {

bool is_first_instrument(const model::Treaty& treaty, const model::Instrument& instrument) {
  return &instrument == &treaty.instruments().front();
}

StateAdherence adherence_of(const model::Treaty& treaty, model::StateId state, const model::Instrument& instrument,
                            const util::Date& date) {
  StateAdherence a;
  a.state = state;
  a.instrument = &instrument;
  const auto signed_on = treaty.signature(state);
  if (signed_on && *signed_on <= date && is_first_instrument(treaty, instrument)) {
    a.signed_on = signed_on;
  }
  const auto deposited = treaty.deposit(state, instrument.id);
  if (!deposited || date < *deposited) {
    a.adherence = a.signed_on ? Adherence::signatory : Adherence::not_party;
    return a;
  }
  a.deposited = deposited;
  a.how = treaty.find_party(state)->how;
  const model::Withdrawal* withdrawal = treaty.find_withdrawal(state, instrument.id);
  if (withdrawal && withdrawal->effective <= date) {
    a.adherence = Adherence::withdrawn;
    a.withdrawal_effective = withdrawal->effective;
    return a;
  }
  a.adherence = Adherence::party;
  a.entry_into_force = treaty.entry_into_force(state, instrument.id);
  a.in_force = *a.entry_into_force <= date;
  return a;
}

} // namespace

std::vector<StateAdherence> adherence_on(const model::Treaty& treaty, const model::StateTable& states,
                                         const std::vector<const model::Instrument*>& instruments,
                                         const util::Date& date) {
  std::vector<model::StateId> by_code(states.size());
  for (std::size_t i = 0; i < by_code.size(); ++i) {
    by_code[i] = static_cast<model::StateId>(i);
  }
  std::sort(by_code.begin(), by_code.end(), [&](auto a, auto b) { return states[a].code < states[b].code; });
  std::vector<StateAdherence> result;
  for (const auto* instrument : instruments) {
    for (const auto state : by_code) {
      result.push_back(adherence_of(treaty, state, *instrument, date));
    }
  }
  return result;
}

std::optional<AdherenceFilter> parse_adherence_filter(std::string_view text) {
  if (text == "party") {
    return AdherenceFilter::party;
  }
  if (text == "signatory") {
    return AdherenceFilter::signatory;
  }
  if (text == "non-party") {
    return AdherenceFilter::non_party;
  }
  if (text == "all") {
    return AdherenceFilter::all;
  }
  return std::nullopt;
}

namespace {

std::string_view adherence_name(Adherence adherence) {
  switch (adherence) {
  case Adherence::party:
    return "party";
  case Adherence::signatory:
    return "signatory";
  case Adherence::withdrawn:
    return "withdrawn";
  case Adherence::not_party:
    return "not_party";
  }
  return "";
}

std::string adherence_label(const StateAdherence& a, Lang lang) {
  switch (a.adherence) {
  case Adherence::party:
    return a.in_force ? lang.text("adherence.party") : lang.text("adherence.party_not_in_force");
  case Adherence::signatory:
    return lang.text("adherence.signatory");
  case Adherence::withdrawn:
    return lang.text("adherence.withdrawn");
  case Adherence::not_party:
    return lang.text("adherence.not_party");
  }
  return "";
}

/// How a state became party, in the reader's language: the catalogue's `how.WORD` for the
/// treaty law words (ratification, accession, ...); any other word as given, as the document keeps it.
std::string how_label(const std::string& how, Lang lang) {
  const std::string id = "how." + how;
  return lang.has(id) ? lang.text(id) : how;
}

bool kept(const StateAdherence& a, AdherenceFilter filter) {
  switch (filter) {
  case AdherenceFilter::party:
    return a.adherence == Adherence::party;
  case AdherenceFilter::signatory:
    return a.adherence == Adherence::signatory;
  case AdherenceFilter::non_party:
    return a.adherence == Adherence::withdrawn || a.adherence == Adherence::not_party;
  case AdherenceFilter::all:
    return true;
  }
  return false;
}

Node optional_date(const std::optional<util::Date>& date) { return date ? Node::string(date->iso()) : Node::null(); }
std::string date_cell(const std::optional<util::Date>& date) { return date ? date->iso() : ""; }
Node count(int n) { return Node::number(std::to_string(n)); }

} // namespace

namespace {

constexpr std::array all_groups = {model::RegionalGroup::african, model::RegionalGroup::asia_pacific,
                                   model::RegionalGroup::eastern_european,
                                   model::RegionalGroup::latin_american_caribbean,
                                   model::RegionalGroup::western_european_others, model::RegionalGroup::none};

/// The counts of one instrument, overall and per regional group (indexed as all_groups).
struct InstrumentCount {
  const model::Instrument* instrument = nullptr;
  int party = 0, in_force = 0, signatory = 0, withdrawn = 0, not_party = 0;
  std::array<int, all_groups.size()> group_parties{}, group_states{};
};

std::vector<InstrumentCount> count_by_instrument(const std::vector<StateAdherence>& adherence,
                                                 const model::StateTable& states) {
  std::vector<InstrumentCount> counts;
  for (const auto& a : adherence) {
    if (counts.empty() || counts.back().instrument != a.instrument) {
      counts.push_back(InstrumentCount{a.instrument});
    }
    auto& c = counts.back();
    c.party += a.adherence == Adherence::party;
    c.in_force += a.in_force;
    c.signatory += a.adherence == Adherence::signatory;
    c.withdrawn += a.adherence == Adherence::withdrawn;
    c.not_party += a.adherence == Adherence::not_party;
    const auto group = static_cast<std::size_t>(states[a.state].group); // the enum's order is all_groups'
    ++c.group_states[group];
    c.group_parties[group] += a.adherence == Adherence::party;
  }
  return counts;
}

io::Table add_counts(Node& document, const std::vector<InstrumentCount>& counts, const model::Treaty& treaty,
                     const util::Date& date, Lang lang) {
  io::Table table;
  table.name = "counts";
  table.title = lang.text("title.adherence", {{"treaty", treaty.short_name(lang)}, {"date", date.iso()}});
  table.columns = {Column{lang.text("label.instrument"), ColumnType::text},
                   Column{lang.text("label.parties"), ColumnType::count},
                   Column{lang.text("label.in_force"), ColumnType::count},
                   Column{lang.text("label.signatories"), ColumnType::count},
                   Column{lang.text("label.withdrawn"), ColumnType::count},
                   Column{lang.text("label.not_party"), ColumnType::count}};
  Node list = Node::sequence();
  for (const auto& c : counts) {
    Node record = Node::mapping();
    record.add("instrument", Node::string(c.instrument->id));
    record.add("parties", count(c.party));
    record.add("in_force", count(c.in_force));
    record.add("signatories", count(c.signatory));
    record.add("withdrawn", count(c.withdrawn));
    record.add("not_party", count(c.not_party));
    list.push(std::move(record));
    table.rows.push_back(io::Row{{c.instrument->name.in(lang), std::to_string(c.party), std::to_string(c.in_force),
                                  std::to_string(c.signatory), std::to_string(c.withdrawn), std::to_string(c.not_party)},
                                 false});
  }
  document.add("counts", std::move(list));
  return table;
}

io::Table add_groups(Node& document, const std::vector<InstrumentCount>& counts, Lang lang) {
  io::Table table;
  table.name = "groups";
  table.title = lang.text("title.parties_by_group");
  table.columns = {Column{lang.text("label.instrument"), ColumnType::text},
                   Column{lang.text("label.regional_group"), ColumnType::text},
                   Column{lang.text("label.parties"), ColumnType::count},
                   Column{lang.text("label.states"), ColumnType::count}};
  Node list = Node::sequence();
  for (const auto& c : counts) {
    for (std::size_t g = 0; g < all_groups.size(); ++g) {
      Node record = Node::mapping();
      record.add("instrument", Node::string(c.instrument->id));
      record.add("group", Node::string(std::string(model::regional_group_code(all_groups[g]))));
      record.add("parties", count(c.group_parties[g]));
      record.add("states", count(c.group_states[g]));
      list.push(std::move(record));
      table.rows.push_back(io::Row{{c.instrument->id, std::string(model::regional_group_name(all_groups[g], lang)),
                                    std::to_string(c.group_parties[g]), std::to_string(c.group_states[g])},
                                   false});
    }
  }
  document.add("by_group", std::move(list));
  return table;
}

io::Table add_states(Node& document, const std::vector<StateAdherence>& adherence, const model::StateTable& states,
                     AdherenceFilter filter, Lang lang) {
  io::Table table;
  table.name = "states";
  table.title = lang.text("label.states");
  table.columns = {Column{lang.text("label.state"), ColumnType::text},
                   Column{lang.text("label.name"), ColumnType::text},
                   Column{lang.text("label.instrument"), ColumnType::text},
                   Column{lang.text("label.standing"), ColumnType::text},
                   Column{lang.text("label.signed"), ColumnType::date},
                   Column{lang.text("label.deposited"), ColumnType::date},
                   Column{lang.text("label.how"), ColumnType::text},
                   Column{lang.text("label.entry_into_force"), ColumnType::date},
                   Column{lang.text("label.withdrawal_effective"), ColumnType::date}};
  Node list = Node::sequence();
  for (const auto& a : adherence) {
    if (!kept(a, filter)) {
      continue;
    }
    const auto& state = states[a.state];
    Node record = Node::mapping();
    record.add("state", Node::string(state.code));
    record.add("instrument", Node::string(a.instrument->id));
    record.add("standing", Node::string(std::string(adherence_name(a.adherence))));
    record.add("in_force", Node::boolean(a.in_force));
    record.add("signed", optional_date(a.signed_on));
    record.add("deposited", optional_date(a.deposited));
    record.add("how", a.how.empty() ? Node::null() : Node::string(a.how));
    record.add("entry_into_force", optional_date(a.entry_into_force));
    record.add("withdrawal_effective", optional_date(a.withdrawal_effective));
    list.push(std::move(record));
    table.rows.push_back(io::Row{{state.code, state.name(lang), a.instrument->id, adherence_label(a, lang),
                                  date_cell(a.signed_on), date_cell(a.deposited), how_label(a.how, lang),
                                  date_cell(a.entry_into_force), date_cell(a.withdrawal_effective)},
                                 false});
  }
  document.add("states", std::move(list));
  return table;
}

} // namespace

io::Output parties_output(const std::vector<StateAdherence>& adherence, const model::Treaty& treaty,
                          const model::StateTable& states, const util::Date& date, AdherenceFilter filter, Lang lang) {
  Node document = Node::mapping();
  document.add("kind", Node::string("parties"));
  document.add("treaty", Node::string(treaty.id()));
  document.add("as_of", Node::string(date.iso()));
  const auto counts = count_by_instrument(adherence, states);
  io::Table summary = add_counts(document, counts, treaty, date, lang);
  io::Table groups = add_groups(document, counts, lang);
  io::Table detail = add_states(document, adherence, states, filter, lang);
  return io::Output{{std::move(document)}, {std::move(summary), std::move(groups), std::move(detail)}, "states"};
}

namespace {

/// The instruments of `named` the state lacks on `date`, the treaty's first one ahead when it
/// lacks that too.
std::vector<const model::Instrument*> lacking(const model::Treaty& treaty, model::StateId state,
                                              const std::vector<const model::Instrument*>& named, const util::Date& date) {
  std::vector<const model::Instrument*> result;
  const model::Instrument* first = &treaty.instruments().front();
  if (!treaty.is_party(state, first->id, date, model::Treaty::Basis::deposit) &&
      std::find(named.begin(), named.end(), first) == named.end()) {
    result.push_back(first);
  }
  for (const auto* instrument : named) {
    if (!treaty.is_party(state, instrument->id, date, model::Treaty::Basis::deposit)) {
      result.push_back(instrument);
    }
  }
  return result;
}

/// The outreach fields of a state's letter (see outreach_letters) from `treaty_standing`, its
/// standing under the treaty's first instrument.
Node outreach_context(Node context, const std::vector<const model::Instrument*>& instruments,
                      const StateAdherence& treaty_standing, const Lang& lang) {
  Node list = Node::sequence();
  for (const auto* instrument : instruments) {
    if (!instrument->outreach.has(lang.code())) {
      util::fail_data(instrument->mark.position(),
                      fmt::format("instrument '{}' has no outreach_{} text for the letter", instrument->id, lang.code()));
    }
    Node item = Node::mapping();
    item.add("name", Node::string(instrument->name.in(lang)));
    item.add("why", Node::string(instrument->outreach.in(lang)));
    list.push(std::move(item));
  }
  context.add("instruments", std::move(list));
  const Adherence standing = treaty_standing.adherence;
  context.add("several", Node::boolean(instruments.size() > 1));
  context.add("party_to_treaty", Node::boolean(standing == Adherence::party));
  context.add("signatory", Node::boolean(standing == Adherence::signatory));
  context.add("accede", Node::boolean(standing == Adherence::withdrawn || standing == Adherence::not_party));
  Node withdrawn = Node::boolean(false);
  if (standing == Adherence::withdrawn) {
    withdrawn = Node::mapping();
    withdrawn.add("date", Node::string(treaty_standing.withdrawal_effective->iso()));
    withdrawn.add("date_long", Node::string(util::long_date(*treaty_standing.withdrawal_effective, lang)));
  }
  context.add("withdrawn", std::move(withdrawn));
  return context;
}

} // namespace

std::vector<io::Letter> outreach_letters(const model::Treaty& treaty, const model::StateTable& states,
                                         const std::vector<const model::Instrument*>& named,
                                         const model::LetterKit& kit, const util::Date& date) {
  const model::Instrument& first = treaty.instruments().front();
  std::vector<io::Letter> letters;
  for (const auto& a : adherence_on(treaty, states, {&first}, date)) {
    const auto missing = lacking(treaty, a.state, named, date);
    if (missing.empty()) {
      continue;
    }
    const Lang lang = kit.lang_for(a.state);
    const Node context = outreach_context(kit.to_state(a.state, states, treaty, date, lang), missing, a, lang);
    letters.push_back(kit.letter(states[a.state].code + "-outreach", context, lang));
  }
  return letters;
}

} // namespace isukit::reports
