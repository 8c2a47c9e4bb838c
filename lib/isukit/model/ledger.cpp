#include <isukit/io/csv_reader.hpp>
#include <isukit/io/inputs.hpp>
#include <isukit/model/documents.hpp>
#include <isukit/model/ledger.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace isukit::model {

using io::Node;

/// Streams the ledger kinds into a Ledger's sums; other known kinds are skipped.
class LedgerReader : public io::DocumentConsumer {
public:
  LedgerReader(Ledger& ledger, const StateTable& states, const util::Date& as_of)
      : m_ledger(ledger), m_states(states), m_as_of(as_of) {
    const std::size_t years = Ledger::last_year - Ledger::first_year + 1;
    ledger.m_assessed.assign(states.size() * years, 0);
    ledger.m_named.assign(states.size() * years, 0);
    ledger.m_unnamed.assign(states.size(), 0);
    ledger.m_involved.assign(states.size(), false);
    m_assessed_at.assign(states.size() * years, io::Mark{});
  }

  std::string_view streamed_list(const std::string& kind, const Node& kind_node) override {
    require_known_kind(kind, kind_node);
    if (kind == "assessments") {
      return "assessments";
    }
    if (kind == "payments") {
      return "payments";
    }
    return {};
  }

  void on_record(const std::string& kind, const Node& header, const Node& record) override {
    if (kind == "assessments") {
      add_assessment(header, record);
    } else {
      add_payment(header, record);
    }
  }

  void on_document(io::Document document) override {
    m_in_document = false;
    if (document.kind == "assessments") {
      const Node& root = document.root;
      if (!root.find("year") || !root.find("currency")) {
        root.fail("an assessments document needs 'year' and 'currency' before its list");
      }
    } else if (document.kind == "fund") {
      add_fund(document.root);
    }
  }

  void on_csv(const std::string* file, std::string_view content) override;

  /// Checks made once everything is read.
  void finish() {
    m_diagnostics.throw_if_any();
    if (m_payment_currency.valid() && m_ledger.m_currency.valid() && !(m_payment_currency == m_ledger.m_currency)) {
      util::fail_data(m_first_payment.position(),
                      fmt::format("payment in {}, but the contributions are assessed in {}",
                                  m_payment_currency.code(), m_ledger.m_currency.code()));
    }
  }

private:
  int year_of(const Node& node) const {
    const int year = node.as_int();
    if (year < Ledger::first_year || year > Ledger::last_year) {
      node.fail(fmt::format("year {} is out of range", year));
    }
    return year;
  }

  util::Currency ledger_currency(const Node& node) {
    const util::Currency currency = node.as_currency();
    if (!m_ledger.m_currency.valid()) {
      m_ledger.m_currency = currency;
    } else if (!(currency == m_ledger.m_currency)) {
      node.fail(fmt::format("assessments in {} and in {} cannot be combined", m_ledger.m_currency.code(),
                            currency.code()));
    }
    return currency;
  }

  void add_assessment(const Node& header, const Node& record) {
    if (!m_in_document) {
      // The first record of a new assessments document.
      m_in_document = true;
      const Node* year = header.find("year");
      const Node* currency = header.find("currency");
      if (!year || !currency) {
        header.fail("an assessments document needs 'year' and 'currency' before its list");
      }
      m_year = year_of(*year);
      m_currency = ledger_currency(*currency);
      m_ledger.m_documents.push_back(AssessmentDocument{
          header.find("treaty") ? header.at("treaty").as_text() : std::string(), m_year, m_currency, header.mark()});
      m_ledger.m_year_used[static_cast<std::size_t>(m_year - Ledger::first_year)] = true;
    }
    record.check_keys({"state", "amount", "rate", "note"});
    const StateId state = m_states.require(record.at("state"));
    const std::size_t slot = m_ledger.slot(state, m_year);
    if (m_assessed_at[slot].line) {
      record.fail(fmt::format("{} is assessed twice for {} (also at line {})", m_states[state].code, m_year,
                              m_assessed_at[slot].line));
    }
    m_assessed_at[slot] = record.mark();
    const util::Money amount = record.at("amount").as_money(m_currency);
    if (amount.is_negative()) {
      record.at("amount").fail("an assessment cannot be negative");
    }
    count_volume(amount.minor_units(), record.at("amount").mark());
    m_ledger.m_assessed[slot] = amount.minor_units();
    m_ledger.m_involved[state] = true;
  }

