#include <isukit/budget/tables.hpp>
#include <isukit/io/fields.hpp>
#include <isukit/io/shape.hpp>

#include <fmt/format.h>

namespace isukit::budget {

using io::Column;
using io::ColumnType;
using io::Node;
using io::Value;
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

void collect(const Evaluation &evaluation, const Lang &lang, std::vector<Deviation> &out) {
  const model::Budget &budget = evaluation.budget();
  const int places = display_places(budget);
  for (std::size_t i = 0; i < budget.lines.size(); ++i) {
    for (int year = budget.first_year; year <= budget.last_year; ++year) {
      const Cell &cell = evaluation.cell(i, year);
      if (!cell.stated || !cell.computed) {
        continue;
      }
      const util::Money computed = round_to_unit(*cell.computed, budget.rounding);
      if (computed != *cell.stated) {
        out.push_back({budget.id, budget.lines[i].id, budget.lines[i].label.in(lang),
                       std::to_string(year), *cell.stated, computed, places});
      }
    }
  }
  for (const auto &[year, stated] : budget.stated_totals) {
    const util::Money computed = evaluation.year_total(year);
    if (computed != stated) {
      out.push_back({budget.id, "total", lang.text("label.total"), std::to_string(year), stated,
                     computed, places});
    }
  }
  if (budget.stated_period_total && evaluation.period_total() != *budget.stated_period_total) {
    out.push_back({budget.id, "total", lang.text("label.total"),
                   period_name(budget.first_year, budget.last_year), *budget.stated_period_total,
                   evaluation.period_total(), places});
  }
}

} // namespace

namespace {

/// A deviation's money, at its budget's display precision.
std::string shown_amount(const util::Money &amount, const Deviation &d) {
  return display_amount(amount, d.places);
}

/// A row's year as the document gives it: a year is a number, as in `budget totals`; the
/// period (`2021-2026`) is a word.
io::Value year_value(const std::string &year) {
  return year.find('-') == std::string::npos ? io::Value(year) : io::Value::word(year);
}

const io::Fields<Deviation> deviation_fields = {
    {.key = "budget",
     .label = "label.budget",
     .value = [](const Deviation &d) { return d.budget; }},
    {.key = "line",
     .label = "label.line",
     .value = [](const Deviation &d) { return d.line; },
     .shown = [](const Deviation &d, const Lang &) { return d.label; }},
    {.key = "year",
     .label = "label.year",
     .type = io::FieldType::year,
     .value = [](const Deviation &d) { return year_value(d.year); }},
    {.key = "stated",
     .label = "label.stated",
     .type = io::FieldType::money,
     .value = [](const Deviation &d) { return shown_amount(d.stated, d); }},
    {.key = "computed",
     .label = "label.computed",
     .type = io::FieldType::money,
     .value = [](const Deviation &d) { return shown_amount(d.computed, d); }},
    {.key = "difference",
     .label = "label.difference",
     .type = io::FieldType::money,
     .value = [](const Deviation &d) { return shown_amount(d.stated - d.computed, d); }},
};

} // namespace

CheckResult check_budgets(const std::vector<Evaluation> &evaluations, const Lang &lang) {
  std::vector<Deviation> deviations;
  for (const auto &evaluation : evaluations) {
    collect(evaluation, lang, deviations);
  }
  Node document = Node::mapping();
  document.add("kind", Node::string("budget-check"));
  Node &checked = document.add("budgets", Node::sequence());
  for (const auto &evaluation : evaluations) {
    checked.push(Node::string(evaluation.budget().id));
  }
  document.add("deviations", io::record_list(deviation_fields, deviations));
  io::Table table = io::record_table("deviations", lang.text("title.budget_check"),
                                     deviation_fields, deviations, lang);
  if (deviations.empty()) {
    table.notes.push_back(lang.text("note.budget_check.clean"));
  }
  return CheckResult{io::Output{{std::move(document)}, {std::move(table)}}, deviations.size()};
}

namespace {

/// One row of a comparison: a line (or the total) in a year (or the period).
struct Variance {
  std::string line;  // the line's id, or "total"
  std::string label; // what people read: the line's label, or the catalogue's "Total"
  std::string year;
  util::Money estimated;
  util::Money actual;
  int places; // the budgets' display precision
  bool total = false;

