// assess import's outputs: the payments document, its table, the payers set aside, the summary.
#include <isukit/assess/import.hpp>

#include <fmt/format.h>

namespace isukit::assess {

using io::Column;
using io::ColumnType;
using io::Node;

namespace {

std::string source_of(const ImportedPayment& payment) {
  return fmt::format("{}:{}", payment.source.file ? *payment.source.file : "", payment.source.line);
}

/// The fields after the date and state that every record has, matched or not.
void add_receipt(Node& record, const ImportedPayment& payment) {
  record.add("amount", Node::number(payment.amount.plain()));
  record.add("currency", Node::string(std::string(payment.amount.currency().code())));
  if (payment.year) {
    record.add("year", Node::number(std::to_string(*payment.year)));
  }
  if (!payment.reference.empty()) {
    record.add("reference", Node::string(payment.reference));
  }
}

Node payment_record(const ImportedPayment& payment, const model::StateTable& states) {
  Node record = Node::mapping();
  record.add("date", Node::string(payment.date.iso()));
  record.add("state", Node::string(states[payment.match.state].code));
  add_receipt(record, payment);
  record.add("source", Node::string(source_of(payment)));
  record.add("payer", Node::string(payment.payer));
  record.add("matched", Node::string(payment.match.how));
  return record;
}

io::Table payments_table(const ImportResult& result, const model::StateTable& states, util::Lang lang) {
  io::Table table;
  table.name = "payments";
  table.title = lang.text("title.payments_imported");
  table.columns = {Column{lang.text("label.date"), ColumnType::date}, Column{lang.text("label.state"), ColumnType::text},
                   Column{lang.text("label.amount"), ColumnType::money},
                   Column{lang.text("label.currency"), ColumnType::text},
                   Column{lang.text("label.year"), ColumnType::text},
                   Column{lang.text("label.reference"), ColumnType::text},
                   Column{lang.text("label.source"), ColumnType::text},
                   Column{lang.text("label.payer"), ColumnType::text},
                   Column{lang.text("label.matched_by"), ColumnType::text}};
  for (const auto& payment : result.payments) {
    table.rows.push_back({{payment.date.iso(), states[payment.match.state].code, payment.amount.plain(),
                           std::string(payment.amount.currency().code()), payment.year ? std::to_string(*payment.year) : "",
                           payment.reference, source_of(payment), payment.payer, payment.match.how},
                          false});
  }
  return table;
}

} // namespace

io::Output payments_output(const ImportResult& result, const model::StateTable& states, util::Lang lang) {
  Node document = Node::mapping();
  document.add("kind", Node::string("payments"));
  Node& list = document.add("payments", Node::sequence());
  for (const auto& payment : result.payments) {
    list.push(payment_record(payment, states));
  }
  io::Output output;
  output.documents.push_back(std::move(document));
  output.tables.push_back(payments_table(result, states, lang));
  return output;
}

io::Node unmatched_document(const ImportResult& result, const model::StateTable& states) {
  Node document = Node::mapping();
  document.add("kind", Node::string("unmatched-payments"));
  Node& list = document.add("payments", Node::sequence());
  for (const auto& payment : result.unmatched) {
    Node record = Node::mapping();
    record.add("date", Node::string(payment.date.iso()));
    add_receipt(record, payment);
    record.add("source", Node::string(source_of(payment)));
    record.add("payer", Node::string(payment.payer));
    record.add("remittance", Node::string(payment.remittance));
    const bool ambiguous = payment.match.outcome == PayerMatch::Outcome::ambiguous;
    record.add("problem", Node::string(ambiguous ? "ambiguous" : "unmatched"));
    Node& candidates = record.add("candidates", Node::sequence());
    for (auto id : payment.match.candidates) {
      candidates.push(Node::string(states[id].code));
    }
    list.push(std::move(record));
  }
  return document;
}

std::string summary_text(const ImportSummary& summary) {
  std::size_t left_out = 0;
  std::string reasons;
  for (const auto& [name, count] : summary.left_out) {
    left_out += count;
    reasons += fmt::format("{}{} {}", reasons.empty() ? "" : ", ", name, count);
  }
  std::string text = fmt::format("{} rows: {} payments", summary.rows, summary.payments);
  if (summary.set_aside > 0) {
    text += fmt::format(", {} set aside (payer not matched)", summary.set_aside);
  }
  if (left_out > 0) {
    text += fmt::format(", {} left out ({})", left_out, reasons);
  }
  return text;
}

} // namespace isukit::assess
