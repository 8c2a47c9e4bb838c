// Invoices: one letter per assessed state, from a Mustache template.
#pragma once

#include <isukit/io/letters.hpp>
#include <isukit/model/treaty.hpp>

#include <vector>

namespace isukit::assess {

struct InvoiceSettings {
  util::Date issued;
  util::Date due;
  util::Lang lang;
};

/// The fields a template sees for one state: state (code, name, and name_CODE in every language), year,
/// currency, amount (grouped for the language), amount_plain, rate, reference, issued, due,
/// issued_long, due_long, treaty (name, short_name) and isu (name, address lines, email).
io::Node invoice_context(const model::Treaty& treaty, const model::State& state, int year, const util::Money& amount,
                         const std::string& rate, const InvoiceSettings& settings);

/// One invoice per record of an `assessments` document, named STATE-YEAR plus the template's
/// extension (FRA-2025.md).
std::vector<io::Letter> make_invoices(const io::Node& assessments, const model::Treaty& treaty,
                                      const model::StateTable& states, const io::LetterTemplate& letter,
                                      const InvoiceSettings& settings);

} // namespace isukit::assess
