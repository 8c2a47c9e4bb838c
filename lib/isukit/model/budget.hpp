// A multi-year budget: lines with amounts or rules per year, stated figures and notes.
#pragma once

#include <isukit/io/node.hpp>
#include <isukit/util/lang.hpp>
#include <isukit/util/money.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace isukit::model {

/// A rule that computes a line's amount for a year from other figures.
struct BudgetRule {
  enum class Kind {
    share,        // `percent` per cent of the sum of the lines in `of`
    quantity_cost // `quantity` x the year's unit cost
  };
  Kind kind = Kind::share;
  util::Rational percent;
  std::vector<std::string> of;
  util::Rational quantity;
  std::map<int, util::Money> unit_cost; // by year
  io::Mark mark;
};

struct BudgetLine {
  std::string id;
  std::string label_en, label_fr;
  std::string note_en, note_fr;
  std::map<int, util::Money> amounts;  // years given as amounts
  std::optional<BudgetRule> rule;      // years not given as amounts
  std::map<int, util::Money> stated;   // what the source document printed for rule years
  std::string in_kind_en, in_kind_fr;  // a line in kind carries text, not money
  io::Mark mark;

  bool in_kind() const { return !in_kind_en.empty(); }
  const std::string& label(util::Lang lang) const { return lang == util::Lang::fr ? label_fr : label_en; }
  const std::string& in_kind_text(util::Lang lang) const { return lang == util::Lang::fr ? in_kind_fr : in_kind_en; }
};

struct BudgetNote {
  std::string en, fr;
  const std::string& text(util::Lang lang) const { return lang == util::Lang::fr ? fr : en; }
};

struct Budget {
  enum class Status { estimate, actual };

  std::string id;
  std::string title_en, title_fr;
  util::Currency currency;
  int first_year = 0;
  int last_year = 0;
  util::Money rounding; // stated figures are multiples of this (1.00 = whole units)
  Status status = Status::estimate;
  std::vector<BudgetNote> notes;
  std::vector<BudgetLine> lines;
  std::map<int, util::Money> stated_totals;
  std::optional<util::Money> stated_period_total;
  io::Mark mark;

  /// Reads and checks a `budget` document: years within the period, no year both an amount
  /// and a rule, rules referring to known lines, amounts in the budget's currency.
  static Budget from_document(const io::Node& root);

  const std::string& title(util::Lang lang) const { return lang == util::Lang::fr ? title_fr : title_en; }
  std::vector<int> years() const;
  const BudgetLine* find_line(std::string_view id) const;
};

} // namespace isukit::model
