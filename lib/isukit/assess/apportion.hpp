// Splitting a total among the paying parties: exact shares, the minimum contribution, then one
// rounding by the treaty's rule (largest remainder, the shares adding up exactly; or each share
// half up on its own, the difference reported).
#pragma once

#include <isukit/assess/scale.hpp>
#include <isukit/util/money.hpp>

#include <optional>
#include <vector>

namespace isukit::assess {

/// Splits `total` in proportion to `weights` (not negative; they need not add up to 1) by largest
/// remainder in steps of `unit` minor units: every exact share is floored to the unit, then the
/// units left over go one each to the largest remainders. Ties go to the lower `tie_rank`. The
/// results add up to `total` exactly; a total that is not a whole number of units is a data
/// error, since no sum of whole units can equal it. Computed in integers over the weights'
/// common denominator, equal to the rational definition (tests compare them).
std::vector<util::Money> largest_remainder(const util::Money &total,
                                           const std::vector<util::Rational> &weights,
                                           const std::vector<std::size_t> &tie_rank,
                                           std::int64_t unit = 1);

/// Rounds each exact amount (in major units, not negative) on its own to a multiple of `unit` minor
/// units, halves away from zero. Their sum may differ from the exact sum by up to half a unit per
/// share.
std::vector<util::Money> each_half_up(const std::vector<util::Rational> &exact,
                                      util::Currency currency, std::int64_t unit);

struct Assessment {
  util::Rational share; // of the total, after any minimum contribution and rounding
  util::Money amount;
};

struct Apportionment {
  TreatyScale scale;
  util::Money total;
  std::optional<util::Money> minimum;
  model::RoundingRule rounding;
  std::vector<Assessment> assessments; // parallel to scale.entries
  util::Money difference; // the amounts' sum minus the total: zero under largest remainder
};

/// Apportions a total over the treaty's scale. The exact amount of each party is its share of
/// the total. Where a minimum contribution is set, a party whose exact amount would fall below
/// it pays the minimum and what is left after the fixed shares and the minimums is split among
/// the others by their shares (repeated until none is below it); fixed shares and parties
/// below the threshold are not changed. Then the rounding rule, once, from the exact amounts;
/// largest remainder ties go to the larger rate, then the code in alphabetical order.
Apportionment apportion(const TreatyScale &scale, const model::StateTable &states,
                        const util::Money &total, const std::optional<util::Money> &minimum,
                        const model::RoundingRule &rounding = {});

/// The `assessments` document (what assess status reads) and its table, amounts at the rounding
/// unit's precision; under each_half_up both give the difference from the total.
io::Output assessments_output(const Apportionment &apportionment, const model::StateTable &states,
                              const util::Lang &lang);

} // namespace isukit::assess
