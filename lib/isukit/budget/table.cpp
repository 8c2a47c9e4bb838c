#include <isukit/budget/tables.hpp>
#include <isukit/io/fields.hpp>

#include <fmt/format.h>

namespace isukit::budget {

using io::Column;
using io::ColumnType;
using io::Node;
using util::Lang;

int display_places(const model::Budget& budget) {
  const int digits = budget.currency.minor_digits();
  std::int64_t unit = 1;
  for (int i = 0; i < digits; ++i) {
    unit *= 10;
  }
  return budget.rounding.minor_units() % unit == 0 ? 0 : digits;
}

std::string display_amount(const util::Money& amount, int places) {
  return util::format_decimal(amount.value(), places);
}

namespace {

/// One chart per line of the budget table: its amounts by year, from the table's own cells (a
/// line in kind has none and no chart).
std::vector<io::Table> line_charts(const io::Table& table, std::string_view currency, const Lang& lang) {
  std::vector<io::Table> charts;
  for (const auto& row : table.rows) {
    io::Table chart{"line", lang.text("chart.budget_line", {{"line", row.cells.front()}, {"currency", std::string(currency)}}),
                    {Column{lang.text("label.year"), ColumnType::text}, Column{lang.text("label.amount"), ColumnType::money}}};
    for (std::size_t c = 1; c + 1 < table.columns.size(); ++c) { // the years; the last column is the period's
      if (!row.is_total && util::is_plain_decimal(row.cells[c])) {
        chart.rows.push_back(io::Row{{table.columns[c].header, row.cells[c]}});
      }
    }
    if (!chart.rows.empty()) {
      charts.push_back(std::move(chart));
    }
  }
  return charts;
}

} // namespace

io::Output budget_table(const Evaluation& evaluation, Lang lang, std::optional<YearRange> range) {
  const model::Budget& budget = evaluation.budget();
  const int places = display_places(budget);
  const YearRange years = range.value_or(YearRange{budget.first_year, budget.last_year});
  const bool whole_period = years.first == budget.first_year && years.last == budget.last_year;
  const std::string total_header = whole_period ? fmt::format("{}-{}", years.first, years.last)
                                                : lang.text("label.total");

  io::Table table;
  table.name = "lines";
  table.title = lang.text("title.budget", {{"title", budget.title.in(lang)}, {"currency", std::string(budget.currency.code())}});
  table.columns.push_back(Column{lang.text("label.line"), ColumnType::text});
  for (int year = years.first; year <= years.last; ++year) {
    table.columns.push_back(Column{std::to_string(year), ColumnType::money});
  }
  table.columns.push_back(Column{total_header, ColumnType::money});

  Node document = Node::mapping();
  document.add("kind", Node::string("budget-table"));
  document.add("budget", Node::string(budget.id));
  document.add("currency", Node::string(std::string(budget.currency.code())));
  Node& year_list = document.add("years", Node::sequence());
  for (int year = years.first; year <= years.last; ++year) {
    year_list.push(Node::number(std::to_string(year)));
  }
  Node& lines = document.add("lines", Node::sequence());

  util::Money grand_total = util::Money::zero(budget.currency);
  for (std::size_t i = 0; i < budget.lines.size(); ++i) {
    const auto& line = budget.lines[i];
    io::Row row;
    row.cells.push_back(line.label.in(lang));
    Node entry = Node::mapping();
    entry.add("id", Node::string(line.id));
    // The data names the line in the budget's own language (label_en), whatever --lang says.
    entry.add("label", Node::string(line.label.all().at("en")));
    if (line.in_kind()) {
      for (int year = years.first; year <= years.last; ++year) {
        row.cells.push_back(lang.text("budget.in_kind"));
      }
      row.cells.push_back("");
      entry.add("in_kind", Node::string(line.in_kind_text.all().at("en")));
      table.notes.push_back(lang.text("note.budget.in_kind", {{"line", line.label.in(lang)},
                                                             {"what", line.in_kind_text.in(lang)},
                                                             {"note", line.note.in(lang)}}));
    } else {
      Node& amounts = entry.add("amounts", Node::mapping());
      util::Money line_total = util::Money::zero(budget.currency);
      for (int year = years.first; year <= years.last; ++year) {
        const auto& value = evaluation.cell(i, year).value;
        row.cells.push_back(value ? display_amount(*value, places) : "");
        if (value) {
          amounts.add(std::to_string(year), Node::number(display_amount(*value, places)));
          line_total += *value;
        }
      }
      row.cells.push_back(display_amount(line_total, places));
      entry.add("total", Node::number(display_amount(line_total, places)));
    }
    table.rows.push_back(std::move(row));
    lines.push(std::move(entry));
  }

  io::Row total_row;
  total_row.is_total = true;
  total_row.cells.push_back(lang.text("label.total"));
  Node& totals = document.add("totals", Node::mapping());
  for (int year = years.first; year <= years.last; ++year) {
    const util::Money total = evaluation.year_total(year);
    grand_total += total;
    total_row.cells.push_back(display_amount(total, places));
    totals.add(std::to_string(year), Node::number(display_amount(total, places)));
  }
  total_row.cells.push_back(display_amount(grand_total, places));
  totals.add(whole_period ? "period" : "selected_years", Node::number(display_amount(grand_total, places)));
  table.rows.push_back(std::move(total_row));

  std::vector<io::Table> charts = line_charts(table, budget.currency.code(), lang);
  return io::Output{{std::move(document)}, {std::move(table)}, {}, std::move(charts)};
}

namespace {

/// The total of a year, or of the whole period.
struct YearTotal {
  std::string year; // 2025, or 2025-2027 for the period
  std::string total;
  bool period = false;
};

const io::Fields<YearTotal> year_total_fields = {
    {.key = "year", .label = "label.year", .type = io::FieldType::year, .value = [](const YearTotal& t) { return t.year; }},
    {.key = "total", .label = "label.total", .type = io::FieldType::money, .value = [](const YearTotal& t) { return t.total; }},
};

} // namespace

io::Output budget_totals(const Evaluation& evaluation, Lang lang) {
  const model::Budget& budget = evaluation.budget();
  const int places = display_places(budget);
  std::vector<YearTotal> totals;
  for (int year = budget.first_year; year <= budget.last_year; ++year) {
    totals.push_back({std::to_string(year), display_amount(evaluation.year_total(year), places)});
  }
  const YearTotal period{fmt::format("{}-{}", budget.first_year, budget.last_year),
                         display_amount(evaluation.period_total(), places), true};
  Node document = Node::mapping();
  document.add("kind", Node::string("budget-totals"));
  document.add("budget", Node::string(budget.id));
  document.add("currency", Node::string(std::string(budget.currency.code())));
  document.add("years", io::record_list(year_total_fields, totals));
  document.add("period_total", Node::number(period.total));
  totals.push_back(period); // the table's total row
  const auto title = lang.text("title.budget", {{"title", budget.title.in(lang)}, {"currency", std::string(budget.currency.code())}});
  return io::Output(std::move(document), io::record_table("years", title, year_total_fields, totals, lang,
                                                          [](const YearTotal& t) { return t.period; }));
}

} // namespace isukit::budget
