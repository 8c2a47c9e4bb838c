// The treaty's scale: the UN scale restricted to the states that pay, with the treaty's
// ceiling, floor and LDC ceiling applied and the excess redistributed.
#pragma once

#include <isukit/io/table.hpp>
#include <isukit/model/reference.hpp>

#include <string>
#include <vector>

namespace isukit::assess {

/// Where a paying state's rate comes from.
enum class RateBasis { un_scale, notional, without_un_rate };

/// Which of the treaty's rules fixed a state's share, if any.
enum class RuleApplied { none, ceiling, floor, ldc_ceiling };

std::string_view rule_name(RuleApplied rule);

struct ScaleEntry {
  model::StateId state = 0;
  util::Rational un_rate;   // per cent, as the UN scale (or the rule) gives it
  RateBasis basis = RateBasis::un_scale;
  util::Rational share;     // of 1: the shares of all entries add up to exactly 1
  RuleApplied rule = RuleApplied::none;
};

/// The limits a treaty may set, in per cent of the adjusted scale.
struct ScaleRules {
  std::optional<util::Rational> ceiling;
  std::optional<util::Rational> floor;
  std::optional<util::Rational> ldc_ceiling;
};

struct TreatyScale {
  std::string treaty;
  int year = 0;
  std::string scale_id;
  util::Date parties_on;
  std::vector<ScaleEntry> entries; // in ISO code order
};

/// Adjusts rates to shares: each rate divided by the sum of the rates; then any state above
/// the ceiling (or an LDC above the LDC ceiling) is fixed at it and any state below the floor
/// raised to it, the difference spread over the states not fixed in proportion to their
/// rates, until no rule is broken. Exact throughout. Infeasible rules are a data error.
/// `is_ldc` says, per entry, whether the LDC ceiling applies.
void apply_rules(std::vector<ScaleEntry>& entries, const ScaleRules& rules, const std::vector<bool>& is_ldc);

/// The scale for `year`: the treaty's paying parties on 1 January of the year, the UN scale
/// covering the year (a notional rate, else the treaty's rate for states without one), and
/// the treaty's rules.
TreatyScale treaty_scale(const model::Treaty& treaty, const model::Reference& reference, int year);

/// Percent with enough decimals to reproduce every amount of the apportionment.
std::string format_percent(const util::Rational& share);

/// The `scale` document and table.
io::Output scale_output(const TreatyScale& scale, const model::Reference& reference, util::Lang lang);

} // namespace isukit::assess