  void note_payment_currency(const util::Currency& currency, const io::Mark& mark) {
    if (!m_payment_currency.valid()) {
      m_payment_currency = currency;
      m_first_payment = mark;
    } else if (!(currency == m_payment_currency)) {
      util::fail_data(mark.position(), fmt::format("payment in {}, other payments in {}", currency.code(),
                                                   m_payment_currency.code()));
    }
  }

  /// Counts an amount read at `mark` into the ledger's volume, the sum of every amount's
  /// magnitude. While the volume fits in int64 minor units, so does every sum the ledger or a
  /// computation from it can form; an amount that makes it overflow is a data error at that
  /// amount, never a wrapped total.
  void count_volume(std::int64_t amount, const io::Mark& mark) {
    const std::uint64_t magnitude = amount < 0 ? 0 - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount);
    if (magnitude > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max() - m_volume)) {
      util::fail_data(mark.position(), "the amounts of the ledger add up to more than 2^63 - 1 minor units");
    }
    m_volume += static_cast<std::int64_t>(magnitude);
  }

  void credit(StateId state, const util::Date& date, std::int64_t amount, std::optional<int> year,
              std::string_view reference, const io::Mark& mark) {
    if (date > m_as_of) {
      return;
    }
    count_volume(amount, mark);
    m_ledger.m_involved[state] = true;
    if (m_ledger.m_keep_payments) {
      m_ledger.m_payments.push_back(Payment{date, state, amount, year, std::string(reference)});
    }
    if (year) {
      m_ledger.m_named[m_ledger.slot(state, *year)] += amount;
    } else {
      m_ledger.m_unnamed[state] += amount;
    }
  }

  void add_payment(const Node& header, const Node& record) {
    record.check_keys({"date", "state", "amount", "currency", "reference", "year", "note", "source", "payer", "matched"});
    const Node* currency_node = record.find("currency");
    if (!currency_node) {
      currency_node = header.find("currency");
    }
    if (!currency_node) {
      record.fail("missing required field 'currency' (in the payment or before the list)");
    }
    const util::Currency currency = currency_node->as_currency();
    note_payment_currency(currency, record.mark());
    const util::Date date = record.at("date").as_date();
    const StateId state = m_states.require(record.at("state"));
    const util::Money amount = record.at("amount").as_money(currency);
    std::optional<int> year;
    if (const Node* y = record.find("year")) {
      year = year_of(*y);
    }
    const Node* reference = record.find("reference");
    credit(state, date, amount.minor_units(), year, reference ? reference->as_text() : std::string(),
           record.mark());
  }

  void add_fund(const Node& root) {
    const util::Currency currency = root.at("currency").as_currency();
    for (const auto& record : root.at("movements").as_sequence()) {
      record.check_keys({"date", "amount", "description", "reference", "note"});
      count_volume(record.at("amount").as_money(currency).minor_units(), record.at("amount").mark());
      m_ledger.m_fund.push_back(FundMovement{record.at("date").as_date(), record.at("amount").as_money(currency),
                                             record.find("description") ? record.at("description").as_text() : "",
                                             record.mark()});
    }
    std::stable_sort(m_ledger.m_fund.begin(), m_ledger.m_fund.end(),
                     [](const FundMovement& a, const FundMovement& b) { return a.date < b.date; });
  }

  Ledger& m_ledger;
  const StateTable& m_states;
  util::Date m_as_of;
  std::vector<io::Mark> m_assessed_at;
  bool m_in_document = false; // an assessments document's header has been read
  int m_year = 0;
  util::Currency m_currency;
  util::Currency m_payment_currency;
  io::Mark m_first_payment;
  util::Diagnostics m_diagnostics;
  std::int64_t m_volume = 0; // see count_volume
};

