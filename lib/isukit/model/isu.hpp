// Who a letter comes from and how to pay: the ISU's letterhead, signatory and payment
// instructions, from the treaty file's `isu` section, overridable by a user `isu` document.
#pragma once

#include <isukit/io/node.hpp>
#include <isukit/util/lang.hpp>
#include <isukit/util/money.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace isukit::model {

/// The account contributions are paid into. Every field but the currency is text as the bank
/// gives it; the shipped treaty files leave them empty (no public source gives them).
struct PaymentInstructions {
  std::string account_name;
  std::string bank;
  std::string iban;
  std::string account_number; // where the account has no IBAN
  std::string swift;          // SWIFT/BIC
  util::Currency currency;    // of the account (ISO 4217); not valid() when not given
  io::Mark currency_mark;     // where `currency` was given

  /// Whether a state could pay from these instructions: an account (IBAN or number) at a bank.
  bool complete() const { return !bank.empty() && (!iban.empty() || !account_number.empty()); }
};

/// Who signs: a name (may be empty: the letter then carries the title alone) and a title per
/// language.
struct Signer {
  std::string name;
  util::LocalText title;
};

struct Isu {
  util::LocalText name;
  std::vector<std::string> address; // lines for a language without its own `address_CODE`
  std::map<std::string, std::vector<std::string>, std::less<>> local_address; // `address_fr`: lines
  std::string email;
  Signer signer;
  PaymentInstructions payment;

  /// The address lines in `lang`: `address_CODE` when given, else `address`.
  const std::vector<std::string> &address_in(const util::Lang &lang) const;
};

/// Reads an `isu` mapping (the treaty file's section or a user `isu` document): name_CODE in
/// each of `languages`, address (lines) and address_CODE, email, signatory {name, title_CODE},
/// payment {account_name, bank, iban (ISO 13616: util::iban_problem), account_number, swift
/// (ISO 9362: util::bic_problem), currency (ISO 4217: io::Node::as_currency; empty or null: none)}:
/// a malformed IBAN, BIC or currency is a data error (65) at its value. A field absent from
/// `section` keeps its value in `base`, so a user document overrides only what it gives.
Isu read_isu(const io::Node &section, const std::vector<std::string> &languages, Isu base = {});

/// A note on stderr at the currency's value (`tool: file:line:col: note: ...`, not an error: an
/// ISU may hold its account in another currency and say so) when `payment` gives a currency
/// other than `letters`, the currency of the amounts the letters ask for; once a run for each
/// pair of currencies: `noted` holds the pairs (account, letters) said already, which the caller
/// keeps for the run (assess invoices may write the letters of several treaties); the pair is
/// added when the note is said.
using NotedCurrencies = std::set<std::pair<std::string, std::string>>;
void note_payment_currency(const PaymentInstructions &payment, const util::Currency &letters,
                           NotedCurrencies &noted);

} // namespace isukit::model