  util::Money variance() const { return actual - estimated; }
};

/// The variance in per cent of the estimate to one decimal, or nothing when nothing was estimated.
Value variance_percent(const Variance &v) {
  if (v.estimated.is_zero()) {
    return {};
  }
  return util::format_decimal(v.variance().value() * 100 / v.estimated.value(), 1);
}

io::Field<Variance> money_field(const char *key, util::Money (*get)(const Variance &)) {
  return {.key = key,
          .label = std::string("label.") + key,
          .type = io::FieldType::money,
          .value = [get](const Variance &v) { return display_amount(get(v), v.places); }};
}

const io::Fields<Variance> variance_fields = {
    {.key = "line",
     .label = "label.line",
     .value = [](const Variance &v) { return v.line; },
     .shown = [](const Variance &v, const Lang &) { return v.label; }},
    {.key = "year",
     .label = "label.year",
     .type = io::FieldType::year,
     .value = [](const Variance &v) { return year_value(v.year); }},
    money_field("estimated", [](const Variance &v) { return v.estimated; }),
    money_field("actual", [](const Variance &v) { return v.actual; }),
    money_field("variance", [](const Variance &v) { return v.variance(); }),
    {.key = "variance_percent",
     .label = "label.variance_percent",
     .type = io::FieldType::rate,
     .value = variance_percent},
};

/// "2020, 2027": the years of the actual costs outside the estimates' period.
std::string years_outside(const model::Budget &est, const model::Budget &act) {
  std::vector<std::string> years;
  for (const int year : act.years()) {
    if (year < est.first_year || year > est.last_year) {
      years.push_back(std::to_string(year));
    }
  }
  return fmt::format("{}", fmt::join(years, ", "));
}

/// The actual costs are in the currency of the estimates: their variances are differences.
void require_same_currency(const model::Budget &est, const model::Budget &act) {
  if (!(est.currency == act.currency)) {
    util::fail_data(act.mark.position(),
                    fmt::format("the actual costs are in {}, the estimates in {}",
                                act.currency.code(), est.currency.code()));
  }
}

/// The years compared: those of the actual costs, each of which must be a year of the estimates
/// (the costs of another year would be in no row and no total), so the years both cover.
std::pair<int, int> common_years(const model::Budget &est, const model::Budget &act) {
  if (act.last_year < est.first_year || act.first_year > est.last_year) {
    util::fail_data(act.period_mark.position(), "the actual costs cover no year of the estimates");
  }
  if (act.first_year < est.first_year || act.last_year > est.last_year) {
    util::fail_data(act.period_mark.position(),
                    fmt::format("the actual costs of {} are outside the period of the estimates "
                                "'{}' ({}): they would be in no row and no total",
                                years_outside(est, act), est.id,
                                period_name(est.first_year, est.last_year)));
  }
  return {act.first_year, act.last_year};
}

/// Every line of the actual costs is a line of the estimates: costs on a line they lack (a
/// renamed id) would be in the totals but in no row, so that the rows would not add up.
void require_known_lines(const model::Budget &est, const model::Budget &act) {
  std::vector<std::string> ids;
  for (const auto &line : est.lines) {
    ids.push_back(line.id);
  }
  for (const auto &line : act.lines) {
    if (!est.find_line(line.id)) {
      util::fail_data(line.mark.position(),
                      fmt::format("line '{}' of the actual costs is not a line of the estimates "
                                  "'{}' ({})",
                                  line.id, est.id, io::suggestion(line.id, ids)));
    }
  }
}

/// Each line of the estimates in each common year; a line the actual costs lack costs nothing
/// there. A line in kind in the estimates budgets no money: left out, unless the actual costs
/// spent money on it (the host stopped giving the office), then a row estimated at zero and
/// labelled as in kind in the estimates, so that the rows add up to the totals.
void line_variances(const Evaluation &estimate, const Evaluation &actual, std::pair<int, int> years,
                    int places, const Lang &lang, std::vector<Variance> &out) {
  const model::Budget &est = estimate.budget();
  const model::Budget &act = actual.budget();
  const util::Money zero = util::Money::zero(est.currency);
  for (std::size_t i = 0; i < est.lines.size(); ++i) {
    const auto &line = est.lines[i];
    const model::BudgetLine *actual_line = act.find_line(line.id);
    if (line.in_kind() && (!actual_line || actual_line->in_kind())) {
      continue;
    }
    const std::string label =
        line.in_kind() ? lang.text("label.in_kind_in_estimates", {{"line", line.label.in(lang)}})
                       : line.label.in(lang);
    const std::size_t j =
        actual_line ? static_cast<std::size_t>(actual_line - act.lines.data()) : 0;
    for (int year = years.first; year <= years.second; ++year) {
      const util::Money e = estimate.cell(i, year).value.value_or(zero);
      const util::Money a = actual_line ? actual.cell(j, year).value.value_or(zero) : zero;
      out.push_back({line.id, label, std::to_string(year), e, a, places});
    }
  }
}

/// The totals of each common year, then of the period when there are several years.
void total_variances(const Evaluation &estimate, const Evaluation &actual,
                     std::pair<int, int> years, int places, const Lang &lang,
                     std::vector<Variance> &out) {
  util::Money total_e = util::Money::zero(estimate.budget().currency);
  util::Money total_a = total_e;
  for (int year = years.first; year <= years.second; ++year) {
    const util::Money e = estimate.year_total(year);
    const util::Money a = actual.year_total(year);
    total_e += e;
    total_a += a;
    out.push_back({"total", lang.text("label.total"), std::to_string(year), e, a, places, true});
  }
  if (years.second > years.first) {
    out.push_back({"total", lang.text("label.total"), period_name(years.first, years.second),
                   total_e, total_a, places, true});
  }
}

} // namespace

io::Output compare_budgets(const Evaluation &estimate, const Evaluation &actual, const Lang &lang) {
  const model::Budget &est = estimate.budget();
  const model::Budget &act = actual.budget();
  require_same_currency(est, act);
  const auto years = common_years(est, act);
  require_known_lines(est, act);
  const int places = std::max(display_places(est), display_places(act));
  std::vector<Variance> variances;
  line_variances(estimate, actual, years, places, lang, variances);
  total_variances(estimate, actual, years, places, lang, variances);

  Node document = Node::mapping();
  document.add("kind", Node::string("budget-comparison"));
  document.add("estimates", Node::string(est.id));
  document.add("actuals", Node::string(act.id));
  document.add("currency", Node::string(std::string(est.currency.code())));
  document.add("rows", io::record_list(variance_fields, variances));
  io::Table table = io::record_table(
      "lines",
      lang.text("title.budget_comparison", {{"currency", std::string(est.currency.code())}}),
      variance_fields, variances, lang, [](const Variance &v) { return v.total; });
  return io::Output{{std::move(document)}, {std::move(table)}};
}

} // namespace isukit::budget
