#include <isukit/io/shape.hpp>
#include <isukit/model/budget.hpp>
#include <isukit/model/catalogue.hpp>
#include <isukit/model/documents.hpp>
#include <isukit/model/ledger.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace isukit::model {

using io::Node;

namespace {

int parse_year(const Node::Entry &entry, const Budget &budget) {
  const Node key = Node::scalar(entry.key, Node::Style::string, entry.value.mark());
  const int year = key.as_int();
  if (year < budget.first_year || year > budget.last_year) {
    entry.value.fail(fmt::format("year {} is outside the budget's period {}-{}", year,
                                 budget.first_year, budget.last_year));
  }
  return year;
}

/// A figure the budget shows (an amount, a stated figure or total) is a whole number of rounding
/// units: the table and its totals show no finer figure, so 100002.50 under `rounding: 1` would
/// be shown, totalled and apportioned as something it is not. None is below zero: a budget
/// states costs, and a negative one would be totalled and apportioned as a saving no line states.
util::Money parse_shown_amount(const Node &value, const Budget &budget, std::string_view what) {
  const util::Money amount = value.as_nonnegative_money(budget.currency, what);
  if (amount.minor_units() % budget.rounding.minor_units() != 0) {
    value.fail(
        fmt::format("{} is not a multiple of the budget's rounding unit {} (write a multiple "
                    "of it, or a finer 'rounding')",
                    amount.plain(), budget.rounding.plain()));
  }
  return amount;
}

/// A mapping of year to a figure the budget shows (`{2021: 341405, ...}`), each a multiple of
/// the rounding unit and at least zero.
std::map<int, util::Money> parse_shown_amounts(const Node &node, const Budget &budget,
                                               std::string_view what) {
  std::map<int, util::Money> amounts;
  for (const auto &entry : node.as_mapping().entries()) {
    amounts.emplace(parse_year(entry, budget), parse_shown_amount(entry.value, budget, what));
  }
  return amounts;
}

/// A rule's share or quantity: a decimal at least zero (a negative one would turn a cost into a
/// saving no line states).
util::Rational parse_nonnegative(const Node &value, std::string_view what) {
  const util::Rational read = value.as_decimal();
  if (read < 0) {
    value.fail(fmt::format("{} cannot be negative", what));
  }
  return read;
}

/// `unit_cost: 2500` for every year of the budget, or `unit_cost: {2025: 10.00, 2026: 11.00}`
/// per year; none below zero. A unit cost may be finer than the rounding unit: only the rule's
/// result is rounded.
std::map<int, util::Money> parse_unit_costs(const Node &cost, const Budget &budget) {
  std::map<int, util::Money> costs;
  if (cost.is_scalar()) {
    const util::Money each = cost.as_nonnegative_money(budget.currency, "a unit cost");
    for (int year = budget.first_year; year <= budget.last_year; ++year) {
      costs.emplace(year, each);
    }
    return costs;
  }
  for (const auto &entry : cost.as_mapping().entries()) {
    costs.emplace(parse_year(entry, budget),
                  entry.value.as_nonnegative_money(budget.currency, "a unit cost"));
  }
  return costs;
}

/// A rule is one of two forms, `share` and `of` or `quantity` and `unit_cost`: a key of the
/// other form beside them would be read by neither, half the rule silently dropped, so it is an
/// error at the rule naming the keys that do not belong.
void require_one_form(const Node &node) {
  const bool share = node.find("share") != nullptr;
  if (!share && !node.find("quantity")) {
    return; // neither form: parse_rule says what a rule is
  }
  static constexpr std::array<const char *, 2> share_keys = {"share", "of"};
  static constexpr std::array<const char *, 2> quantity_keys = {"quantity", "unit_cost"};
  std::vector<std::string> extra;
  for (const char *key : share ? quantity_keys : share_keys) {
    if (node.find(key)) {
      extra.push_back(fmt::format("'{}'", key));
    }
  }
  if (!extra.empty()) {
    node.fail(fmt::format("a rule is either 'share' and 'of', or 'quantity' and 'unit_cost', not "
                          "both: this {} rule also has {}",
                          share ? "share" : "quantity", fmt::join(extra, " and ")));
  }
}

BudgetRule parse_rule(const Node &node, const Budget &budget) {
  BudgetRule rule;
  rule.mark = node.mark();
  require_one_form(node);
  if (const Node *share = node.find("share")) {
    rule.kind = BudgetRule::Kind::share;
    rule.percent = parse_nonnegative(*share, "a share");
    // A line named twice would be counted twice in the sum.
    io::require_each_once(node.at("of"), "line", "'of'");
    for (const auto &line : node.at("of").as_sequence()) {
      rule.of.push_back(line.as_text());
    }
    if (rule.of.empty()) {
      node.at("of").fail("a share rule needs at least one line in 'of'");
    }
    return rule;
  }
  if (const Node *quantity = node.find("quantity")) {
    rule.kind = BudgetRule::Kind::quantity_cost;
    rule.quantity = parse_nonnegative(*quantity, "a quantity");
    rule.unit_cost = parse_unit_costs(node.at("unit_cost"), budget);
    return rule;
  }
  node.fail("expected a rule with 'share' and 'of', or 'quantity' and 'unit_cost'");
}

/// A line of money has an amount or a rule for every year of the budget: a year left out would
/// be read as nothing budgeted (and apportioned and invoiced as 0.00). A quantity rule needs a
/// unit cost for each year it covers.
void require_every_year(const Node &record, const BudgetLine &line, const Budget &budget) {
  const Node &where = record.find("amounts") ? record.at("amounts") : record;
  for (const int year : budget.years()) {
    if (line.amounts.count(year)) {
      continue;
    }
    if (!line.rule) {
      where.fail(fmt::format(
          "line '{}' has no amount and no rule for {}, a year of the budget's period {}-{} "
          "(write {}: 0 if nothing is budgeted)",
          line.id, year, budget.first_year, budget.last_year, year));
    }
    if (line.rule->kind == BudgetRule::Kind::quantity_cost && !line.rule->unit_cost.count(year)) {
      record.at("rule")
          .at("unit_cost")
          .fail(fmt::format("line '{}' has no amount for {} and its rule no unit cost for it",
                            line.id, year));
    }
  }
}

/// A rule line's `stated` figures: years the line does not also give as amounts.
void read_stated(const Node &stated, BudgetLine &line, const Budget &budget) {
  if (!line.rule) {
    stated.fail("'stated' figures belong to a line with a rule");
  }
  line.stated = parse_shown_amounts(stated, budget, "a stated figure");
  for (const auto &entry : stated.entries()) {
    if (line.amounts.count(parse_year(entry, budget))) {
      entry.value.fail(
          fmt::format("line '{}' has both an amount and a rule for {}", line.id, entry.key));
    }
  }
}

/// A line is money (amounts, a rule, or both) for every year, or in kind: never both, never
/// neither.
void require_line_shape(const Node &record, const BudgetLine &line, const Budget &budget) {
  if (line.in_kind() && (line.rule || !line.amounts.empty())) {
    record.fail(fmt::format("line '{}' is in kind and cannot also carry money", line.id));
  }
  if (!line.in_kind() && !line.rule && line.amounts.empty()) {
    record.fail(fmt::format("line '{}' needs amounts, a rule, or in_kind_en", line.id));
  }
  if (!line.in_kind()) {
    require_every_year(record, line, budget);
  }
}

/// One line: its labels and notes, amounts, rule, stated figures or in-kind text.
BudgetLine parse_line(const Node &record, const Budget &budget) {
  BudgetLine line;
  line.mark = record.mark();
  line.id = record.at("id").as_text();
  if (budget.find_line(line.id)) {
    record.at("id").fail(fmt::format("line '{}' is defined twice", line.id));
  }
  line.label = read_local_text(record, "label");
  line.label.set_default(record.at("label_en").as_text());
  line.note = read_optional_local_text(record, "note");
  line.in_kind_text = read_optional_local_text(record, "in_kind");
  if (line.in_kind_text.all().size() > 0) {
    line.in_kind_text.set_default(record.at("in_kind_en").as_text());
  }
  if (const Node *amounts = record.find("amounts")) {
    line.amounts = parse_shown_amounts(*amounts, budget, "an amount");
  }
  if (const Node *rule = record.find("rule")) {
    line.rule = parse_rule(*rule, budget);
    // A rule covers every year not given as an amount; a year given both ways is ambiguous.
    if (record.find("amounts") && line.amounts.size() == budget.years().size()) {
      rule->fail(fmt::format("line '{}' has both an amount and a rule for every year", line.id));
    }
  }
  if (const Node *stated = record.find("stated")) {
    read_stated(*stated, line, budget);
  }
  require_line_shape(record, line, budget);
  return line;
}

/// `years: {from, to}`: a period within the years an assessment can be made for (a budget is
/// apportioned from them).
void read_period(const Node &years, Budget &budget) {
  budget.first_year = years.at("from").as_int();
  budget.last_year = years.at("to").as_int();
  budget.period_mark = years.mark();
  if (budget.last_year < budget.first_year) {
    years.fail("the period ends before it starts");
  }
  for (const char *bound : {"from", "to"}) {
    const Node &year = years.at(bound);
    if (year.as_int() < Ledger::first_year || year.as_int() > Ledger::last_year) {
      year.fail(fmt::format("year {} is outside {}-{}", year.as_int(), Ledger::first_year,
                            Ledger::last_year));
    }
  }
}

/// `rounding` (default one minor unit, positive) and `status` (estimate or actual).
void read_rounding_and_status(const Node &root, Budget &budget) {
  budget.rounding = root.find("rounding") ? root.at("rounding").as_money(budget.currency)
                                          : util::Money(1, budget.currency);
  if (budget.rounding.minor_units() <= 0) {
    root.at("rounding").fail("the rounding unit must be positive");
  }
  if (const Node *status = root.find("status")) {
    if (status->as_text() == "actual") {
      budget.status = Budget::Status::actual;
    } else if (status->text() != "estimate") {
      status->fail(fmt::format("expected 'estimate' or 'actual', got '{}'", status->text()));
    }
  }
}

/// The budget's notes: each a text per language, English required.
std::vector<BudgetNote> read_notes(const Node *notes) {
  std::vector<BudgetNote> read;
  for (const auto &note : notes ? notes->as_sequence() : std::vector<Node>{}) {
    BudgetNote text;
    for (const auto &entry : note.as_mapping().entries()) {
      text.set(entry.key, entry.value.as_text());
    }
    text.set_default(note.at("en").as_text());
    read.push_back(std::move(text));
  }
  return read;
}

/// Every line a rule names exists and is money.
void require_rule_targets(const Budget &budget) {
  for (const auto &line : budget.lines) {
    for (const auto &ref : line.rule ? line.rule->of : std::vector<std::string>{}) {
      const BudgetLine *target = budget.find_line(ref);
      if (!target) {
        util::fail_data(line.rule->mark.position(),
                        fmt::format("rule of line '{}' refers to unknown line '{}'", line.id, ref));
      }
      if (target->in_kind()) {
        util::fail_data(line.rule->mark.position(),
                        fmt::format("rule of line '{}' refers to in-kind line '{}'", line.id, ref));
      }
    }
  }
}

/// `stated_totals`: per year, and `period`.
void read_stated_totals(const Node &totals, Budget &budget) {
  for (const auto &entry : totals.as_mapping().entries()) {
    if (entry.key == "period") {
      budget.stated_period_total = parse_shown_amount(entry.value, budget, "a stated total");
    } else {
      budget.stated_totals.emplace(parse_year(entry, budget),
                                   parse_shown_amount(entry.value, budget, "a stated total"));
    }
  }
}

} // namespace

