#include <isukit/model/catalogue.hpp>
#include <isukit/model/isu.hpp>
#include <isukit/util/bank_codes.hpp>
#include <isukit/util/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <functional>

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

/// Sets `field` to the text under `key` when the mapping gives it: an optional text, which empty
/// or null says none (the treaty files' payment fields, a signatory without a name) and only
/// blanks is an error at it, 65 (io::Node::as_optional_text).
void take(const Node &mapping, std::string_view key, std::string &field) {
  if (const Node *value = mapping.find(key)) {
    field = value->is_null() ? std::string() : value->as_optional_text();
  }
}

/// "ar, fr": the languages `before` gave that `given` does not, which now fall back.
std::string dropped_languages(const std::vector<std::string> &before,
                              const std::function<bool(const std::string &)> &given) {
  std::vector<std::string> dropped;
  std::copy_if(before.begin(), before.end(), std::back_inserter(dropped),
               [&](const std::string &code) { return !given(code); });
  return fmt::format("{}", fmt::join(dropped, ", "));
}

/// Texts `key_CODE` the mapping gives in any language replace every language of `text`: the
/// base's others (a treaty file's old name in French) would otherwise stay in those letters.
/// A note names the languages the base gave and `mapping` does not (a name falls back to
/// English there; a language without English is refused by the caller, 65).
void take_local(const Node &mapping, std::string_view key, util::LocalText &text) {
  const util::LocalText given = read_local_text(mapping, key);
  if (given.all().empty()) {
    return;
  }
  std::vector<std::string> before;
  for (const auto &entry : text.all()) {
    before.push_back(entry.first);
  }
  const auto dropped =
      dropped_languages(before, [&](const std::string &code) { return given.has(code); });
  if (!dropped.empty()) {
    const std::string first = fmt::format("{}_{}", key, given.all().begin()->first);
    util::note(
        mapping.at(first).mark().position(),
        fmt::format("the treaty file's {} in {} is replaced by this one, not kept", key, dropped));
  }
  text = given;
}

/// `address` and `address_CODE`: given, they replace all of the base's, whose other languages
/// (the old address in French) would otherwise stay in those letters. A note names the
/// languages the base gave their own lines that now use `address`; `address_CODE` without
/// `address` is an error (65).
void take_address(const Node &section, Isu &isu) {
  std::map<std::string, std::vector<std::string>, std::less<>> local;
  for (const auto &entry : section.entries()) {
    if (entry.key.rfind("address_", 0) == 0) {
      local[entry.key.substr(std::string_view("address_").size())] = lines(entry.value);
    }
  }
  const Node *address = section.find("address");
  if (!address && local.empty()) {
    return;
  }
  if (!address) {
    section.at("address_" + local.begin()->first)
        .fail("address_" + local.begin()->first +
              " is given without address, the lines of every other language: their letters "
              "would keep the treaty file's address");
  }
  std::vector<std::string> before;
  for (const auto &entry : isu.local_address) {
    before.push_back(entry.first);
  }
  const auto dropped = dropped_languages(
      before, [&](const std::string &code) { return local.find(code) != local.end(); });
  if (!dropped.empty()) {
    util::note(
        address->mark().position(),
        fmt::format("the treaty file's address in {} is replaced by this one, not kept", dropped));
  }
  isu.address = lines(*address);
  isu.local_address = std::move(local);
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

/// The account's currency, an ISO 4217 code (io::Node::as_currency); empty or null gives none,
/// as the other payment fields may.
void take_currency(const Node &payment, PaymentInstructions &into) {
  if (const Node *value = payment.find("currency")) {
    const bool none = value->is_null() || (value->is_scalar() && value->text().empty());
    into.currency = none ? util::Currency() : value->as_currency();
    into.currency_mark = value->mark();
  }
}

void read_payment(const Node &payment, PaymentInstructions &into) {
  take(payment, "account_name", into.account_name);
  take(payment, "bank", into.bank);
  take_code(payment, "iban", into.iban, util::iban_problem);
  take(payment, "account_number", into.account_number);
  take_code(payment, "swift", into.swift, util::bic_problem);
  take_currency(payment, into);
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
  take_address(section, base);
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

void note_payment_currency(const PaymentInstructions &payment, const util::Currency &letters,
                           NotedCurrencies &noted) {
  if (payment.currency.valid() && payment.currency != letters &&
      noted.emplace(payment.currency.code(), letters.code()).second) {
    const std::string_view account = payment.currency.code();
    util::note(payment.currency_mark.position(),
               fmt::format("the account is in {}, the letters' amounts in {}: a State would be "
                           "asked to pay {} into an account in {}",
                           account, letters.code(), letters.code(), account));
  }
}

} // namespace isukit::model
