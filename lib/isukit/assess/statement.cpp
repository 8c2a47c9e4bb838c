#include <isukit/assess/statement.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace isukit::assess {

using io::Column;
using io::ColumnType;
using io::Node;
using util::Lang;

namespace {

std::int64_t received_in(const StateBalance& balance, int year) {
  for (const auto& y : balance.years) {
    if (y.year == year) {
      return y.received;
    }
  }
  return 0;
}

/// What `after` credits beyond `before`: per year, then what it adds to the credit held.
std::vector<CreditedPart> parts_between(const StateBalance& before, const StateBalance& after) {
  std::vector<CreditedPart> parts;
  for (const auto& y : after.years) {
    if (const std::int64_t delta = y.received - received_in(before, y.year); delta != 0) {
      parts.push_back(CreditedPart{y.year, delta});
    }
  }
  if (after.credit > before.credit) {
    parts.push_back(CreditedPart{std::nullopt, after.credit - before.credit});
  }
  return parts;
}

/// The state's assessments up to the as-of year and its payments, in date order (an
/// assessment, dated 1 January, before the payments of that day).
std::vector<StatementLine> events_of(const model::Ledger& ledger, model::StateId state, const util::Date& as_of) {
  std::vector<StatementLine> lines;
  for (int year : ledger.years()) {
    if (year <= as_of.year() && ledger.assessed(state, year) != 0) {
      lines.push_back(StatementLine{StatementLine::Kind::assessment, util::Date(year, 1, 1), year, "",
                                    ledger.assessed(state, year), {}, 0});
    }
  }
  for (const auto& p : ledger.payments()) {
    if (p.state == state) {
      lines.push_back(StatementLine{StatementLine::Kind::payment, p.date, p.year.value_or(0), p.reference, p.amount, {}, 0});
    }
  }
  std::stable_sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) {
    return a.date != b.date ? a.date < b.date : a.kind == StatementLine::Kind::assessment && b.kind != a.kind;
  });
  return lines;
}

Statement statement_of(const model::Ledger& ledger, model::StateId state, const util::Date& as_of) {
  Statement statement{state, events_of(ledger, state, as_of), {}};
  PaidSums paid;
  StateBalance before = credit_state(ledger, state, paid, model::Ledger::first_year);
  std::int64_t balance = 0;
  for (auto& line : statement.lines) {
    if (line.kind == StatementLine::Kind::payment) {
      (line.year ? paid.named[static_cast<std::size_t>(line.year - model::Ledger::first_year)] : paid.unnamed) += line.amount;
      balance -= line.amount;
    } else {
      balance += line.amount;
    }
    StateBalance after = credit_state(ledger, state, paid, line.date.year());
    line.parts = parts_between(before, after);
    line.balance = balance;
    before = std::move(after);
  }
  statement.closing = credit_state(ledger, state, paid, as_of.year());
  return statement;
}

} // namespace

std::vector<Statement> compute_statements(const model::Ledger& ledger, const model::StateTable& states,
                                          const util::Date& as_of, const std::vector<model::StateId>& selection) {
  std::vector<model::StateId> order = selection;
  if (order.empty()) {
    for (model::StateId id = 0; id < states.size(); ++id) {
      if (ledger.involves(id)) {
        order.push_back(id);
      }
    }
  }
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return states[a].code < states[b].code; });
  order.erase(std::unique(order.begin(), order.end()), order.end());
  std::vector<Statement> statements;
  for (const auto state : order) {
    statements.push_back(statement_of(ledger, state, as_of));
  }
  return statements;
}

