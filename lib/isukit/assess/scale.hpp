// The treaty's scale: fixed shares, the UN scale restricted to the other parties that pay, the
// treaty's threshold, ceiling, floor and LDC ceiling applied and the excess redistributed.
#pragma once

#include <isukit/io/fields.hpp>
#include <isukit/io/table.hpp>
#include <isukit/model/reference.hpp>

#include <string>
#include <vector>

namespace isukit::assess {

/// Where a paying party's rate comes from: the UN scale, the UN notional rate of a non-member,
/// the treaty's rate for states without either, or (an organization) nowhere: it has only its
/// fixed share.
enum class RateBasis { un_scale, notional, without_un_rate, none };

/// Which of the treaty's rules fixed a party's share, if any: `none` is the UN rate scaled to
/// what the fixed shares leave.
/// minimum_contribution: set by assess apportion only, for a party held at the minimum (its
/// share then is its amount over the total).
enum class RuleApplied {
  none,
  fixed_share,
  below_threshold,
  ceiling,
  floor,
  ldc_ceiling,
  minimum_contribution
};

std::string_view rule_name(RuleApplied rule);

struct ScaleEntry {
  model::StateId state = 0;                        // unless `organization` is set
  std::optional<model::Organization> organization; // a party that is not a state
  util::Rational un_rate; // per cent, as the UN scale (or the rule) gives it; 0 for an organization
  RateBasis basis = RateBasis::un_scale;
  util::Rational share; // of 1: the shares of all entries add up to exactly 1
  RuleApplied rule = RuleApplied::none;

  const std::string &code(const model::StateTable &states) const;
  const std::string &name(const model::StateTable &states, const util::Lang &lang) const;
};

/// The limits a treaty may set, in per cent of the whole total (fixed shares included).
struct ScaleRules {
  std::optional<util::Rational> ceiling;
  std::optional<util::Rational> floor;
  std::optional<util::Rational> ldc_ceiling;
};

struct TreatyScale {
  std::string treaty;
  int year = 0;
  std::string scale_id;
  bool scale_pinned = false; // chosen by the treaty's scale_for_years, not by the year
  util::Date parties_on;
  std::vector<ScaleEntry> entries; // in code order
};

/// Adjusts rates to shares. Entries whose `rule` is already set (a fixed share, a party below
/// the threshold) keep their share; the others share what is left in proportion to their
/// rates. Then any entry above the ceiling (or an LDC above the LDC ceiling) is fixed at it and
/// any entry below the floor raised to it, all in per cent of the whole, the difference spread
/// over the entries not fixed in proportion to their rates, until no rule is broken. Exact
/// throughout. Infeasible rules are a data error. `is_ldc` says, per entry, whether the LDC
/// ceiling applies.
void apply_rules(std::vector<ScaleEntry> &entries, const ScaleRules &rules,
                 const std::vector<bool> &is_ldc);

/// The scale for `year`, the rules in this order: the parties that pay on 1 January of the
/// year; their fixed shares, taken first; parties whose UN rate is below the threshold
/// (`min_un_rate`) pay nothing; the others' UN rates (from the scale the treaty pins for the
/// year, else the one covering it; a notional rate, else the treaty's rate for states without
/// one) scaled to what is left; then the ceiling, floor and LDC ceiling (apply_rules). The
/// scale and the states are the reference's (model::Reference::scale_for reads only the scale
/// the year needs).
TreatyScale treaty_scale(const model::Treaty &treaty, const model::Reference &reference, int year);

/// Percent with enough decimals to reproduce every amount of the apportionment.
std::string format_percent(const util::Rational &share);

/// The fields that name a party of a scale in a record list: in the document `state`, or
/// `organization` for a party that is not a state; in the table its code and its name.
/// `entry_of` gets the party's scale entry from a record.
template <typename Record>
io::Fields<Record> party_fields(const model::StateTable &states,
                                const ScaleEntry &(*entry_of)(const Record &)) {
  auto code = [&states, entry_of](const Record &r) { return entry_of(r).code(states); };
  auto is_state = [entry_of](const Record &r) { return !entry_of(r).organization; };
  io::Fields<Record> fields = {
      {.key = "state",
       .label = "label.state",
       .omit_absent = true,
       .value = [code, is_state](
                    const Record &r) { return is_state(r) ? io::Value(code(r)) : io::Value(); },
       .shown = [code](const Record &r, const util::Lang &) { return code(r); }},
      {.key = "organization",
       .omit_absent = true,
       .value = [code, is_state](
                    const Record &r) { return is_state(r) ? io::Value() : io::Value(code(r)); }},
      {.label = "label.name",
       .shown = [&states,
                 entry_of](const Record &r,
                           const util::Lang &lang) { return entry_of(r).name(states, lang); }},
  };
  return fields;
}

/// The `scale` document and table.
io::Output scale_output(const TreatyScale &scale, const model::Reference &reference,
                        const util::Lang &lang);

} // namespace isukit::assess
