#include <isukit/assess/statement.hpp>
#include <isukit/io/fields.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace isukit::assess {

using io::Node;
using util::Lang;

namespace {

std::int64_t received_in(const StateBalance &balance, int year) {
  for (const auto &y : balance.years) {
    if (y.year == year) {
      return y.received;
    }
  }
  return 0;
}

/// Adds a payment line to the sums credit_state reads.
void add_paid(PaidSums &paid, const StatementLine &line) {
  if (line.year) {
    paid.named[static_cast<std::size_t>(line.year - model::Ledger::first_year)] += line.amount;
  } else if (line.amount < 0) {
    paid.unnamed_refunds -= line.amount;
  } else {
    paid.unnamed += line.amount;
  }
}

/// What `after` credits beyond `before`: per year, then what it adds to the credit held. A
/// refund's parts are below zero: what it takes back from each year and from the credit; an
/// assessment's are the credit applied to it, shown as a part of its year only (`payment`
/// false).
std::vector<CreditedPart> parts_between(const StateBalance &before, const StateBalance &after,
                                        bool payment) {
  std::vector<CreditedPart> parts;
  for (const auto &y : after.years) {
    if (const std::int64_t delta = y.received - received_in(before, y.year); delta != 0) {
      parts.push_back(CreditedPart{y.year, delta});
    }
  }
  if (after.credit > before.credit || (payment && after.credit < before.credit)) {
    parts.push_back(CreditedPart{std::nullopt, after.credit - before.credit});
  }
  return parts;
}

/// The state's assessments up to the as-of year and its payments, in date order (an
/// assessment, dated 1 January, before the payments of that day, and a day's refunds last).
std::vector<StatementLine> events_of(const model::Ledger &ledger, model::StateId state,
                                     const util::Date &as_of) {
  std::vector<StatementLine> lines;
  for (int year : ledger.years()) {
    if (year <= as_of.year() && ledger.assessed(state, year) != 0) {
      lines.push_back(StatementLine{StatementLine::Kind::assessment,
                                    util::Date(year, 1, 1),
                                    year,
                                    "",
                                    ledger.assessed(state, year),
                                    {},
                                    0});
    }
  }
  for (const auto &p : ledger.payments()) {
    if (p.state == state) {
      lines.push_back(StatementLine{
          StatementLine::Kind::payment, p.date, p.year.value_or(0), p.reference, p.amount, {}, 0});
    }
  }
  // A day's receipts before its refunds, as the ledger's refund check reads them, so a refund
  // never takes back money the replay has not yet credited.
  const auto rank = [](const StatementLine &line) {
    return line.kind == StatementLine::Kind::assessment ? 0 : line.is_refund() ? 2 : 1;
  };
  std::stable_sort(lines.begin(), lines.end(), [&rank](const auto &a, const auto &b) {
    return a.date != b.date ? a.date < b.date : rank(a) < rank(b);
  });
  return lines;
}

Statement statement_of(const model::Ledger &ledger, model::StateId state, const util::Date &as_of) {
  Statement statement{state, events_of(ledger, state, as_of), {}};
  PaidSums paid;
  StateBalance before = credit_state(ledger, state, paid, model::Ledger::first_year);
  std::int64_t balance = 0;
  for (auto &line : statement.lines) {
    if (line.kind == StatementLine::Kind::payment) {
      add_paid(paid, line);
      balance -= line.amount;
    } else {
      balance += line.amount;
    }
    StateBalance after = credit_state(ledger, state, paid, line.date.year());
    line.parts = parts_between(before, after, line.kind == StatementLine::Kind::payment);
    line.balance = balance;
    before = std::move(after);
  }
  statement.closing = credit_state(ledger, state, paid, as_of.year());
  return statement;
}

} // namespace

const char *line_label(const StatementLine &line) {
  if (line.kind == StatementLine::Kind::assessment) {
    return "statement.assessment";
  }
  return line.is_refund() ? "statement.refund" : "statement.payment";
}

const char *part_label(const CreditedPart &part, bool payment) {
  if (part.amount < 0) {
    return part.year ? "statement.taken_back_from" : "statement.credit_taken_back";
  }
  return !part.year ? "statement.held_as_credit"
         : payment  ? "statement.credited_to"
                    : "statement.credit_applied_to";
}

