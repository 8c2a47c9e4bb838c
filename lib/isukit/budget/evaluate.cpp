#include <isukit/budget/evaluate.hpp>
#include <isukit/io/inputs.hpp>

#include <fmt/format.h>

namespace isukit::budget {

using model::Budget;
using model::BudgetRule;
using util::Money;
using util::Rational;

util::Money round_to_unit(const Rational &value, const Money &unit) {
  const util::Integer units = util::round_to_integer(value / unit.value(), util::Rounding::half_up);
  // A whole number of units is a whole number of minor units: to_money rounds nothing here and
  // fails on a value past what money holds, where convert_to would saturate silently.
  return util::to_money(util::Rational(units) * unit.value(), unit.currency(),
                        util::Rounding::half_up);
}

namespace {

/// Runs `compute`, giving a money overflow (which util::Money reports without a position) the
/// position of the budget line or rule it came from, with what was being computed.
template <typename Compute>
auto located(const io::Mark &mark, std::string_view what, Compute &&compute) {
  try {
    return compute();
  } catch (const util::Error &error) {
    if (!error.position().file.empty()) {
      throw;
    }
    util::fail_data(mark.position(), fmt::format("{} is past the largest amount isukit holds ({})",
                                                 what, error.message()));
  }
}

class Evaluator {
public:
  Evaluator(const Budget &budget, std::vector<std::vector<Cell>> &cells)
      : m_budget(budget), m_cells(cells), m_state(budget.lines.size(), State::pending) {}

  void run() {
    for (std::size_t i = 0; i < m_budget.lines.size(); ++i) {
      visit(i, {});
    }
  }

private:
  enum class State { pending, visiting, done };

  std::size_t index_of(const std::string &id) const {
    for (std::size_t i = 0; i < m_budget.lines.size(); ++i) {
      if (m_budget.lines[i].id == id) {
        return i;
      }
    }
    return 0; // references were checked when the budget was read
  }

  void visit(std::size_t i, std::vector<std::string> path) {
    const auto &line = m_budget.lines[i];
    path.push_back(line.id);
    if (m_state[i] == State::done) {
      return;
    }
    if (m_state[i] == State::visiting) {
      util::fail_data(line.rule->mark.position(),
                      fmt::format("rules form a cycle: {}", fmt::join(path, " -> ")));
    }
    m_state[i] = State::visiting;
    if (line.rule) {
      for (const auto &ref : line.rule->of) {
        visit(index_of(ref), path);
      }
    }
    fill(i);
    m_state[i] = State::done;
  }

  void fill(std::size_t i) {
    const auto &line = m_budget.lines[i];
    for (int year = m_budget.first_year; year <= m_budget.last_year; ++year) {
      Cell &cell = m_cells[i][static_cast<std::size_t>(year - m_budget.first_year)];
      if (line.in_kind()) {
        cell.in_kind = true;
        continue;
      }
      if (const auto amount = line.amounts.find(year); amount != line.amounts.end()) {
        cell.value = amount->second;
        continue;
      }
      if (!line.rule) {
        continue;
      }
      cell.computed = compute(*line.rule, year);
      if (const auto stated = line.stated.find(year); stated != line.stated.end()) {
        cell.stated = stated->second;
        cell.value = stated->second;
      } else {
        cell.value = located(line.rule->mark, fmt::format("the rule's amount for {}", year),
                             [&] { return round_to_unit(*cell.computed, m_budget.rounding); });
      }
    }
  }

  Rational compute(const BudgetRule &rule, int year) const {
    if (rule.kind == BudgetRule::Kind::quantity_cost) {
      const auto cost = rule.unit_cost.find(year);
      if (cost == rule.unit_cost.end()) {
        util::fail_data(rule.mark.position(), fmt::format("no unit cost for {}", year));
      }
      return rule.quantity * cost->second.value();
    }
    Rational base = 0;
    for (const auto &ref : rule.of) {
      const Cell &source =
          m_cells[index_of(ref)][static_cast<std::size_t>(year - m_budget.first_year)];
      if (source.value) {
        base += source.value->value();
      }
    }
    return base * rule.percent / 100;
  }