namespace {

/// The parts of a line as a sequence of {year, amount} or {credit: amount}.
Node parts_node(const std::vector<CreditedPart>& parts, const util::Currency& currency) {
  Node list = Node::sequence();
  for (const auto& part : parts) {
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

Node line_node(const StatementLine& line, const util::Currency& currency) {
  const bool payment = line.kind == StatementLine::Kind::payment;
  Node node = Node::mapping();
  node.add("date", Node::string(line.date.iso()));
  node.add("entry", Node::string(payment ? "payment" : "assessment"));
  if (payment && !line.reference.empty()) {
    node.add("reference", Node::string(line.reference));
  }
  if (line.year) {
    node.add("year", Node::number(std::to_string(line.year)));
  }
  node.add("amount", Node::number(util::Money(line.amount, currency).plain()));
  node.add("credited", parts_node(line.parts, currency));
  node.add("balance", Node::number(util::Money(line.balance, currency).plain()));
  return node;
}

std::int64_t total_outstanding(const StateBalance& balance) {
  std::int64_t total = 0;
  for (const auto& y : balance.years) {
    total += y.outstanding;
  }
  return total;
}

Node closing_node(const StateBalance& closing, const util::Currency& currency) {
  Node node = Node::mapping();
  Node years = Node::sequence();
  for (const auto& y : closing.years) {
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

Node statement_document(const Statement& statement, const ContributionsStatus& status, const model::StateTable& states) {
  Node document = Node::mapping();
  document.add("kind", Node::string("statement"));
  if (!status.treaty.empty()) {
    document.add("treaty", Node::string(status.treaty));
  }
  document.add("as_of", Node::string(status.as_of.iso()));
  document.add("currency", Node::string(std::string(status.currency.code())));
  document.add("state", Node::string(states[statement.state].code));
  Node lines = Node::sequence();
  for (const auto& line : statement.lines) {
    lines.push(line_node(line, status.currency));
  }
  document.add("lines", std::move(lines));
  document.add("closing", closing_node(statement.closing, status.currency));
  return document;
}

/// The table rows of one line: the line, then one row per part of its crediting.
void add_line_rows(io::Table& table, const std::string& code, const StatementLine& line, const util::Currency& currency,
                   Lang lang) {
  const bool payment = line.kind == StatementLine::Kind::payment;
  const std::string amount = util::Money(line.amount, currency).plain();
  const std::string entry = payment ? lang.text("statement.payment", {{"reference", line.reference}})
                                    : lang.text("statement.assessment");
  table.rows.push_back(io::Row{{code, line.date.iso(), entry, line.year ? std::to_string(line.year) : "",
                                payment ? "" : amount, payment ? amount : "", "",
                                util::Money(line.balance, currency).plain()},
                               false});
  for (const auto& part : line.parts) {
    const std::string what = part.year ? (payment ? lang.text("statement.credited_to") : lang.text("statement.credit_applied_to"))
                                       : lang.text("statement.held_as_credit");
    table.rows.push_back(io::Row{{code, "", "  " + what, part.year ? std::to_string(*part.year) : "", "", "",
                                  util::Money(part.amount, currency).plain(), ""},
                                 false});
  }
}

/// The closing rows: outstanding per year, credit, total due.
void add_closing_rows(io::Table& table, const std::string& code, const StateBalance& closing,
                      const util::Currency& currency, Lang lang) {
  for (const auto& y : closing.years) {
    if (y.outstanding != 0) {
      table.rows.push_back(io::Row{{code, "", lang.text("label.outstanding"), std::to_string(y.year), "", "", "",
                                    util::Money(y.outstanding, currency).plain()},
                                   true});
    }
  }
  table.rows.push_back(io::Row{{code, "", lang.text("label.credit"), "", "", "", "",
                                util::Money(closing.credit, currency).plain()},
                               true});
  table.rows.push_back(io::Row{{code, "", lang.text("label.total_due"), "", "", "", "",
                                util::Money(total_outstanding(closing), currency).plain()},
                               true});
}

} // namespace

io::Output statement_output(const std::vector<Statement>& statements, const ContributionsStatus& status,
                            const model::StateTable& states, Lang lang) {
  io::Output output;
  io::Table table;
  table.name = "lines";
  table.title = lang.text("title.statements", {{"date", status.as_of.iso()}, {"currency", std::string(status.currency.code())}});
  table.columns = {Column{lang.text("label.state"), ColumnType::text},     Column{lang.text("label.date"), ColumnType::date},
                   Column{lang.text("label.entry"), ColumnType::text}, Column{lang.text("label.year"), ColumnType::text},
                   Column{lang.text("label.assessed"), ColumnType::money},
                   Column{lang.text("label.paid"), ColumnType::money},
                   Column{lang.text("label.credited"), ColumnType::money},
                   Column{lang.text("label.balance"), ColumnType::money}};
  for (const auto& statement : statements) {
    const std::string& code = states[statement.state].code;
    output.documents.push_back(statement_document(statement, status, states));
    for (const auto& line : statement.lines) {
      add_line_rows(table, code, line, status.currency, lang);
    }
    add_closing_rows(table, code, statement.closing, status.currency, lang);
  }
  table.notes.push_back(lang.text("note.statement"));
  output.tables.push_back(std::move(table));
  return output;
}

} // namespace isukit::assess