std::vector<Statement> compute_statements(const model::Ledger &ledger,
                                          const model::StateTable &states, const util::Date &as_of,
                                          const std::vector<model::StateId> &selection) {
  std::vector<model::StateId> order = selection;
  for (const auto state : selection) {
    if (!ledger.involves(state)) {
      throw util::Error(util::ExitCode::data,
                        fmt::format("{} ({}) has no assessment or payment in the inputs: there is "
                                    "no statement of account to give",
                                    states[state].code,
                                    states[state].name("en"))); // diagnostics are English
    }
  }
  if (order.empty()) {
    for (std::size_t i = 0; i < states.size(); ++i) {
      const auto id = static_cast<model::StateId>(i); // the table holds fewer than 65,536
      if (ledger.involves(id)) {
        order.push_back(id);
      }
    }
  }
  std::sort(order.begin(), order.end(),
            [&](auto a, auto b) { return states[a].code < states[b].code; });
  order.erase(std::unique(order.begin(), order.end()), order.end());
  std::vector<Statement> statements;
  statements.reserve(order.size());
  for (const auto state : order) {
    statements.push_back(statement_of(ledger, state, as_of));
  }
  return statements;
}

namespace {

/// The parts of a line as a sequence of {year, amount} or {credit: amount}.
Node parts_node(const std::vector<CreditedPart> &parts, const util::Currency &currency) {
  Node list = Node::sequence();
  for (const auto &part : parts) {
    Node entry = Node::mapping();
    if (part.year) {
      entry.add("year", Node::number(std::to_string(*part.year)));
      entry.add("amount", Node::number(util::Money(part.amount, currency).plain()));
    } else {
      entry.add("credit", Node::number(util::Money(part.amount, currency).plain()));
    }
    list.push(std::move(entry));
  }
  return list;
}

std::string money_text(std::int64_t minor, const util::Currency &currency) {
  return util::Money(minor, currency).plain();
}

/// The code of a line's entry in a `statement` document: `assessment`, `payment` or `refund`.
const char *entry_code(const StatementLine &line) {
  if (line.kind == StatementLine::Kind::assessment) {
    return "assessment";
  }
  return line.is_refund() ? "refund" : "payment";
}

/// Each line of a `statement` document: the entry is a code (entry_code).
io::Fields<StatementLine> line_fields(const util::Currency &cur) {
  using L = StatementLine;
  const auto payment = [](const L &l) { return l.kind == L::Kind::payment; };
  io::Fields<L> fields = {
      {.key = "date",
       .type = io::FieldType::date,
       .value = [](const L &l) { return l.date.iso(); }},
      {.key = "entry",
       .type = io::FieldType::code,
       .value = [](const L &l) { return entry_code(l); }},
      {.key = "reference",
       .omit_absent = true,
       .value =
           [payment](const L &l) {
             return payment(l) && !l.reference.empty() ? io::Value(l.reference) : io::Value();
           }},
      {.key = "year",
       .type = io::FieldType::year,
       .omit_absent = true,
       .value =
           [](const L &l) { return l.year ? io::Value(std::to_string(l.year)) : io::Value(); }},
      {.key = "amount",
       .type = io::FieldType::money,
       .value = [cur](const L &l) { return money_text(l.amount, cur); }},
      {.key = "credited",
       .document = [cur](Node &record,
                         const L &l) { record.add("credited", parts_node(l.parts, cur)); }},
      {.key = "balance",
       .type = io::FieldType::money,
       .value = [cur](const L &l) { return money_text(l.balance, cur); }},
  };
  return fields;
}

std::int64_t total_outstanding(const StateBalance &balance) {
  std::int64_t total = 0;
  for (const auto &y : balance.years) {
    total += y.outstanding;
  }
  return total;
}

Node closing_node(const StateBalance &closing, const util::Currency &currency) {
  Node node = Node::mapping();
  Node years = Node::sequence();
  for (const auto &y : closing.years) {
    if (y.outstanding != 0) {
      Node entry = Node::mapping();
      entry.add("year", Node::number(std::to_string(y.year)));
      entry.add("outstanding", Node::number(util::Money(y.outstanding, currency).plain()));
      years.push(std::move(entry));
    }
  }
  node.add("outstanding", std::move(years));
  node.add("credit", Node::number(util::Money(closing.credit, currency).plain()));
  node.add("total_due", Node::number(util::Money(total_outstanding(closing), currency).plain()));
  return node;
}

Node statement_document(const Statement &statement, const ContributionsStatus &status,
                        const model::StateTable &states) {
  Node document = Node::mapping();
  document.add("kind", Node::string("statement"));
  if (!status.treaty.empty()) {
    document.add("treaty", Node::string(status.treaty));
  }
  document.add("as_of", Node::string(status.as_of.iso()));
  document.add("currency", Node::string(std::string(status.currency.code())));
  document.add("state", Node::string(states[statement.state].code));
  document.add("lines", io::record_list(line_fields(status.currency), statement.lines));
  document.add("closing", closing_node(statement.closing, status.currency));
  return document;
}

/// A row of the table of statements, for people: a line, a part of its crediting (indented
/// under it), or a row of the closing position (a total).
struct StatementRow {
  std::string state;                   // ISO code
  std::optional<util::Date> date = {}; // a line's
  std::string entry = {};              // the catalogue id of what the row is
  std::string reference = {};          // a payment's: the {reference} of `statement.payment`
  bool part = false;                   // a part of the line above
  int year = 0;                        // 0: none
  io::Value assessed = {}, paid = {}, credited = {}, balance = {};
  bool total = false;
};

const io::Fields<StatementRow> row_fields = {
    {.label = "label.state", .value = [](const StatementRow &r) { return r.state; }},
    {.label = "label.date",
     .type = io::FieldType::date,
     .value = [](const StatementRow &r) { return io::iso(r.date); }},
    {.label = "label.entry",
     .shown =
         [](const StatementRow &r, const Lang &lang) {
           return (r.part ? "  " : "") + lang.text(r.entry, {{"reference", r.reference}});
         }},
    {.label = "label.year",
     .value = [](const StatementRow &r) { return r.year ? std::to_string(r.year) : ""; }},
    {.label = "label.assessed",
     .type = io::FieldType::money,
     .value = [](const StatementRow &r) { return r.assessed; }},
    {.label = "label.paid",
     .type = io::FieldType::money,
     .value = [](const StatementRow &r) { return r.paid; }},
    {.label = "label.credited",
     .type = io::FieldType::money,
     .value = [](const StatementRow &r) { return r.credited; }},
    {.label = "label.balance",
     .type = io::FieldType::money,
     .value = [](const StatementRow &r) { return r.balance; }},
};

/// The rows of one line: the line, then one row per part of its crediting.
void add_line_rows(std::vector<StatementRow> &rows, const std::string &code,
                   const StatementLine &line, const util::Currency &cur) {
  const bool payment = line.kind == StatementLine::Kind::payment;
  const std::string amount = money_text(line.amount, cur);
  StatementRow &row = rows.emplace_back(StatementRow{.state = code,
                                                     .date = line.date,
                                                     .entry = line_label(line),
                                                     .reference = line.reference,
                                                     .year = line.year});
  (payment ? row.paid : row.assessed) = amount;
  row.balance = money_text(line.balance, cur);
  for (const auto &part : line.parts) {
    rows.push_back(StatementRow{.state = code,
                                .entry = part_label(part, payment),
                                .part = true,
                                .year = part.year.value_or(0),
                                .credited = money_text(part.amount, cur)});
  }
}

/// The closing rows: outstanding per year, credit, total due.
void add_closing_rows(std::vector<StatementRow> &rows, const std::string &code,
                      const StateBalance &closing, const util::Currency &cur) {
  for (const auto &y : closing.years) {
    if (y.outstanding != 0) {
      rows.push_back(StatementRow{.state = code,
                                  .entry = "label.outstanding",
                                  .year = y.year,
                                  .balance = money_text(y.outstanding, cur),
                                  .total = true});
    }
  }
  rows.push_back(StatementRow{.state = code,
                              .entry = "label.credit",
                              .balance = money_text(closing.credit, cur),
                              .total = true});
  rows.push_back(StatementRow{.state = code,
                              .entry = "label.total_due",
                              .balance = money_text(total_outstanding(closing), cur),
                              .total = true});
}

} // namespace

io::Output statement_output(const std::vector<Statement> &statements,
                            const ContributionsStatus &status, const model::StateTable &states,
                            const Lang &lang) {
  io::Output output;
  std::vector<StatementRow> rows;
  for (const auto &statement : statements) {
    const std::string &code = states[statement.state].code;
    output.documents.push_back(statement_document(statement, status, states));
    for (const auto &line : statement.lines) {
      add_line_rows(rows, code, line, status.currency);
    }
    add_closing_rows(rows, code, statement.closing, status.currency);
  }
  const auto title =
      lang.text("title.statements", {{"date", util::long_date(status.as_of, lang)},
                                     {"currency", std::string(status.currency.code())}});
  output.tables.push_back(io::record_table("lines", title, row_fields, rows, lang,
                                           [](const StatementRow &r) { return r.total; }));
  output.tables.back().notes.push_back(lang.text("note.statement"));
  return output;
}

} // namespace isukit::assess
