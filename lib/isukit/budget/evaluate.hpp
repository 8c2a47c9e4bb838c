// Evaluating a budget: every rule computed exactly, every line and total for every year.
#pragma once

#include <isukit/model/budget.hpp>

#include <optional>
#include <vector>

namespace isukit::budget {

/// One line in one year.
struct Cell {
  bool in_kind = false;
  std::optional<util::Money> value;       // the figure the budget uses: amount, stated, or computed
  std::optional<util::Rational> computed; // a rule's exact result
  std::optional<util::Money> stated;      // what the source printed for a rule year
};

/// Rounds an exact amount to a multiple of `unit`, halves away from zero.
util::Money round_to_unit(const util::Rational& value, const util::Money& unit);

class Evaluation {
public:
  /// Computes every rule in dependency order; a cycle between rules is a data error at the
  /// rule that closes it. A rule year uses the stated figure where the source printed one
  /// (the document's own table is the sum of its printed figures), else the computed amount
  /// rounded to the budget's rounding unit. A line, year or period total past what util::Money
  /// holds is a data error at the line (or the budget) that takes it there, so the totals below
  /// never throw.
  static Evaluation of(const model::Budget& budget);

  const model::Budget& budget() const { return *m_budget; }
  const Cell& cell(std::size_t line, int year) const;
  util::Money line_total(std::size_t line) const;
  util::Money year_total(int year) const;
  util::Money period_total() const;

private:
  void check_totals() const;

  const model::Budget* m_budget = nullptr;
  std::vector<std::vector<Cell>> m_cells; // [line][year - first_year]
};

/// The total for `year` of the first `budget` (evaluated) or `budget-totals` document in the
/// file whose period covers it (`-` for stdin). A budget in another currency than `expected` is
/// a data error at its currency, and so is a file with no total for the year.
util::Money read_year_total(const std::string& path, int year, const util::Currency& expected);

} // namespace isukit::budget
