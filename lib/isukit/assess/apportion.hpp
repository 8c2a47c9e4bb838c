// Splitting a total among the paying states to the cent, the shares adding up exactly.
#pragma once

#include <isukit/assess/scale.hpp>
#include <isukit/util/money.hpp>

#include <optional>
#include <vector>

namespace isukit::assess {

/// Splits `total` in proportion to `weights` (which need not add up to 1) by largest
/// remainder: every exact share is floored to the minor unit, then the minor units left over
/// go one each to the largest remainders. Ties go to the lower `tie_rank`. The results add
/// up to `total` exactly.
std::vector<util::Money> largest_remainder(const util::Money& total, const std::vector<util::Rational>& weights,
                                           const std::vector<std::size_t>& tie_rank);

struct Assessment {
  model::StateId state = 0;
  util::Rational share; // of the total, after any minimum contribution
  util::Money amount;
};

struct Apportionment {
  TreatyScale scale;
  util::Money total;
  std::optional<util::Money> minimum;
  std::vector<Assessment> assessments; // in ISO code order
};

/// Apportions a total over the treaty's scale. Where a minimum contribution is set, a state
/// whose share would fall below it pays the minimum and the rest is split among the others
/// by their rates (repeated until no share is below it); then largest remainder, ties to the
/// larger rate, then the ISO code in alphabetical order.
Apportionment apportion(const TreatyScale& scale, const model::StateTable& states, const util::Money& total,
                        const std::optional<util::Money>& minimum);

/// The `assessments` document (what assess status reads) and its table.
io::Output assessments_output(const Apportionment& apportionment, const model::StateTable& states, util::Lang lang);

} // namespace isukit::assess