  const Budget &m_budget;
  std::vector<std::vector<Cell>> &m_cells;
  std::vector<State> m_state;
};

} // namespace

Evaluation Evaluation::of(const Budget &budget) {
  Evaluation evaluation;
  evaluation.m_budget = &budget;
  evaluation.m_cells.assign(budget.lines.size(), std::vector<Cell>(budget.years().size()));
  Evaluator(budget, evaluation.m_cells).run();
  evaluation.check_totals();
  return evaluation;
}

void Evaluation::check_totals() const {
  const auto &lines = m_budget->lines;
  for (std::size_t line = 0; line < lines.size(); ++line) {
    located(lines[line].mark, fmt::format("the total of line '{}'", lines[line].id),
            [&] { return line_total(line); });
  }
  for (int year = m_budget->first_year; year <= m_budget->last_year; ++year) {
    Money total = Money::zero(m_budget->currency);
    for (std::size_t line = 0; line < lines.size(); ++line) {
      if (const auto &value = cell(line, year).value) {
        total = located(lines[line].mark,
                        fmt::format("the {} total with line '{}'", year, lines[line].id),
                        [&] { return total + *value; });
      }
    }
  }
  located(m_budget->mark, "the budget's total for the period", [&] { return period_total(); });
}

const Cell &Evaluation::cell(std::size_t line, int year) const {
  return m_cells[line][static_cast<std::size_t>(year - m_budget->first_year)];
}

Money Evaluation::line_total(std::size_t line) const {
  Money total = Money::zero(m_budget->currency);
  for (const auto &cell : m_cells[line]) {
    if (cell.value) {
      total += *cell.value;
    }
  }
  return total;
}

Money Evaluation::year_total(int year) const {
  Money total = Money::zero(m_budget->currency);
  for (std::size_t line = 0; line < m_cells.size(); ++line) {
    if (const auto &value = cell(line, year).value) {
      total += *value;
    }
  }
  return total;
}

Money Evaluation::period_total() const {
  Money total = Money::zero(m_budget->currency);
  for (int year = m_budget->first_year; year <= m_budget->last_year; ++year) {
    total += year_total(year);
  }
  return total;
}

namespace {

void require_currency(const io::Node &root, const util::Currency &found,
                      const util::Currency &expected) {
  if (!(found == expected)) {
    util::fail_data(
        root.at("currency").position(),
        fmt::format("the budget is in {}, the accounts in {}", found.code(), expected.code()));
  }
}

/// The entry of a budget-totals document for `year`, or null.
const io::Node *totals_entry(const io::Document &document, int year) {
  for (const auto &entry : document.root.at("years").as_sequence()) {
    if (entry.at("year").as_int() == year) {
      return &entry;
    }
  }
  return nullptr;
}

/// Whether a budget or budget-totals document gives a total for `year`.
bool gives_total_for(const io::Document &document, int year) {
  if (document.kind == "budget") {
    const auto budget = model::Budget::from_document(document.root);
    return year >= budget.first_year && year <= budget.last_year;
  }
  return totals_entry(document, year) != nullptr;
}

/// "budget 'ccm-isu-2021-2026'", "budget totals of 'b3'": how a message names a document.
std::string budget_name(const io::Document &document) {
  const io::Node *id = document.root.find(document.kind == "budget" ? "id" : "budget");
  return fmt::format("{} '{}'", document.kind == "budget" ? "budget" : "budget totals of",
                     id ? id->as_text() : std::string("(no id)"));
}

/// The year's total of a document that gives one (gives_total_for), in `expected` currency.
util::Money total_of(const io::Document &document, int year, const util::Currency &expected) {
  if (document.kind == "budget") {
    const auto budget = model::Budget::from_document(document.root);
    require_currency(document.root, budget.currency, expected);
    return Evaluation::of(budget).year_total(year);
  }
  const auto currency = document.root.at("currency").as_currency();
  require_currency(document.root, currency, expected);
  return totals_entry(document, year)->at("total").as_money(currency);
}

} // namespace

util::Money year_total(const std::vector<io::Document> &documents, int year,
                       const util::Currency &expected, const std::string &source) {
  const io::Document *found = nullptr;
  for (const auto &document : documents) {
    if (!gives_total_for(document, year)) {
      continue;
    }
    if (found) {
      document.root.fail(fmt::format(
          "{} and {} (at {}) both give a total for {}: which to apportion would depend on their "
          "order; give a file that holds only the budget to apportion",
          budget_name(document), budget_name(*found), found->root.mark().located(), year));
    }
    found = &document;
  }
  if (!found) {
    throw util::Error(util::ExitCode::data, util::Position{io::input_name(source), 0, 0},
                      fmt::format("no budget total for {}", year));
  }
  return total_of(*found, year, expected);
}

} // namespace isukit::budget
