#include <isukit/assess/invoices.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace isukit::assess {

using io::Node;

namespace {

/// Invoice references use the English short name in every language, so that they stay one
/// reference across the languages of the letters ("CCW-2025-FRA").
const std::string& reference_prefix(const model::Treaty& treaty) { return treaty.short_names().in("en"); }

} // namespace

io::Node invoice_context(const model::Treaty& treaty, const model::State& state, int year, const util::Money& amount,
                         const std::string& rate, const InvoiceSettings& settings) {
  const util::Lang& lang = settings.lang;
  Node context = Node::mapping();
  Node& who = context.add("state", Node::mapping());
  who.add("code", Node::string(state.code));
  who.add("name", Node::string(state.name(lang)));
  for (const auto& [code, name] : state.names.all()) {
    who.add("name_" + code, Node::string(name)); // a template may quote the name in another language
  }
  context.add("year", Node::string(std::to_string(year)));
  context.add("currency", Node::string(std::string(amount.currency().code())));
  context.add("amount", Node::string(amount.grouped(lang)));
  context.add("amount_plain", Node::string(amount.plain()));
  context.add("rate", Node::string(util::localize_decimal(rate, lang)));
  context.add("reference", Node::string(fmt::format("{}-{}-{}", reference_prefix(treaty), year, state.code)));
  context.add("issued", Node::string(settings.issued.iso()));
  context.add("due", Node::string(settings.due.iso()));
  context.add("issued_long", Node::string(util::long_date(settings.issued, lang)));
  context.add("due_long", Node::string(util::long_date(settings.due, lang)));
  model::add_letter_fields(context, treaty, lang);
  return context;
}

std::vector<io::Letter> make_invoices(const Node& assessments, const model::Treaty& treaty,
                                      const model::StateTable& states, const io::LetterTemplate& letter,
                                      const InvoiceSettings& settings) {
  const int year = assessments.at("year").as_int();
  const util::Currency currency = assessments.at("currency").as_currency();
  if (!(currency == treaty.currency())) {
    assessments.at("currency").fail(fmt::format("assessments in {}, but the {} accounts are in {}", currency.code(),
                                                reference_prefix(treaty), treaty.currency().code()));
  }
  std::vector<io::Letter> letters;
  for (const auto& record : assessments.at("assessments").as_sequence()) {
    const auto& state = states[states.require(record.at("state"))];
    const util::Money amount = record.at("amount").as_money(currency);
    const std::string rate = record.find("rate") ? record.at("rate").as_text() : "";
    const Node context = invoice_context(treaty, state, year, amount, rate, settings);
    letters.push_back(io::Letter{fmt::format("{}-{}{}", state.code, year, letter.output_extension()),
                                 letter.render(context)});
  }
  return letters;
}

} // namespace isukit::assess
