// assess import's outputs: the payments document, its table, the payers set aside, the summary.
#include <isukit/assess/import.hpp>
#include <isukit/io/fields.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace isukit::assess {

using io::Node;
using io::Value;

namespace {

std::string source_of(const ImportedPayment &payment) {
  return fmt::format("{}:{}", payment.source.file ? *payment.source.file : "", payment.source.line);
}

/// The fields after the date and state that every record has, matched or not.
void add_receipt(Node &record, const ImportedPayment &payment) {
  record.add("amount", Node::number(payment.amount.plain()));
  record.add("currency", Node::string(std::string(payment.amount.currency().code())));
  if (payment.year) {
    record.add("year", Node::number(std::to_string(*payment.year)));
  }
  if (!payment.reference.empty()) {
    record.add("reference", Node::string(payment.reference));
  }
}

/// A matched payment: what was read, and the state it was matched to.
io::Fields<ImportedPayment> payment_fields(const model::StateTable &states) {
  using P = ImportedPayment;
  io::Fields<P> fields = {
      {.key = "date",
       .label = "label.date",
       .type = io::FieldType::date,
       .value = [](const P &p) { return p.date.iso(); }},
      {.key = "state",
       .label = "label.state",
       .value = [&states](const P &p) { return states[p.match.state].code; }},
      {.key = "amount",
       .label = "label.amount",
       .type = io::FieldType::money,
       .value = [](const P &p) { return p.amount.plain(); }},
      {.key = "currency",
       .label = "label.currency",
       .value = [](const P &p) { return std::string(p.amount.currency().code()); }},
      {.key = "year",
       .label = "label.year",
       .type = io::FieldType::year,
       .omit_absent = true,
       .value = [](const P &p) { return p.year ? Value(std::to_string(*p.year)) : Value(); }},
      {.key = "reference",
       .label = "label.reference",
       .omit_absent = true,
       .value = [](const P &p) { return p.reference.empty() ? Value() : Value(p.reference); }},
      {.key = "source", .label = "label.source", .value = [](const P &p) { return source_of(p); }},
      {.key = "payer", .label = "label.payer", .value = [](const P &p) { return p.payer; }},
      {.key = "matched",
       .label = "label.matched_by",
       .value = [](const P &p) { return p.match.how; }},
  };
  return fields;
}

} // namespace

io::Output payments_output(const ImportResult &result, const model::StateTable &states,
                           const util::Lang &lang) {
  const auto fields = payment_fields(states);
  Node document = Node::mapping();
  document.add("kind", Node::string("payments"));
  document.add("payments", io::record_list(fields, result.payments));
  return io::Output(std::move(document),
                    io::record_table("payments", lang.text("title.payments_imported"), fields,
                                     result.payments, lang));
}

io::Node unmatched_document(const ImportResult &result, const model::StateTable &states) {
  Node document = Node::mapping();
  document.add("kind", Node::string("unmatched-payments"));
  Node &list = document.add("payments", Node::sequence());
  for (const auto &payment : result.unmatched) {
    Node record = Node::mapping();
    record.add("date", Node::string(payment.date.iso()));
    add_receipt(record, payment);
    record.add("source", Node::string(source_of(payment)));
    record.add("payer", Node::string(payment.payer));
    record.add("remittance", Node::string(payment.remittance));
    const bool ambiguous = payment.match.outcome == PayerMatch::Outcome::ambiguous;
    record.add("problem", Node::string(ambiguous ? "ambiguous" : "unmatched"));
    Node &candidates = record.add("candidates", Node::sequence());
    for (auto id : payment.match.candidates) {
      candidates.push(Node::string(states[id].code));
    }
    list.push(std::move(record));
  }
  return document;
}

std::string summary_text(const ImportSummary &summary, const util::Lang &english) {
  std::size_t left_out = 0;
  std::string reasons;
  for (const auto &[name, count] : summary.left_out) {
    left_out += count;
    reasons += fmt::format("{}{} {}", reasons.empty() ? "" : ", ", name, count);
  }
  std::string text =
      fmt::format("{}: {}", english.plural("count.rows", static_cast<std::int64_t>(summary.rows)),
                  english.plural("count.payments", static_cast<std::int64_t>(summary.payments)));
  if (summary.set_aside > 0) {
    text += fmt::format(", {} set aside (payer not matched)", summary.set_aside);
  }
  if (left_out > 0) {
    text += fmt::format(", {} left out ({})", left_out, reasons);
  }
  return text;
}

std::vector<std::string> outgoing_notes(const ImportSummary &summary) {
  std::vector<std::string> notes;
  for (const auto &[what, rows] : summary.outgoing_left_out) {
    const auto count = summary.left_out.find(what);
    const std::size_t more = count == summary.left_out.end() ? 0 : count->second - rows.size();
    notes.push_back(fmt::format("{} left out, not in the payments (a refund is a negative "
                                "payment: the rules' '{}: keep' imports it): {}{}",
                                what, what, fmt::join(rows, "; "),
                                more > 0 ? fmt::format("; and {} more", more) : ""));
  }
  return notes;
}

} // namespace isukit::assess