std::vector<int> Budget::years() const {
  std::vector<int> result;
  for (int year = first_year; year <= last_year; ++year) {
    result.push_back(year);
  }
  return result;
}

const BudgetLine *Budget::find_line(std::string_view id) const {
  for (const auto &line : lines) {
    if (line.id == id) {
      return &line;
    }
  }
  return nullptr;
}

Budget Budget::from_document(const Node &root) {
  Budget budget;
  budget.mark = root.mark();
  budget.id = root.at("id").as_text();
  budget.source = io::Source::of(root, "source.budget");
  budget.title = read_local_text(root, "title");
  budget.title.set_default(root.at("title_en").as_text());
  budget.currency = root.at("currency").as_currency();
  read_period(root.at("years"), budget);
  read_rounding_and_status(root, budget);
  budget.notes = read_notes(root.find("notes"));
  for (const auto &record : root.at("lines").as_sequence()) {
    budget.lines.push_back(parse_line(record, budget));
  }
  require_rule_targets(budget);
  if (const Node *totals = root.find("stated_totals")) {
    read_stated_totals(*totals, budget);
  }
  return budget;
}

std::vector<Budget> read_budgets(const std::vector<std::string> &inputs) {
  std::vector<Budget> budgets;
  // Two documents with one id (an old and a revised copy of a budget) would become two budgets
  // that no reader can tell apart.
  io::NamedOnce ids("budget", "the inputs");
  for (const auto &document : read_documents(inputs, {"budget"})) {
    budgets.push_back(Budget::from_document(document.root));
    ids.require_new(document.root.at("id"));
  }
  return budgets;
}

std::vector<io::Source> sources_of(const std::vector<Budget> &budgets) {
  std::vector<io::Source> sources;
  sources.reserve(budgets.size());
  for (const auto &budget : budgets) {
    sources.push_back(budget.source);
  }
  return sources;
}

} // namespace isukit::model
