// A treaty's or trust fund's cost-sharing rules, as its file states them: which scale, fixed
// shares, threshold, ceilings and floor, minimum contribution and rounding.
#pragma once

#include <isukit/io/node.hpp>
#include <isukit/util/decimal.hpp>
#include <isukit/util/money.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace isukit::model {

class Treaty;
class StateTable;

/// How exact shares become amounts. `unit` is in major units of the currency (USD 1 for
/// "1"); none means the currency's minor unit (USD 0.01).
struct RoundingRule {
  enum class Method {
    largest_remainder, // every share floored to the unit, the units left to the largest remainders
    each_half_up, // every share rounded on its own, half away from zero; the sum may miss the total
  };
  Method method = Method::largest_remainder;
  std::optional<util::Rational> unit;
  std::string unit_text; // as written, for the document ("1", "1000")

  /// The unit in minor units of `currency`; a data error if it is not a whole number of them.
  std::int64_t unit_minor(const util::Currency &currency) const;
  /// The decimals an amount rounded to the unit needs: 0 for "1" and "1000", 2 for "0.01".
  int places(const util::Currency &currency) const;
};

std::string_view method_name(RoundingRule::Method method);

/// Who pays what share of the costs. Rates are in per cent; the ceiling, floor and LDC ceiling
/// are in per cent of the whole total, fixed shares included.
struct CostSharing {
  std::string instrument;          // whose parties pay; empty when the file names no instruments
  std::vector<std::string> scales; // scale ids, the one covering the year is used
  std::map<int, std::string> scale_for_years; // a scale pinned for a year by the fund's decision
  std::map<std::string, util::Rational> fixed_shares; // by party code, per cent of the total
  std::optional<util::Rational> min_un_rate; // parties whose UN rate is below it pay nothing
  util::Rational without_un_rate; // the rate of a party with neither a UN nor a notional rate
  bool has_without_un_rate = false;
  std::optional<util::Rational> ceiling; // none if absent
  std::optional<util::Rational> floor;
  std::optional<util::Rational> ldc_ceiling;
  std::optional<util::Money> minimum_contribution;
  RoundingRule rounding;

  /// The scale id for `year`: the pinned one, else empty (the caller picks among `scales`).
  std::string pinned_scale(int year) const;
  /// A party's fixed share in per cent, if it has one.
  std::optional<util::Rational> fixed_share(const std::string &code) const;
};

/// Reads `cost_sharing` after the treaty's instruments, organizations and parties: every key
/// known, every code a party, fixed shares under 100 per cent, a pinned scale among `scales`,
/// a rounding unit that is a positive multiple of the currency's minor unit. Errors are data
/// errors at the offending node.
CostSharing parse_cost_sharing(const io::Node &sharing, const Treaty &treaty,
                               const StateTable &states);

} // namespace isukit::model
