#include <isukit/model/catalogue.hpp>
#include <isukit/model/isu.hpp>
#include <isukit/util/bank_codes.hpp>
#include <isukit/util/error.hpp>

#include <fmt/format.h>

namespace isukit::model {

using io::Node;

namespace {

std::vector<std::string> lines(const Node &list) {
  std::vector<std::string> result;
  for (const auto &line : list.as_sequence()) {
    result.push_back(line.as_text());
  }
  return result;
}

/// Sets `field` to the text under `key` when the mapping gives it.
void take(const Node &mapping, std::string_view key, std::string &field) {
  if (const Node *value = mapping.find(key)) {
    field = value->is_null() ? std::string() : value->as_text();
  }
}

/// Each language's texts `key_CODE` the mapping gives replace those of `text`.
void take_local(const Node &mapping, std::string_view key, util::LocalText &text) {
  const util::LocalText given = read_local_text(mapping, key);
  for (const auto &[code, value] : given.all()) {
    text.set(code, value);
  }
}

/// Takes a bank's code and checks its form at the value: one typo would go onto the invoices,
/// statements and arrears letters of every State Party.
void take_code(const Node &payment, std::string_view key, std::string &field,
               std::optional<std::string> (*problem)(std::string_view)) {
  take(payment, key, field);
  if (const Node *value = payment.find(key); value && !field.empty()) {
    if (const auto why = problem(field)) {
      value->fail(*why);
    }
  }
}

void read_payment(const Node &payment, PaymentInstructions &into) {
  take(payment, "account_name", into.account_name);
  take(payment, "bank", into.bank);
  take_code(payment, "iban", into.iban, util::iban_problem);
  take(payment, "account_number", into.account_number);
  take_code(payment, "swift", into.swift, util::bic_problem);
  take(payment, "currency", into.currency);
}

} // namespace

const std::vector<std::string> &Isu::address_in(const util::Lang &lang) const {
  const auto local = local_address.find(lang.code());
  return local == local_address.end() ? address : local->second;
}

Isu read_isu(const Node &section, const std::vector<std::string> &languages, Isu base) {
  take_local(section, "name", base.name);
  default_to_english(base.name, languages);
  require_languages(base.name, section, "name", languages);
  if (const Node *address = section.find("address")) {
    base.address = lines(*address);
  }
  for (const auto &entry : section.entries()) {
    if (entry.key.rfind("address_", 0) == 0) {
      base.local_address[entry.key.substr(std::string_view("address_").size())] =
          lines(entry.value);
    }
  }
  take(section, "email", base.email);
  if (const Node *signatory = section.find("signatory")) {
    take(*signatory, "name", base.signer.name);
    take_local(*signatory, "title", base.signer.title);
  }
  if (const Node *payment = section.find("payment")) {
    read_payment(*payment, base.payment);
  }
  return base;
}

void note_payment_currency(const Node &section, const util::Currency &letters) {
  const Node *payment = section.find("payment");
  const Node *currency = payment ? payment->find("currency") : nullptr;
  if (currency && !currency->is_null() && currency->as_text() != letters.code()) {
    util::note(currency->mark().position(),
               fmt::format("the account is in {}, the letters' amounts in {}: a State would be "
                           "asked to pay {} into an account in {}",
                           currency->as_text(), letters.code(), letters.code(),
                           currency->as_text()));
  }
}

} // namespace isukit::model
