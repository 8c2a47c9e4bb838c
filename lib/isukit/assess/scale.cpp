#include <isukit/assess/scale.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace isukit::assess {

using util::Rational;

std::string_view rule_name(RuleApplied rule) {
  switch (rule) {
  case RuleApplied::none:
    return "";
  case RuleApplied::ceiling:
    return "ceiling";
  case RuleApplied::floor:
    return "floor";
  case RuleApplied::ldc_ceiling:
    return "ldc_ceiling";
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
  }
  return "";
}

/// The limit a free entry breaks, if any, and the share it is fixed at.
std::optional<std::pair<RuleApplied, Rational>> broken_rule(const ScaleEntry& entry, bool ldc,
                                                            const ScaleRules& rules) {
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

void apply_rules(std::vector<ScaleEntry>& entries, const ScaleRules& rules, const std::vector<bool>& is_ldc) {
  std::vector<bool> fixed(entries.size(), false);
  while (true) {
    // Spread what the fixed entries leave over the free ones, in proportion to their rates.
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
      return;
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (!fixed[i]) {
        entries[i].share = remaining * entries[i].un_rate / free_rates;
      }
    }
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
    if (!changed) {
      return;
    }
  }
}

TreatyScale treaty_scale(const model::Treaty& treaty, const model::Reference& reference, int year) {
  const auto& sharing = treaty.cost_sharing();
  const model::Scale& un = reference.scale_for(year, sharing.scales);
  TreatyScale result;
  result.treaty = treaty.id();
  result.year = year;
  result.scale_id = un.id();
  result.parties_on = util::Date(year, 1, 1);

  auto parties = treaty.parties_on(sharing.instrument, result.parties_on, model::Treaty::Basis::deposit);
  std::sort(parties.begin(), parties.end(), [&](auto a, auto b) {
    return reference.states[a].code < reference.states[b].code;
  });
  std::vector<bool> is_ldc;
  for (const auto state : parties) {
    ScaleEntry entry;
    entry.state = state;
    if (const auto rate = un.rate(state)) {
      entry.un_rate = *rate;
    } else if (const auto notional = un.notional_rate(state)) {
      entry.un_rate = *notional;
      entry.basis = RateBasis::notional;
    } else {
      entry.un_rate = sharing.without_un_rate;
      entry.basis = RateBasis::without_un_rate;
    }
    result.entries.push_back(entry);
    is_ldc.push_back(reference.states[state].is_ldc_on(result.parties_on));
  }
  if (result.entries.empty()) {
    throw util::Error(util::ExitCode::data, fmt::format("{} has no paying parties on {}", treaty.id(),
                                                        result.parties_on.iso()));
  }
  apply_rules(result.entries, ScaleRules{sharing.ceiling, sharing.floor, sharing.ldc_ceiling}, is_ldc);
  return result;
}

std::string format_percent(const Rational& share) {
  // 12 decimals of a per cent is 1e-14 of the total: below a cent on any total under a
  // trillion, so the printed rate reproduces every amount.
  return util::format_decimal(share * 100, 12);
}

io::Output scale_output(const TreatyScale& scale, const model::Reference& reference, util::Lang lang) {
  using io::Column;
  using io::ColumnType;
  using io::Node;
  Node document = Node::mapping();
  document.add("kind", Node::string("scale"));
  document.add("id", Node::string(fmt::format("{}-{}", scale.treaty, scale.year)));
  document.add("treaty", Node::string(scale.treaty));
  document.add("year", Node::number(std::to_string(scale.year)));
  document.add("base_scale", Node::string(scale.scale_id));
  document.add("parties_on", Node::string(scale.parties_on.iso()));
  document.add("states_paying", Node::number(std::to_string(scale.entries.size())));
  Node& rates = document.add("rates", Node::sequence());

  io::Table table;
  table.title = fmt::format("{} {} ({}, {} {})", util::pick(lang, "Scale of assessments", "Barème des quotes-parts"),
                            scale.year, scale.scale_id, scale.entries.size(),
                            util::pick(lang, "paying states", "États contributeurs"));
  table.columns = {Column{util::pick(lang, "State", "État"), ColumnType::text},
                   Column{util::pick(lang, "Name", "Nom"), ColumnType::text},
                   Column{util::pick(lang, "UN rate %", "Taux ONU %"), ColumnType::rate},
                   Column{util::pick(lang, "Adjusted rate %", "Taux ajusté %"), ColumnType::rate},
                   Column{util::pick(lang, "Basis", "Base"), ColumnType::text},
                   Column{util::pick(lang, "Rule", "Règle"), ColumnType::text}};
  Rational total_un = 0;
  for (const auto& entry : scale.entries) {
    const auto& state = reference.states[entry.state];
    const std::string un_rate = util::format_decimal(entry.un_rate, 3);
    const std::string adjusted = format_percent(entry.share);
    total_un += entry.un_rate;
    Node record = Node::mapping();
    record.add("state", Node::string(state.code));
    record.add("un_rate", Node::number(un_rate));
    record.add("rate", Node::number(adjusted));
    if (entry.basis != RateBasis::un_scale) {
      record.add("basis", Node::string(std::string(basis_name(entry.basis))));
    }
    if (entry.rule != RuleApplied::none) {
      record.add("rule", Node::string(std::string(rule_name(entry.rule))));
    }
    rates.push(std::move(record));
    table.rows.push_back(io::Row{{state.code, state.name(lang), un_rate, adjusted,
                                  std::string(basis_name(entry.basis)), std::string(rule_name(entry.rule))},
                                 false});
  }
  table.rows.push_back(io::Row{{util::pick(lang, "Total", "Total"), "", util::format_decimal(total_un, 3),
                                format_percent(1), "", ""},
                               true});
  return io::Output{{std::move(document)}, {std::move(table)}};
}

} // namespace isukit::assess
