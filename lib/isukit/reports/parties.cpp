#include <isukit/io/fields.hpp>
#include <isukit/reports/parties.hpp>
#include <isukit/util/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <iterator>

namespace isukit::reports {

using io::Node;
using io::Value;
using util::Lang;

std::vector<const model::Instrument *> select_instruments(const model::Treaty &treaty,
                                                          const std::vector<std::string> &ids) {
  for (const auto &id : ids) {
    if (!treaty.find_instrument(id)) {
      std::string known;
      for (const auto &instrument : treaty.instruments()) {
        known += (known.empty() ? "" : ", ") + instrument.id;
      }
      throw util::Error(util::ExitCode::usage,
                        fmt::format("--instrument: {} has no instrument '{}' (expected one of: {})",
                                    treaty.id(), id, known));
    }
  }
  std::vector<const model::Instrument *> selected;
  for (const auto &instrument : treaty.instruments()) {
    if (ids.empty() || std::find(ids.begin(), ids.end(), instrument.id) != ids.end()) {
      selected.push_back(&instrument);
    }
  }
  return selected;
}

namespace {

bool is_first_instrument(const model::Treaty &treaty, const model::Instrument &instrument) {
  return &instrument == &treaty.instruments().front();
}

StateAdherence adherence_of(const model::Treaty &treaty, model::StateId state,
                            const model::Instrument &instrument, const util::Date &date) {
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
  const model::Withdrawal *withdrawal = treaty.find_withdrawal(state, instrument.id);
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

std::vector<StateAdherence> adherence_on(const model::Treaty &treaty,
                                         const model::StateTable &states,
                                         const std::vector<const model::Instrument *> &instruments,
                                         const util::Date &date) {
  std::vector<model::StateId> by_code(states.size());
  for (std::size_t i = 0; i < by_code.size(); ++i) {
    by_code[i] = static_cast<model::StateId>(i);
  }
  std::sort(by_code.begin(), by_code.end(),
            [&](auto a, auto b) { return states[a].code < states[b].code; });
  std::vector<StateAdherence> result;
  for (const auto *instrument : instruments) {
    for (const auto state : by_code) {
      result.push_back(adherence_of(treaty, state, *instrument, date));
    }
  }
  return result;
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

std::string adherence_label(const StateAdherence &a, const Lang &lang) {
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
/// treaty law words (ratification, accession, ...); any other word as given, as the document keeps
/// it.
std::string how_label(const std::string &how, const Lang &lang) {
  const std::string id = "how." + how;
  return lang.has(id) ? lang.text(id) : how;
}

bool kept(const StateAdherence &a, AdherenceFilter filter) {
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

} // namespace

namespace {

constexpr std::array all_groups = {model::RegionalGroup::african,
                                   model::RegionalGroup::asia_pacific,
                                   model::RegionalGroup::eastern_european,
                                   model::RegionalGroup::latin_american_caribbean,
                                   model::RegionalGroup::western_european_others,
                                   model::RegionalGroup::none};

/// The counts of one instrument, overall and per regional group (indexed as all_groups).
struct InstrumentCount {
  const model::Instrument *instrument = nullptr;
  int party = 0, in_force = 0, signatory = 0, withdrawn = 0, not_party = 0;
  std::array<int, all_groups.size()> group_parties{}, group_states{};
};

std::vector<InstrumentCount> count_by_instrument(const std::vector<StateAdherence> &adherence,
                                                 const model::StateTable &states) {
  std::vector<InstrumentCount> counts;
  for (const auto &a : adherence) {
    if (counts.empty() || counts.back().instrument != a.instrument) {
      counts.push_back(InstrumentCount{a.instrument});
    }
    auto &c = counts.back();
    c.party += a.adherence == Adherence::party;
    c.in_force += a.in_force;
    c.signatory += a.adherence == Adherence::signatory;
    c.withdrawn += a.adherence == Adherence::withdrawn;
    c.not_party += a.adherence == Adherence::not_party;
    const auto group =
        static_cast<std::size_t>(states[a.state].group); // the enum's order is all_groups'
    ++c.group_states[group];
    c.group_parties[group] += a.adherence == Adherence::party;
  }
  return counts;
}

Value count(int n) {
  return std::to_string(n);
}

io::Field<InstrumentCount> count_field(const char *key, const char *label,
                                       int InstrumentCount::*member) {
  return {.key = key,
          .label = label,
          .type = io::FieldType::count,
          .value = [member](const InstrumentCount &c) { return count(c.*member); }};
}

/// One instrument's counts: the summary table.
const io::Fields<InstrumentCount> count_fields = {
    {.key = "instrument",
     .label = "label.instrument",
     .value = [](const InstrumentCount &c) { return c.instrument->id; },
     .shown = [](const InstrumentCount &c,
                 const Lang &lang) { return c.instrument->name.in(lang); }},
    count_field("parties", "label.parties", &InstrumentCount::party),
    count_field("in_force", "label.in_force", &InstrumentCount::in_force),
    count_field("signatories", "label.signatories", &InstrumentCount::signatory),
    count_field("withdrawn", "label.withdrawn", &InstrumentCount::withdrawn),
    count_field("not_party", "label.not_party", &InstrumentCount::not_party),
};

/// The parties among the states of one regional group, for one instrument.
struct GroupCount {
  const model::Instrument *instrument;
  model::RegionalGroup group;
  int parties, states;
};

std::vector<GroupCount> by_group(const std::vector<InstrumentCount> &counts) {
  std::vector<GroupCount> groups;
  for (const auto &c : counts) {
    for (std::size_t g = 0; g < all_groups.size(); ++g) {
      groups.push_back({c.instrument, all_groups[g], c.group_parties[g], c.group_states[g]});
    }
  }
  return groups;
}

const io::Fields<GroupCount> group_fields = {
    {.key = "instrument",
     .label = "label.instrument",
     .value = [](const GroupCount &g) { return g.instrument->id; }},
    {.key = "group",
     .label = "label.regional_group",
     .type = io::FieldType::code,
     .words = "region.",
     .value = [](const GroupCount &g) { return std::string(model::regional_group_code(g.group)); }},
    {.key = "parties",
     .label = "label.parties",
     .type = io::FieldType::count,
     .value = [](const GroupCount &g) { return count(g.parties); }},
    {.key = "states",
     .label = "label.states",
     .type = io::FieldType::count,
     .value = [](const GroupCount &g) { return count(g.states); }},
};

/// Each state's standing under each instrument: the detail table.
// NOLINTNEXTLINE(readability-function-size): a declarative list reads best whole.
io::Fields<StateAdherence> state_fields(const model::StateTable &states) {
  using A = StateAdherence;
  io::Fields<A> fields = {
      {.key = "state",
       .label = "label.state",
       .value = [&states](const A &a) { return states[a.state].code; }},
      {.label = "label.name",
       .shown = [&states](const A &a, const Lang &lang) { return states[a.state].name(lang); }},
      {.key = "instrument",
       .label = "label.instrument",
       .value = [](const A &a) { return a.instrument->id; }},
      {.key = "standing",
       .label = "label.standing",
       .type = io::FieldType::code,
       .value = [](const A &a) { return std::string(adherence_name(a.adherence)); },
       .shown = adherence_label},
      {.key = "in_force",
       .type = io::FieldType::flag,
       .value = [](const A &a) { return io::flag(a.in_force); }},
      {.key = "signed",
       .label = "label.signed",
       .type = io::FieldType::date,
       .value = [](const A &a) { return io::iso(a.signed_on); }},
      {.key = "deposited",
       .label = "label.deposited",
       .type = io::FieldType::date,
       .value = [](const A &a) { return io::iso(a.deposited); }},
      {.key = "how",
       .label = "label.how",
       .type = io::FieldType::code,
       .value = [](const A &a) { return a.how.empty() ? Value() : Value(a.how); },
       .shown = [](const A &a, const Lang &lang) { return how_label(a.how, lang); }},
      {.key = "entry_into_force",
       .label = "label.entry_into_force",
       .type = io::FieldType::date,
       .value = [](const A &a) { return io::iso(a.entry_into_force); }},
      {.key = "withdrawal_effective",
       .label = "label.withdrawal_effective",
       .type = io::FieldType::date,
       .value = [](const A &a) { return io::iso(a.withdrawal_effective); }},
  };
  return fields;
}

} // namespace

io::Output parties_output(const std::vector<StateAdherence> &adherence, const model::Treaty &treaty,
                          const model::StateTable &states, const util::Date &date,
                          AdherenceFilter filter, const Lang &lang) {
  const auto counts = count_by_instrument(adherence, states);
  const auto groups = by_group(counts);
  std::vector<StateAdherence> listed;
  std::copy_if(adherence.begin(), adherence.end(), std::back_inserter(listed),
               [filter](const StateAdherence &a) { return kept(a, filter); });
  const auto fields = state_fields(states);
  Node document = Node::mapping();
  document.add("kind", Node::string("parties"));
  document.add("treaty", Node::string(treaty.id()));
  document.add("as_of", Node::string(date.iso()));
  document.add("counts", io::record_list(count_fields, counts));
  document.add("by_group", io::record_list(group_fields, groups));
  document.add("states", io::record_list(fields, listed));
  const auto title = lang.text("title.adherence", {{"treaty", treaty.short_name(lang)},
                                                   {"date", util::long_date(date, lang)}});
  std::vector<io::Table> tables;
  tables.push_back(io::record_table("counts", title, count_fields, counts, lang));
  tables.push_back(
      io::record_table("groups", lang.text("title.parties_by_group"), group_fields, groups, lang));
  tables.push_back(io::record_table("states", lang.text("label.states"), fields, listed, lang));
  return io::Output{std::move(document), std::move(tables), "states"};
}

namespace {

/// The state's standing under each instrument of `named` it is not party to on `date` (never
/// joined, signatory or withdrawn), the treaty's first one ahead when it lacks that too.
std::vector<StateAdherence> lacking(const model::Treaty &treaty, model::StateId state,
                                    const std::vector<const model::Instrument *> &named,
                                    const util::Date &date) {
  std::vector<const model::Instrument *> asked = named;
  const model::Instrument *first = &treaty.instruments().front();
  if (std::find(asked.begin(), asked.end(), first) == asked.end()) {
    asked.insert(asked.begin(), first);
  }
  std::vector<StateAdherence> result;
  for (const auto *instrument : asked) {
    auto a = adherence_of(treaty, state, *instrument, date);
    if (a.adherence != Adherence::party) {
      result.push_back(std::move(a));
    }
  }
  return result;
}

/// {date, date_long} the state's withdrawal from the instrument took effect; false when it
/// never was party to it.
Node withdrawal_field(const StateAdherence &a, const Lang &lang) {
  if (a.adherence != Adherence::withdrawn) {
    return Node::boolean(false);
  }
  Node withdrawn = Node::mapping();
  withdrawn.add("date", Node::string(a.withdrawal_effective->iso()));
  withdrawn.add("date_long", Node::string(util::long_date(*a.withdrawal_effective, lang)));
  return withdrawn;
}

/// One instrument of the letter: `name`, `why` (the treaty file's outreach text) and
/// `withdrawn` (withdrawal_field).
Node instrument_item(const StateAdherence &a, const Lang &lang) {
  const model::Instrument &instrument = *a.instrument;
  if (!instrument.outreach.has(lang.code())) {
    util::fail_data(instrument.mark.position(),
                    fmt::format("instrument '{}' has no outreach_{} text for the letter",
                                instrument.id, lang.code()));
  }
  Node item = Node::mapping();
  item.add("name", Node::string(instrument.name.in(lang)));
  item.add("why", Node::string(instrument.outreach.in(lang)));
  item.add("withdrawn", withdrawal_field(a, lang));
  return item;
}

/// The instruments of `group` as {instruments, several}; false when there is none.
Node instrument_group(const std::vector<StateAdherence> &group, const Lang &lang) {
  if (group.empty()) {
    return Node::boolean(false);
  }
  Node list = Node::sequence();
  for (const auto &a : group) {
    list.push(instrument_item(a, lang));
  }
  Node result = Node::mapping();
  result.add("instruments", std::move(list));
  result.add("several", Node::boolean(group.size() > 1));
  return result;
}

/// The outreach fields of a state's letter (see outreach_letters) from `lacks`, its standing
/// under each instrument it lacks, and `treaty_standing`, under the treaty's first instrument.
Node outreach_context(Node context, const std::vector<StateAdherence> &lacks,
                      const StateAdherence &treaty_standing, const Lang &lang) {
  Node list = Node::sequence();
  for (const auto &a : lacks) {
    list.push(instrument_item(a, lang));
  }
  context.add("instruments", std::move(list));
  std::vector<StateAdherence> not_yet, withdrawn_from;
  std::partition_copy(lacks.begin(), lacks.end(), std::back_inserter(withdrawn_from),
                      std::back_inserter(not_yet),
                      [](const StateAdherence &a) { return a.adherence == Adherence::withdrawn; });
  context.add("not_yet", instrument_group(not_yet, lang));
  context.add("withdrawn_from", instrument_group(withdrawn_from, lang));
  context.add("both", Node::boolean(!not_yet.empty() && !withdrawn_from.empty()));
  const Adherence standing = treaty_standing.adherence;
  context.add("several", Node::boolean(lacks.size() > 1));
  context.add("party_to_treaty", Node::boolean(standing == Adherence::party));
  context.add("signatory", Node::boolean(standing == Adherence::signatory));
  context.add("accede",
              Node::boolean(standing == Adherence::withdrawn || standing == Adherence::not_party));
  context.add("withdrawn", withdrawal_field(treaty_standing, lang));
  return context;
}

} // namespace

std::vector<io::Letter> outreach_letters(const model::Treaty &treaty,
                                         const model::StateTable &states,
                                         const std::vector<const model::Instrument *> &named,
                                         const model::LetterKit &kit, const util::Date &date) {
  const model::Instrument &first = treaty.instruments().front();
  std::vector<io::Letter> letters;
  for (const auto &a : adherence_on(treaty, states, {&first}, date)) {
    const auto lacks = lacking(treaty, a.state, named, date);
    if (lacks.empty()) {
      continue;
    }
    const Lang lang = kit.lang_for(a.state);
    const Node context =
        outreach_context(kit.to_state(a.state, states, treaty, date, lang), lacks, a, lang);
    letters.push_back(kit.letter(states[a.state].code + "-outreach", context, lang));
  }
  return letters;
}

} // namespace isukit::reports
