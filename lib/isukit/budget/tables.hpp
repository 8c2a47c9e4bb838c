// What the budget tool prints: the official table, the check, the totals and the comparison
// of estimates with actual costs. Each builds an io::Output (documents and tables).
#pragma once

#include <isukit/budget/evaluate.hpp>
#include <isukit/budget/years.hpp>
#include <isukit/io/table.hpp>

#include <optional>

namespace isukit::budget {

/// The budget as the official table: a row per line, a column per year and the period total,
/// the total row, in-kind lines as text. `years` restricts the columns.
io::Output budget_table(const Evaluation &evaluation, const util::Lang &lang,
                        std::optional<YearRange> years);

/// The totals per year and for the period: a `budget-totals` document that assess reads.
io::Output budget_totals(const Evaluation &evaluation, const util::Lang &lang);

struct CheckResult {
  io::Output output;
  std::size_t deviations = 0;
};

/// Recomputes every rule and total and compares them with the stated figures, within the
/// budget's rounding unit: a rule year deviates when its stated figure differs from the
/// computed amount rounded to the unit; a stated total when it differs from the sum of the
/// figures the budget uses.
CheckResult check_budgets(const std::vector<Evaluation> &evaluations, const util::Lang &lang);

/// Estimates against actual costs by line and year, with the variance in money and per cent.
io::Output compare_budgets(const Evaluation &estimate, const Evaluation &actual,
                           const util::Lang &lang);

/// The name of a budget's period in its tables: "2025-2027", or "2025" for a period of one year.
std::string period_name(int first, int last);

/// Digits after the decimal point in a budget's tables: none when it rounds to whole units.
int display_places(const model::Budget &budget);
std::string display_amount(const util::Money &amount, int places);

} // namespace isukit::budget
