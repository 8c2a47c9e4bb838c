#include <isukit/assess/scale.hpp>
#include <isukit/io/fields.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace isukit::assess {

using util::Rational;

std::string_view rule_name(RuleApplied rule) {
  switch (rule) {
  case RuleApplied::none:
    return "";
  case RuleApplied::fixed_share:
    return "fixed_share";
  case RuleApplied::below_threshold:
    return "below_threshold";
  case RuleApplied::ceiling:
    return "ceiling";
  case RuleApplied::floor:
    return "floor";
  case RuleApplied::ldc_ceiling:
    return "ldc_ceiling";
  case RuleApplied::minimum_contribution:
    return "minimum_contribution";
  }
  return "";
}

namespace {

std::string_view basis_name(RateBasis basis) {
  switch (basis) {
  case RateBasis::un_scale:
    return "un_scale";
  case RateBasis::notional:
    return "notional";
  case RateBasis::without_un_rate:
    return "without_un_rate";
  case RateBasis::none:
    return "";
  }
  return "";
}

/// The limit a free entry breaks, if any, and the share it is fixed at.
std::optional<std::pair<RuleApplied, Rational>> broken_rule(const ScaleEntry &entry, bool ldc,
                                                            const ScaleRules &rules) {
  if (ldc && rules.ldc_ceiling && entry.share > *rules.ldc_ceiling / 100) {
    return std::pair{RuleApplied::ldc_ceiling, Rational(*rules.ldc_ceiling / 100)};
  }
  if (rules.ceiling && entry.share > *rules.ceiling / 100) {
    return std::pair{RuleApplied::ceiling, Rational(*rules.ceiling / 100)};
  }
  if (rules.floor && entry.share < *rules.floor / 100) {
    return std::pair{RuleApplied::floor, Rational(*rules.floor / 100)};
  }
  return std::nullopt;
}

} // namespace

const std::string &ScaleEntry::code(const model::StateTable &states) const {
  return organization ? organization->code : states[state].code;
}

const std::string &ScaleEntry::name(const model::StateTable &states, const util::Lang &lang) const {
  return organization ? organization->name(lang) : states[state].name(lang);
}

namespace {

/// Spreads what the fixed entries leave over the free ones, in proportion to their UN rates.
/// False when no free entry is left to take it: the scale is done. Errors: data (65) when the
/// fixed entries leave less than nothing, or something that no free entry can take.
bool spread_remainder(std::vector<ScaleEntry> &entries, const std::vector<bool> &fixed) {
  Rational fixed_total = 0;
  Rational free_rates = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (fixed[i]) {
      fixed_total += entries[i].share;
    } else {
      free_rates += entries[i].un_rate;
    }
  }
  const Rational remaining = Rational(1) - fixed_total;
  if (free_rates == 0 || remaining < 0) {
    if (remaining != 0) {
      throw util::Error(util::ExitCode::data,
                        "the treaty's ceiling and floor cannot all be met by its paying states");
    }
    return false;
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (!fixed[i]) {
      entries[i].share = remaining * entries[i].un_rate / free_rates;
    }
  }
  return true;
}

/// Fixes each free entry whose share breaks a rule at the share the rule allows; true when one
/// was.
bool fix_broken_rules(std::vector<ScaleEntry> &entries, std::vector<bool> &fixed,
                      const ScaleRules &rules, const std::vector<bool> &is_ldc) {
  bool changed = false;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (fixed[i]) {
      continue;
    }
    if (const auto broken = broken_rule(entries[i], is_ldc[i], rules)) {
      entries[i].rule = broken->first;
      entries[i].share = broken->second;
      fixed[i] = true;
      changed = true;
    }
  }
  return changed;
}

} // namespace

void apply_rules(std::vector<ScaleEntry> &entries, const ScaleRules &rules,
                 const std::vector<bool> &is_ldc) {
  std::vector<bool> fixed(entries.size(), false);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    fixed[i] = entries[i].rule != RuleApplied::none;
  }
  // A share fixed at a ceiling leaves more to the others, which may then break a rule in turn:
  // spread and fix again until no free share breaks one.
  while (spread_remainder(entries, fixed) && fix_broken_rules(entries, fixed, rules, is_ldc)) {
  }
}

namespace {

const model::Scale &scale_for_year(const model::CostSharing &sharing,
                                   const model::Reference &reference, int year) {
  const std::string pinned = sharing.pinned_scale(year);
  if (pinned.empty()) {
    return reference.scale_for(year, sharing.scales);
  }
  const model::Scale *scale = reference.find_scale(pinned);
  if (!scale) {
    throw util::Error(
        util::ExitCode::data,
        fmt::format("the scale '{}' the treaty pins for {} is not in the data", pinned, year));
  }
  return *scale;
}

/// One party's entry before the ceiling, floor and LDC ceiling: its UN rate, and its share if
/// a fixed share or the threshold settles it.
ScaleEntry entry_for(const model::Party &party, const model::Treaty &treaty, const model::Scale &un,
                     const model::StateTable &states) {
  const auto &sharing = treaty.cost_sharing();
  ScaleEntry entry;
  entry.state = party.state;
  if (party.organization) {
    entry.organization = treaty.organizations()[*party.organization];
    entry.basis = RateBasis::none;
  } else if (const auto rate = un.rate(party.state)) {
    entry.un_rate = *rate;
  } else if (const auto notional = un.notional_rate(party.state)) {
    entry.un_rate = *notional;
    entry.basis = RateBasis::notional;
  } else {
    entry.un_rate = sharing.without_un_rate;
    entry.basis = RateBasis::without_un_rate;
  }
  if (const auto fixed = sharing.fixed_share(treaty.party_code(party, states))) {
    entry.share = *fixed / 100;
    entry.rule = RuleApplied::fixed_share;
  } else if (sharing.min_un_rate && entry.un_rate < *sharing.min_un_rate) {
    entry.share = 0;
    entry.rule = RuleApplied::below_threshold;
  }
  return entry;
}

} // namespace

