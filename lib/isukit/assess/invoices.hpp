// Invoices: one letter per state with something to pay, from a Mustache template.
#pragma once

#include <isukit/assess/status.hpp>
#include <isukit/io/letters.hpp>
#include <isukit/model/letter_kit.hpp>
#include <isukit/model/treaty.hpp>

#include <optional>
#include <string>
#include <vector>

namespace isukit::assess {

struct InvoiceSettings {
  util::Date issued;
  std::optional<util::Date> due; // --due; else the treaty's rule (model::DueRule)
  bool include_zero = false;     // write an invoice where nothing is to be paid
};

/// The reference of an invoice: TREATY-YEAR-STATE with the treaty's English short name in
/// every language ("CCW-2026-FRA"): one per treaty, year and state, the same in every language.
std::string invoice_reference(const model::Treaty &treaty, int year, const model::State &state);

struct InvoiceBatch {
  std::vector<io::Letter> letters;
  std::vector<std::string> nothing_to_pay; // the codes of the states left out, in input order
};

/// The assessments documents to invoice, all of one year, among the documents of the inputs
/// (model::read_documents with kinds `assessments` and `payments`), in input order. An invoice
/// is for one year's assessments: a `payments` document is a data error (65) at it, saying to
/// give the payments with --ledger; assessments of several years are a usage error (64) naming
/// them, unless `year` selects one; a `year` no document assesses is a data error (65) naming
/// the years the inputs assess. Each record of those invoiced must be a State's
/// (model::assessed_state: an organization's line is refused, before any treaty is looked up),
/// and no State assessed twice for the year (model::check_assessed_once, as the ledger checks).
std::vector<const io::Document *> invoiced_documents(const std::vector<io::Document> &documents,
                                                     std::optional<int> year,
                                                     const model::StateTable &states);

/// One invoice per record of an `assessments` document, named STATE-YEAR plus the template's
/// extension (FRA-2025.md), in each state's letter language. The context: LetterKit::to_state's
/// fields dated the issue date, `reference`, `year`, `currency`, `amount` (the year's
/// assessment), `rate` (false when the record has none), `issued`, `due`, `issued_long`,
/// `due_long`, `total` (what to pay); with `balances` (the ledger's status as of the issue
/// date) also `ledger` (true), `received` (paid for the year already), `arrears` [{year,
/// amount}] of earlier years and `credit`, each false when there is none; `nothing_due` (the
/// total is zero: with `include_zero` the letter is a notice and asks for no payment). Total =
/// amount - received + arrears - credit, never below zero; a state whose total is zero gets no
/// invoice unless `include_zero`, and is listed in `nothing_to_pay`.
InvoiceBatch make_invoices(const io::Node &assessments, const model::Treaty &treaty,
                           const model::StateTable &states, const model::LetterKit &kit,
                           const InvoiceSettings &settings, const ContributionsStatus *balances);

} // namespace isukit::assess
