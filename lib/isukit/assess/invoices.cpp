#include <isukit/assess/invoices.hpp>
#include <isukit/model/ledger.hpp>
#include <isukit/util/decimal.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

namespace isukit::assess {

using io::Node;

namespace {

/// Money as the letter shows it, or false for zero (a section the template leaves out).
Node amount_or_false(std::int64_t minor, const util::Currency &currency, const util::Lang &lang) {
  return minor == 0 ? Node::boolean(false)
                    : Node::string(util::Money(minor, currency).grouped(lang));
}

const StateBalance *find_balance(const ContributionsStatus &status, model::StateId state) {
  const auto it = std::find_if(status.states.begin(), status.states.end(),
                               [state](const StateBalance &b) { return b.state == state; });
  return it == status.states.end() ? nullptr : &*it;
}

/// What the state owes beside the year's assessment, as of the issue date: adds `ledger`,
/// `received`, `arrears` and `credit` to the context and returns the total to pay.
util::Money add_balance(Node &context, const StateBalance *balance, int year,
                        const util::Money &amount, const util::Lang &lang) {
  const util::Currency &currency = amount.currency();
  std::int64_t received = 0;
  util::Money arrears = util::Money::zero(currency);
  std::vector<YearBalance> owed;
  for (const auto &y : balance ? balance->years : std::vector<YearBalance>{}) {
    if (y.year == year) {
      received = y.received;
    } else if (y.year < year && y.outstanding > 0) {
      owed.push_back(y);
      arrears += util::Money(y.outstanding, currency);
    }
  }
  const std::int64_t credit = balance ? balance->credit : 0;
  context.add("ledger", Node::boolean(true));
  context.add("received", amount_or_false(received, currency, lang));
  context.add("arrears", owed.empty() ? Node::boolean(false)
                                      : io::record_context(year_fields(currency), owed, lang));
  context.add("credit", amount_or_false(credit, currency, lang));
  const util::Money total =
      amount - util::Money(received, currency) + arrears - util::Money(credit, currency);
  return total.is_negative() ? util::Money::zero(currency) : total;
}

/// The years `documents` assess, ascending, once each.
std::set<int> assessed_years(const std::vector<io::Document> &documents) {
  std::set<int> years;
  for (const auto &document : documents) {
    years.insert(static_cast<int>(document.root.at("year").as_int()));
  }
  return years;
}

} // namespace

std::vector<const io::Document *> invoiced_documents(const std::vector<io::Document> &documents,
                                                     std::optional<int> year,
                                                     const model::StateTable &states) {
  for (const auto &document : documents) {
    if (document.kind == "payments") {
      document.root.fail("payments are not invoiced: give them with --ledger (each invoice then "
                         "adds the state's arrears and credit), and as inputs the assessments of "
                         "the year to invoice");
    }
  }
  const std::set<int> assessed = assessed_years(documents);
  const std::string years = fmt::format("{}", fmt::join(assessed, ", ")); // "2023, 2024"
  if (!year && assessed.size() > 1) {
    throw util::Error(util::ExitCode::usage,
                      fmt::format("the inputs assess {}: invoices are for one year's assessments; "
                                  "give --year YEAR, or only that year's assessments",
                                  years));
  }
  std::vector<const io::Document *> invoiced;
  std::map<model::StateId, io::Mark> assessed_at; // of the one year invoiced
  for (const auto &document : documents) {
    const int assessed_year = document.root.at("year").as_int();
    if (!year || assessed_year == *year) {
      for (const auto &record : document.root.at("assessments").as_sequence()) {
        const model::StateId id = model::assessed_state(record, states);
        model::check_assessed_once(record, states[id], assessed_year, assessed_at[id]);
        assessed_at[id] = record.mark();
      }
      invoiced.push_back(&document);
    }
  }
  if (invoiced.empty()) {
    throw util::Error(
        util::ExitCode::data,
        fmt::format("no assessments of {} in the inputs (they assess {})", *year, years));
  }
  return invoiced;
}

std::string invoice_reference(const model::Treaty &treaty, int year, const model::State &state) {
  return fmt::format("{}-{}-{}", treaty.short_names().in("en"), year, state.code);
}

namespace {

/// What every invoice of a batch shares.
struct BatchTerms {
  const model::Treaty &treaty;
  const InvoiceSettings &settings;
  const ContributionsStatus *balances; // the ledger's status, or none
  int year = 0;
  util::Currency currency;
  util::Date due;
  std::optional<util::Money> total; // the document's total, when it gives one
  std::int64_t amounts_gcd = 1;     // of the amounts, in minor units: the rounding unit at most
};

/// Whether a record's `rate` (per cent) gives its `amount` of the document's total: within the
/// rounding unit, which is at most the greatest common divisor of the amounts (each is a
/// multiple of it). A rate that does not (a rate before a minimum contribution) is not printed.
bool rate_gives_amount(const Node &rate, const util::Money &amount, const BatchTerms &terms) {
  const auto value = util::parse_decimal(rate.as_text());
  if (!value || !terms.total) {
    return value.has_value();
  }
  const util::Rational gap =
      *value * terms.total->minor_units() / 100 - util::Rational(amount.minor_units());
  return boost::multiprecision::abs(gap) < util::Rational(terms.amounts_gcd);
}

/// The greatest common divisor of the amounts of an assessments document, in minor units (1
/// when they are all zero).
std::int64_t amounts_gcd(const Node &assessments, const util::Currency &currency) {
  std::int64_t gcd = 0;
  for (const auto &record : assessments.at("assessments").as_sequence()) {
    gcd = std::gcd(gcd, record.at("amount").as_money(currency).minor_units());
  }
  return gcd == 0 ? 1 : gcd;
}

/// One state's invoice context (see make_invoices) for its `assessments` record; returns the
/// total it asks for.
util::Money fill_invoice(Node &context, const Node &record, model::StateId id,
                         const model::State &state, const BatchTerms &terms,
                         const util::Lang &lang) {
  const InvoiceSettings &settings = terms.settings;
  const util::Money amount = record.at("amount").as_money(terms.currency);
  context.add("reference", Node::string(invoice_reference(terms.treaty, terms.year, state)));
  context.add("year", Node::string(std::to_string(terms.year)));
  context.add("currency", Node::string(std::string(terms.currency.code())));
  context.add("amount", Node::string(amount.grouped(lang)));
  const Node *rate = record.find("rate");
  if (rate && !rate_gives_amount(*rate, amount, terms)) {
    rate = nullptr;
  }
  context.add("rate", rate ? Node::string(util::localize_decimal(rate->as_text(), lang))
                           : Node::boolean(false));
  context.add("issued", Node::string(settings.issued.iso()));
  context.add("due", Node::string(terms.due.iso()));
  context.add("issued_long", Node::string(util::long_date(settings.issued, lang)));
  context.add("due_long", Node::string(util::long_date(terms.due, lang)));
  const util::Money total = terms.balances ? add_balance(context, find_balance(*terms.balances, id),
                                                         terms.year, amount, lang)
                                           : amount;
  context.add("total", Node::string(total.grouped(lang)));
  context.add("nothing_due",
              Node::boolean(total.is_zero())); // --include-zero: a notice, not a demand
  return total;
}

} // namespace

InvoiceBatch make_invoices(const Node &assessments, const model::Treaty &treaty,
                           const model::StateTable &states, const model::LetterKit &kit,
                           const InvoiceSettings &settings, const ContributionsStatus *balances) {
  const int year = assessments.at("year").as_int();
  const util::Currency currency = assessments.at("currency").as_currency();
  if (!(currency == treaty.currency())) {
    assessments.at("currency")
        .fail(fmt::format("assessments in {}, but the {} accounts are in {}", currency.code(),
                          treaty.short_names().in("en"), treaty.currency().code()));
  }
  const BatchTerms terms{
      treaty,
      settings,
      balances,
      year,
      currency,
      settings.due ? *settings.due : treaty.due_rule().due(settings.issued, year),
      assessments.find("total") ? std::optional(assessments.at("total").as_money(currency))
                                : std::nullopt,
      amounts_gcd(assessments, currency)};
  InvoiceBatch batch;
  util::Money sum = util::Money::zero(currency);
  for (const auto &record : assessments.at("assessments").as_sequence()) {
    const model::StateId id = model::assessed_state(record, states);
    treaty.require_paying_party(id, year, record.at("state").mark(), states);
    const model::State &state = states[id];
    const util::Lang lang = kit.lang_for(id);
    sum = sum + record.at("amount").as_money(currency);
    Node context = kit.to_state(id, states, treaty, settings.issued, lang);
    const util::Money total = fill_invoice(context, record, id, state, terms, lang);
    if (total.is_zero() && !settings.include_zero) {
      batch.nothing_to_pay.push_back(state.code);
      continue;
    }
    batch.letters.push_back(kit.letter(fmt::format("{}-{}", state.code, year), context, lang));
  }
  model::check_assessments_total(assessments, sum);
  return batch;
}

} // namespace isukit::assess
