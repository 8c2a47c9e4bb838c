// A multi-year budget: lines with amounts or rules per year, stated figures and notes.
#pragma once

#include <isukit/io/node.hpp>
#include <isukit/io/source.hpp>
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
  util::LocalText label;              // label_en stands for a language not given
  util::LocalText note;               // optional: empty in a language not given
  std::map<int, util::Money> amounts; // years given as amounts
  std::optional<BudgetRule> rule;     // years not given as amounts
  std::map<int, util::Money> stated;  // what the source document printed for rule years
  util::LocalText in_kind_text;       // a line in kind carries text, not money (in_kind_en...)
  io::Mark mark;

  bool in_kind() const { return in_kind_text.has("en"); }
};

/// A note on the budget: {en: ..., fr: ...}, `en` standing for a language not given.
using BudgetNote = util::LocalText;

struct Budget {
  enum class Status { estimate, actual };

  std::string id;
  util::LocalText title; // title_en stands for a language not given
  util::Currency currency;
  int first_year = 0;
  int last_year = 0;
  io::Mark period_mark; // of `years`, for a message about the period as a whole
  util::Money rounding; // stated figures are multiples of this (1.00 = whole units)
  Status status = Status::estimate;
  std::vector<BudgetNote> notes;
  std::vector<BudgetLine> lines;
  std::map<int, util::Money> stated_totals;
  std::optional<util::Money> stated_period_total;
  io::Source source; // the document the figures were taken from (`source`, `as_of`)
  io::Mark mark;

  /// Reads and checks a `budget` document: years within the period, no year both an amount
  /// and a rule, rules referring to known lines, amounts in the budget's currency.
  static Budget from_document(const io::Node &root);

  std::vector<int> years() const;
  const BudgetLine *find_line(std::string_view id) const;
};

/// The budgets of the inputs' `budget` documents, in input order (model::read_documents: none
/// at all is an error). Two with one id (an old and a revised copy) are refused at the second
/// id, naming the first (io::NamedOnce, exit 65).
std::vector<Budget> read_budgets(const std::vector<std::string> &inputs);
/// The documents each budget's figures were taken from, for the output's sources.
std::vector<io::Source> sources_of(const std::vector<Budget> &budgets);

} // namespace isukit::model
