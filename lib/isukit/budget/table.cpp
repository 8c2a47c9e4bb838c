#include <isukit/budget/tables.hpp>
#include <isukit/io/fields.hpp>

#include <fmt/format.h>

namespace isukit::budget {

using io::Node;
using util::Lang;

int display_places(const model::Budget &budget) {
  const int digits = budget.currency.minor_digits();
  std::int64_t unit = 1;
  for (int i = 0; i < digits; ++i) {
    unit *= 10;
  }
  return budget.rounding.minor_units() % unit == 0 ? 0 : digits;
}

std::string display_amount(const util::Money &amount, int places) {
  return util::format_decimal(amount.value(), places);
}

std::string period_name(int first, int last) {
  return first == last ? std::to_string(first) : fmt::format("{}-{}", first, last);
}

namespace {

/// A row of the official table: a line of the budget, or (`line` null) the total of each year.
struct TableRow {
  const model::BudgetLine *line = nullptr;
  std::vector<std::optional<util::Money>>
      amounts;       // per year of the table; all none for a line in kind
  util::Money total; // of the years of the table
};

/// The years of one line: in the document a mapping year -> amount, the years it has.
Node amounts_node(const TableRow &row, const YearRange &years, int places) {
  Node amounts = Node::mapping();
  for (int year = years.first; year <= years.last; ++year) {
    if (const auto &value = row.amounts[static_cast<std::size_t>(year - years.first)]) {
      amounts.add(std::to_string(year), Node::number(display_amount(*value, places)));
    }
  }
  return amounts;
}

/// The table's fields: the line (the data names it in the budget's own language, label_en,
/// whatever --lang says), a column per year of `years` (a pivot: their heads are the years) and
/// the total, headed by the `period` (2021-2026) when the table has all its years, else by the
/// catalogue's `label.total`.
// NOLINTNEXTLINE(readability-function-size): a declarative list reads best whole.
io::Fields<TableRow> table_fields(const YearRange &years, int places,
                                  const std::optional<std::string> &period) {
  using R = TableRow;
  const auto in_kind = [](const R &r) { return r.line && r.line->in_kind(); };
  io::Fields<R> fields = {
      {.key = "id", .value = [](const R &r) { return r.line->id; }},
      {.key = "label",
       .label = "label.line",
       .value = [](const R &r) { return r.line->label.all().at("en"); },
       .shown =
           [](const R &r, const Lang &lang) {
             return r.line ? r.line->label.in(lang) : lang.text("label.total");
           }},
      {.key = "in_kind",
       .omit_absent = true,
       .value =
           [in_kind](const R &r) {
             return in_kind(r) ? io::Value(r.line->in_kind_text.all().at("en")) : io::Value();
           }},
      {.key = "amounts",
       .document =
           [in_kind, years, places](Node &record, const R &r) {
             if (!in_kind(r)) {
               record.add("amounts", amounts_node(r, years, places));
             }
           }},
  };
  for (int year = years.first; year <= years.last; ++year) {
    const auto i = static_cast<std::size_t>(year - years.first);
    fields.push_back({.head = std::to_string(year),
                      .type = io::FieldType::money,
                      .value =
                          [i, places](const R &r) {
                            return r.amounts[i] ? display_amount(*r.amounts[i], places) : "";
                          },
                      .shown =
                          [in_kind, i, places](const R &r, const Lang &lang) {
                            return in_kind(r)     ? lang.text("budget.in_kind")
                                   : r.amounts[i] ? display_amount(*r.amounts[i], places)
                                                  : "";
                          }});
  }
  fields.push_back({.key = "total",
                    .label = period ? "" : "label.total",
                    .head = period.value_or(""),
                    .type = io::FieldType::money,
                    .omit_absent = true,
                    .value = [in_kind, places](const R &r) {
                      return in_kind(r) ? io::Value() : io::Value(display_amount(r.total, places));
                    }});
  return fields;
}

/// The rows of the budget's lines over `years`.
std::vector<TableRow> table_rows(const Evaluation &evaluation, const YearRange &years) {
  const model::Budget &budget = evaluation.budget();
  std::vector<TableRow> rows;
  for (std::size_t i = 0; i < budget.lines.size(); ++i) {
    TableRow &row =
        rows.emplace_back(TableRow{&budget.lines[i], {}, util::Money::zero(budget.currency)});
    for (int year = years.first; year <= years.last; ++year) {
      row.amounts.push_back(budget.lines[i].in_kind() ? std::nullopt
                                                      : evaluation.cell(i, year).value);
      row.total += row.amounts.back().value_or(util::Money::zero(budget.currency));
    }
  }
  return rows;
}

/// The total row: each year's total and theirs.
TableRow total_row(const Evaluation &evaluation, const YearRange &years) {
  TableRow total{nullptr, {}, util::Money::zero(evaluation.budget().currency)};
  for (int year = years.first; year <= years.last; ++year) {
    total.amounts.emplace_back(evaluation.year_total(year));
    total.total += evaluation.year_total(year);
  }
  return total;
}

/// An amount of a chart: the year's head and the amount.
using ChartPoint = std::pair<std::string, std::string>;

const io::Fields<ChartPoint> chart_fields = {
    {.label = "label.year", .value = [](const ChartPoint &p) { return p.first; }},
    {.label = "label.amount",
     .type = io::FieldType::money,
     .value = [](const ChartPoint &p) { return p.second; }},
};

/// One chart per line of the budget table: its amounts by year, from the table's own cells (a
/// line in kind has none and no chart).
std::vector<io::Table> line_charts(const io::Table &table, std::string_view currency,
                                   const Lang &lang) {
  std::vector<io::Table> charts;
  for (const auto &row : table.rows) {
    std::vector<ChartPoint> points;
    for (std::size_t c = 1; c + 1 < table.columns.size();
         ++c) { // the years; the last column is the period's
      if (!row.is_total && util::is_plain_decimal(row.cells[c])) {
        points.emplace_back(table.columns[c].header, row.cells[c]);
      }
    }
    if (!points.empty()) {
      charts.push_back(
          io::record_table("line",
                           lang.text("chart.budget_line", {{"line", row.cells.front()},
                                                           {"currency", std::string(currency)}}),
                           chart_fields, points, lang));
    }
  }
  return charts;
}

/// The table's notes, as the source document prints them under its table: each line's note in
/// the order of the lines (a line in kind says what it gives), then the budget's own notes.
void add_notes(io::Table &table, const model::Budget &budget, const Lang &lang) {
  for (const auto &line : budget.lines) {
    if (line.in_kind()) {
      table.notes.push_back(lang.text("note.budget.in_kind", {{"line", line.label.in(lang)},
                                                              {"what", line.in_kind_text.in(lang)},
                                                              {"note", line.note.in(lang)}}));
    } else if (!line.note.in(lang).empty()) {
      table.notes.push_back(lang.text(
          "note.budget.line", {{"line", line.label.in(lang)}, {"note", line.note.in(lang)}}));
    }
  }
  for (const auto &note : budget.notes) {
    table.notes.push_back(note.in(lang));
  }
}

} // namespace

io::Output budget_table(const Evaluation &evaluation, const Lang &lang,
                        std::optional<YearRange> range) {
  const model::Budget &budget = evaluation.budget();
  const int places = display_places(budget);
  const YearRange years = range.value_or(YearRange{budget.first_year, budget.last_year});
  const bool whole_period = years.first == budget.first_year && years.last == budget.last_year;
  // The total column is headed by the budget's period ("2021-2026"), but for one year, whose
  // column already bears its name: "Total" then, so that no two columns share a heading.
  const bool period_head = whole_period && years.first != years.last;
  const auto fields = table_fields(years, places,
                                   period_head ? std::optional(period_name(years.first, years.last))
                                               : std::nullopt);
  auto rows = table_rows(evaluation, years);

  Node document = Node::mapping();
  document.add("kind", Node::string("budget-table"));
  document.add("budget", Node::string(budget.id));
  document.add("currency", Node::string(std::string(budget.currency.code())));
  Node &year_list = document.add("years", Node::sequence());
  for (int year = years.first; year <= years.last; ++year) {
    year_list.push(Node::number(std::to_string(year)));
  }
  document.add("lines", io::record_list(fields, rows));
  rows.push_back(total_row(evaluation, years));
  Node &totals = document.add("totals", amounts_node(rows.back(), years, places));
  totals.add(whole_period ? "period" : "selected_years",
             Node::number(display_amount(rows.back().total, places)));

  const auto title = lang.text("title.budget", {{"title", budget.title.in(lang)},
                                                {"currency", std::string(budget.currency.code())}});
  io::Table table = io::record_table("lines", title, fields, rows, lang,
                                     [](const TableRow &r) { return !r.line; });
  add_notes(table, budget, lang);
  std::vector<io::Table> charts = line_charts(table, budget.currency.code(), lang);
  return io::Output{std::move(document), std::move(table), {}, std::move(charts)};
}

namespace {

/// The total of a year, or of the whole period.
struct YearTotal {
  std::string year; // 2025, or 2025-2027 for the period
  std::string total;
  bool period = false;
};

const io::Fields<YearTotal> year_total_fields = {
    {.key = "year",
     .label = "label.year",
     .type = io::FieldType::year,
     .value = [](const YearTotal &t) { return t.year; }},
    {.key = "total",
     .label = "label.total",
     .type = io::FieldType::money,
     .value = [](const YearTotal &t) { return t.total; }},
};

} // namespace

io::Output budget_totals(const Evaluation &evaluation, const Lang &lang) {
  const model::Budget &budget = evaluation.budget();
  const int places = display_places(budget);
  std::vector<YearTotal> totals;
  for (int year = budget.first_year; year <= budget.last_year; ++year) {
    totals.push_back({std::to_string(year), display_amount(evaluation.year_total(year), places)});
  }
  const YearTotal period{period_name(budget.first_year, budget.last_year),
                         display_amount(evaluation.period_total(), places), true};
  Node document = Node::mapping();
  document.add("kind", Node::string("budget-totals"));
  document.add("budget", Node::string(budget.id));
  document.add("currency", Node::string(std::string(budget.currency.code())));
  document.add("years", io::record_list(year_total_fields, totals));
  document.add("period_total", Node::number(period.total));
  totals.push_back(period); // the table's total row
  const auto title = lang.text("title.budget", {{"title", budget.title.in(lang)},
                                                {"currency", std::string(budget.currency.code())}});
  return io::Output(std::move(document),
                    io::record_table("years", title, year_total_fields, totals, lang,
                                     [](const YearTotal &t) { return t.period; }));
}

} // namespace isukit::budget
