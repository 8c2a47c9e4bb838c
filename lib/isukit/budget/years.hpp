// The years a budget table shows (budget table --years): one year or a range of whole years
// within the budget's period.
#pragma once

#include <isukit/model/budget.hpp>

#include <string>

namespace isukit::budget {

/// Whole years, `first` to `last`, both included.
struct YearRange {
  int first = 0;
  int last = 0;
};

/// --years as written: "2025" (that year alone) or "2025-2026" (first to last, as written: a
/// reversed range is require_within_period's to refuse). A usage error (util::Error, 64) naming
/// --years and `text`: anything but one or two runs of up to four digits joined by a dash
/// ("--years expects YEAR or FROM-TO, got '2025/26'"); a year in fewer than four digits, which
/// would be a year of the first century ("2025-26": "write each year in full, with four digits
/// (did you mean 2025-2026?)").
YearRange parse_year_range(const std::string &text);

/// Refuses `years` (parsed from `text`) with a usage error (64) naming --years and `text`:
/// a reversed range ("did you mean 2025-2027?") or one reaching outside `budget`'s period
/// (naming the period, "2025-2027").
void require_within_period(const YearRange &years, const std::string &text,
                           const model::Budget &budget);

} // namespace isukit::budget