TreatyScale treaty_scale(const model::Treaty &treaty, const model::Reference &reference, int year) {
  const auto &sharing = treaty.cost_sharing();
  const model::StateTable &states = reference.states;
  const model::Scale &un = scale_for_year(sharing, reference, year);
  TreatyScale result;
  result.treaty = treaty.id();
  result.year = year;
  result.scale_id = un.id();
  result.scale_pinned = !sharing.pinned_scale(year).empty();
  result.parties_on = util::Date(year, 1, 1);
  for (const model::Party *party : treaty.contributors_on(result.parties_on)) {
    result.entries.push_back(entry_for(*party, treaty, un, states));
  }
  if (result.entries.empty()) {
    throw util::Error(util::ExitCode::data, fmt::format("{} has no paying parties on {}",
                                                        treaty.id(), result.parties_on.iso()));
  }
  std::sort(
      result.entries.begin(), result.entries.end(),
      [&](const ScaleEntry &a, const ScaleEntry &b) { return a.code(states) < b.code(states); });
  std::vector<bool> is_ldc;
  for (const auto &entry : result.entries) {
    is_ldc.push_back(!entry.organization && states[entry.state].is_ldc_on(result.parties_on));
  }
  apply_rules(result.entries, ScaleRules{sharing.ceiling, sharing.floor, sharing.ldc_ceiling},
              is_ldc);
  return result;
}

std::string format_percent(const Rational &share) {
  // 12 decimals of a per cent is 1e-14 of the total: the printed rate is within 5e-15 of the
  // exact share, so rate x total is within USD 0.00001 of the exact amount on any total under
  // a billion, a thousandth of a cent. Amounts are computed from the exact share, never from
  // this text.
  return util::format_decimal(share * 100, 12);
}

namespace {

/// A party's UN rate and its share of the treaty's scale, both in per cent.
// NOLINTNEXTLINE(readability-function-size): a declarative list reads best whole.
io::Fields<ScaleEntry> scale_fields(const model::StateTable &states) {
  using E = ScaleEntry;
  using io::Value;
  io::Fields<E> fields = party_fields<E>(states, [](const E &e) -> const E & { return e; });
  io::Fields<E> rates = {
      {.key = "un_rate",
       .label = "label.un_rate_percent",
       .type = io::FieldType::rate,
       .omit_absent = true,
       .value =
           [](const E &e) {
             return e.organization ? Value() : Value(util::format_decimal(e.un_rate, 3));
           }},
      {.key = "rate",
       .label = "label.adjusted_rate_percent",
       .type = io::FieldType::rate,
       .value = [](const E &e) { return format_percent(e.share); }},
      {.key = "basis",
       .label = "label.basis",
       .type = io::FieldType::code,
       .words = "basis.",
       .omit_absent = true,
       .value =
           [](const E &e) {
             return e.basis == RateBasis::un_scale || e.organization
                        ? Value()
                        : Value(std::string(basis_name(e.basis)));
           },
       // The table says "UN scale" too, which the document leaves to be understood.
       .shown =
           [](const E &e, const util::Lang &lang) {
             return basis_name(e.basis).empty()
                        ? ""
                        : lang.text(fmt::format("basis.{}", basis_name(e.basis)));
           }},
      {.key = "rule",
       .label = "label.rule",
       .type = io::FieldType::code,
       .words = "rule.",
       .omit_absent = true,
       .value =
           [](const E &e) {
             return e.rule == RuleApplied::none ? Value() : Value(std::string(rule_name(e.rule)));
           }},
  };
  fields.insert(fields.end(), rates.begin(), rates.end());
  return fields;
}

} // namespace

io::Output scale_output(const TreatyScale &scale, const model::Reference &reference,
                        const util::Lang &lang) {
  using io::Node;
  const auto paying = std::count_if(scale.entries.begin(), scale.entries.end(),
                                    [](const ScaleEntry &e) { return e.share > 0; });
  const auto fields = scale_fields(reference.states);
  Node document = Node::mapping();
  document.add("kind", Node::string("treaty-scale"));
  document.add("id", Node::string(fmt::format("{}-{}", scale.treaty, scale.year)));
  document.add("treaty", Node::string(scale.treaty));
  document.add("year", Node::number(std::to_string(scale.year)));
  document.add("base_scale", Node::string(scale.scale_id));
  if (scale.scale_pinned) {
    document.add("base_scale_pinned", Node::boolean(true));
  }
  document.add("parties_on", Node::string(scale.parties_on.iso()));
  document.add("states_paying", Node::number(std::to_string(paying)));
  document.add("rates", io::record_list(fields, scale.entries));
  const auto title = lang.plural("title.treaty_scale", static_cast<std::int64_t>(paying),
                                 {{"year", std::to_string(scale.year)}, {"scale", scale.scale_id}});
  io::Table table = io::record_table("scale", title, fields, scale.entries, lang);
  Rational total_un = 0;
  for (const auto &entry : scale.entries) {
    total_un += entry.un_rate;
  }
  io::add_total_row(table, fields,
                    {{"un_rate", util::format_decimal(total_un, 3)}, {"rate", format_percent(1)}},
                    lang);
  return io::Output(std::move(document), std::move(table));
}

} // namespace isukit::assess
