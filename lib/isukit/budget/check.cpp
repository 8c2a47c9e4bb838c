#include <isukit/budget/tables.hpp>

#include <fmt/format.h>

namespace isukit::budget {

using io::Column;
using io::ColumnType;
using io::Node;
using util::Lang;

namespace {

struct Deviation {
  std::string budget;
  std::string line;  // the line's id, or "total"
  std::string label; // what people read: the line's label, or the catalogue's "Total"
  std::string year;
  util::Money stated;
  util::Money computed;
  int places; // the budget's display precision
};

void collect(const Evaluation& evaluation, Lang lang, std::vector<Deviation>& out) {
  const model::Budget& budget = evaluation.budget();
  const int places = display_places(budget);
  for (std::size_t i = 0; i < budget.lines.size(); ++i) {
    for (int year = budget.first_year; year <= budget.last_year; ++year) {
      const Cell& cell = evaluation.cell(i, year);
      if (!cell.stated || !cell.computed) {
        continue;
      }
      const util::Money computed = round_to_unit(*cell.computed, budget.rounding);
      if (computed != *cell.stated) {
        out.push_back({budget.id, budget.lines[i].id, budget.lines[i].label.in(lang), std::to_string(year),
                       *cell.stated, computed, places});
      }
    }
  }
  for (const auto& [year, stated] : budget.stated_totals) {
    const util::Money computed = evaluation.year_total(year);
    if (computed != stated) {
      out.push_back({budget.id, "total", lang.text("label.total"), std::to_string(year), stated, computed, places});
    }
  }
  if (budget.stated_period_total && evaluation.period_total() != *budget.stated_period_total) {
    out.push_back({budget.id, "total", lang.text("label.total"),
                   fmt::format("{}-{}", budget.first_year, budget.last_year),
                   *budget.stated_period_total, evaluation.period_total(), places});
  }
}

} // namespace

CheckResult check_budgets(const std::vector<Evaluation>& evaluations, Lang lang) {
  std::vector<Deviation> deviations;
  for (const auto& evaluation : evaluations) {
    collect(evaluation, lang, deviations);
  }

  Node document = Node::mapping();
  document.add("kind", Node::string("budget-check"));
  Node& checked = document.add("budgets", Node::sequence());
  for (const auto& evaluation : evaluations) {
    checked.push(Node::string(evaluation.budget().id));
  }
  Node& list = document.add("deviations", Node::sequence());

  io::Table table;
  table.name = "deviations";
  table.title = lang.text("title.budget_check");
  table.columns = {Column{lang.text("label.budget"), ColumnType::text},
                   Column{lang.text("label.line"), ColumnType::text},
                   Column{lang.text("label.year"), ColumnType::text},
                   Column{lang.text("label.stated"), ColumnType::money},
                   Column{lang.text("label.computed"), ColumnType::money},
                   Column{lang.text("label.difference"), ColumnType::money}};
  for (const auto& d : deviations) {
    const std::string stated = display_amount(d.stated, d.places);
    const std::string computed = display_amount(d.computed, d.places);
    const std::string difference = display_amount(d.stated - d.computed, d.places);
    Node entry = Node::mapping();
    entry.add("budget", Node::string(d.budget));
    entry.add("line", Node::string(d.line));
    entry.add("year", Node::string(d.year));
    entry.add("stated", Node::number(stated));
    entry.add("computed", Node::number(computed));
    entry.add("difference", Node::number(difference));
    list.push(std::move(entry));
    table.rows.push_back(io::Row{{d.budget, d.label, d.year, stated, computed, difference}, false});
  }
  if (deviations.empty()) {
    table.notes.push_back(lang.text("note.budget_check.clean"));
  }
  return CheckResult{io::Output{{std::move(document)}, {std::move(table)}}, deviations.size()};
}

io::Output compare_budgets(const Evaluation& estimate, const Evaluation& actual, Lang lang) {
  const model::Budget& est = estimate.budget();
  const model::Budget& act = actual.budget();
  if (!(est.currency == act.currency)) {
    util::fail_data(act.mark.position(), fmt::format("the actual costs are in {}, the estimates in {}",
                                                     act.currency.code(), est.currency.code()));
  }
  const int first = std::max(est.first_year, act.first_year);
  const int last = std::min(est.last_year, act.last_year);
  if (first > last) {
    util::fail_data(act.mark.position(), "the actual costs cover no year of the estimates");
  }
  const int places = std::max(display_places(est), display_places(act));
  auto amount = [places](const util::Money& m) { return display_amount(m, places); };
  auto percent = [](const util::Money& variance, const util::Money& base) -> std::string {
    if (base.is_zero()) {
      return "";
    }
    return util::format_decimal(variance.value() * 100 / base.value(), 1);
  };

  Node document = Node::mapping();
  document.add("kind", Node::string("budget-comparison"));
  document.add("estimates", Node::string(est.id));
  document.add("actuals", Node::string(act.id));
  document.add("currency", Node::string(std::string(est.currency.code())));
  Node& rows = document.add("rows", Node::sequence());

  io::Table table;
  table.name = "lines";
  table.title = lang.text("title.budget_comparison", {{"currency", std::string(est.currency.code())}});
  table.columns = {Column{lang.text("label.line"), ColumnType::text},
                   Column{lang.text("label.year"), ColumnType::text},
                   Column{lang.text("label.estimated"), ColumnType::money},
                   Column{lang.text("label.actual"), ColumnType::money},
                   Column{lang.text("label.variance"), ColumnType::money},
                   Column{lang.text("label.variance_percent"), ColumnType::rate}};

  auto add_row = [&](const std::string& id, const std::string& label, const std::string& year,
                     const util::Money& e, const util::Money& a, bool total) {
    const util::Money variance = a - e;
    Node entry = Node::mapping();
    entry.add("line", Node::string(id));
    entry.add("year", Node::string(year));
    entry.add("estimated", Node::number(amount(e)));
    entry.add("actual", Node::number(amount(a)));
    entry.add("variance", Node::number(amount(variance)));
    const std::string pct = percent(variance, e);
    entry.add("variance_percent", pct.empty() ? Node::null() : Node::number(pct));
    rows.push(std::move(entry));
    table.rows.push_back(io::Row{{label, year, amount(e), amount(a), amount(variance), pct}, total});
  };

  const util::Money zero = util::Money::zero(est.currency);
  for (std::size_t i = 0; i < est.lines.size(); ++i) {
    const auto& line = est.lines[i];
    if (line.in_kind()) {
      continue;
    }
    const model::BudgetLine* actual_line = act.find_line(line.id);
    const std::size_t j = actual_line ? static_cast<std::size_t>(actual_line - act.lines.data()) : 0;
    for (int year = first; year <= last; ++year) {
      const util::Money e = estimate.cell(i, year).value.value_or(zero);
      const util::Money a = actual_line ? actual.cell(j, year).value.value_or(zero) : zero;
      add_row(line.id, line.label.in(lang), std::to_string(year), e, a, false);
    }
  }
  for (const auto& line : act.lines) {
    if (!line.in_kind() && !est.find_line(line.id)) {
      table.notes.push_back(lang.text("note.budget_comparison.unknown_line", {{"line", line.label.in(lang)}}));
    }
  }
  util::Money total_e = zero;
  util::Money total_a = zero;
  for (int year = first; year <= last; ++year) {
    const util::Money e = estimate.year_total(year);
    const util::Money a = actual.year_total(year);
    total_e += e;
    total_a += a;
    add_row("total", lang.text("label.total"), std::to_string(year), e, a, true);
  }
  if (last > first) {
    add_row("total", lang.text("label.total"), fmt::format("{}-{}", first, last), total_e, total_a, true);
  }
  return io::Output{{std::move(document)}, {std::move(table)}};
}

} // namespace isukit::budget
