// Evaluating a budget: every rule computed exactly, every line and total for every year.
#pragma once

#include <isukit/io/yaml_reader.hpp>
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
util::Money round_to_unit(const util::Rational &value, const util::Money &unit);

class Evaluation {
public:
  /// Computes every rule in dependency order; a cycle between rules is a data error at the
  /// rule that closes it. A rule year uses the stated figure where the source printed one
  /// (the document's own table is the sum of its printed figures), else the computed amount
  /// rounded to the budget's rounding unit. A line, year or period total past what util::Money
  /// holds is a data error at the line (or the budget) that takes it there, so the totals below
  /// never throw.
  static Evaluation of(const model::Budget &budget);

  const model::Budget &budget() const { return *m_budget; }
  const Cell &cell(std::size_t line, int year) const;
  util::Money line_total(std::size_t line) const;
  util::Money year_total(int year) const;
  util::Money period_total() const;

private:
  void check_totals() const;

  const model::Budget *m_budget = nullptr;
  std::vector<std::vector<Cell>> m_cells; // [line][year - first_year]
};

/// The total for `year` of the one `budget` (evaluated) or `budget-totals` document among
/// `documents` (as model::read_documents gives them) that gives one. Two that give one are a
/// data error at the second, naming both (which to take would depend on their order). A budget in
/// another currency than `expected` is a data error at its currency; no total for the year is a
/// data error naming `source`, the file they were read from (`-` for stdin). The caller reads the
/// file: the domain reads none.
util::Money year_total(const std::vector<io::Document> &documents, int year,
                       const util::Currency &expected, const std::string &source);

} // namespace isukit::budget