void LedgerReader::on_csv(const std::string* file, std::string_view content) {
  io::CsvReader reader(content, file);
  std::vector<std::string_view> fields;
  if (!reader.next_row(fields)) {
    return;
  }
  // Column positions by header name; `year` is optional.
  enum Column { date, state, amount, currency, reference, year, count };
  static constexpr std::string_view names[] = {"date", "state", "amount", "currency", "reference", "year"};
  int index[count] = {-1, -1, -1, -1, -1, -1};
  for (std::size_t i = 0; i < fields.size(); ++i) {
    for (int c = 0; c < count; ++c) {
      if (fields[i] == names[c]) {
        index[c] = static_cast<int>(i);
      }
    }
  }
  for (int c = 0; c < reference + 1; ++c) {
    if (index[c] < 0) {
      util::fail_data(reader.row_mark().position(),
                      fmt::format("a payments CSV needs the header date,state,amount,currency,reference[,year]; "
                                  "'{}' is missing", names[c]));
    }
  }
  const std::size_t needed = static_cast<std::size_t>(*std::max_element(std::begin(index), std::end(index))) + 1;
  auto field = [&](Column c) { return fields[static_cast<std::size_t>(index[c])]; };
  auto fail = [&](Column c, std::string message) {
    m_diagnostics.add(util::Error(util::ExitCode::data, reader.mark(static_cast<std::size_t>(index[c])).position(),
                                  std::move(message)));
  };
  util::Currency row_currency;
  std::string last_currency_text; // the currency column rarely changes: parse it once
  while (reader.next_row(fields)) {
    if (fields.size() < needed) {
      m_diagnostics.add(util::Error(util::ExitCode::data, reader.row_mark().position(),
                                    fmt::format("expected {} fields, got {}", needed, fields.size())));
      continue;
    }
    const auto day = util::Date::parse(field(date));
    if (!day) {
      fail(date, fmt::format("expected a date (YYYY-MM-DD), got '{}'", field(date)));
      continue;
    }
    const auto who = m_states.find(field(state));
    if (!who) {
      fail(state, fmt::format("unknown state code '{}'", field(state)));
      continue;
    }
    if (field(currency) != last_currency_text) {
      const auto parsed = util::Currency::parse(field(currency));
      if (!parsed) {
        fail(currency, fmt::format("expected a currency code such as USD, got '{}'", field(currency)));
        continue;
      }
      row_currency = *parsed;
      last_currency_text = field(currency);
      note_payment_currency(row_currency, reader.mark(static_cast<std::size_t>(index[currency])));
    }
    const auto money = util::parse_money(field(amount), row_currency);
    if (!money.money) {
      fail(amount, money.error);
      continue;
    }
    std::optional<int> named;
    if (index[year] >= 0 && !field(year).empty()) {
      const std::string_view text = field(year);
      // Four digits, checked before any is accumulated: a longer field must not overflow.
      const bool digits = text.size() == 4 && text.find_first_not_of("0123456789") == std::string_view::npos;
      int value = 0;
      for (char ch : digits ? text : std::string_view()) {
        value = value * 10 + (ch - '0');
      }
      if (!digits || !Ledger::in_range(value)) {
        fail(year, fmt::format("expected a year such as 2025, got '{}'", text));
        continue;
      }
      named = value;
    }
    credit(*who, *day, money.money->minor_units(), named, field(reference), reader.row_mark());
  }
}

Ledger Ledger::read(const std::vector<std::string>& inputs, const StateTable& states, const util::Date& as_of,
                    bool keep_payments) {
  Ledger ledger;
  ledger.m_keep_payments = keep_payments;
  LedgerReader reader(ledger, states, as_of);
  io::read_inputs(inputs, reader);
  reader.finish();
  return ledger;
}

std::vector<int> Ledger::years() const {
  std::vector<int> result;
  for (int year = first_year; year <= last_year; ++year) {
    if (m_year_used[static_cast<std::size_t>(year - first_year)]) {
      result.push_back(year);
    }
  }
  return result;
}

} // namespace isukit::model
