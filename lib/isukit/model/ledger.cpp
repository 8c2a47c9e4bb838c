#include <isukit/io/csv_reader.hpp>
#include <isukit/io/inputs.hpp>
#include <isukit/io/render.hpp>
#include <isukit/model/catalogue.hpp>
#include <isukit/model/documents.hpp>
#include <isukit/model/ledger.hpp>
#include <isukit/model/payment_checks.hpp>
#include <isukit/model/payment_row.hpp>
#include <isukit/model/year_coverage.hpp>
#include <isukit/util/pipeline.hpp>
#include <isukit/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <map>
#include <tuple>

namespace isukit::model {

using io::Node;

namespace {

/// A payments CSV's value is read as written: a date, code, amount or year with spaces around
/// it (` FRA`, `5.00 `: a padded bank export) is refused. Called where such a value is refused,
/// this says why (fails, 65, at the value), as the quotes that show the spaces are easily
/// misread; nothing when `text` has none. (A reference is read without them: util::trim_blanks.)
void refuse_blanks(const io::CsvReader &reader, std::size_t column, std::string_view text) {
  if (util::trim_blanks(text).size() == text.size()) {
    return;
  }
  const bool before = text.front() == ' ' || text.front() == '\t';
  const bool after = text.back() == ' ' || text.back() == '\t';
  util::fail_data(reader.mark(column).position(),
                  fmt::format("'{}' has {}: a CSV value is read as written; remove {}", text,
                              before && after ? "spaces around it"
                              : before        ? "a space before it"
                                              : "a space after it",
                              before && after ? "them" : "it"));
}

} // namespace

/// Streams the ledger kinds into a Ledger's sums; other known kinds are skipped (an
/// `unmatched-payments` document with a note: model::note_unmatched_payments).
class LedgerReader : public io::DocumentConsumer {
public:
  LedgerReader(Ledger &ledger, const StateTable &states, const util::Date &as_of,
               const LedgerChecks &checks, const Languages *languages)
      : m_ledger(ledger), m_states(states), m_as_of(as_of), m_duplicates(checks.wide_fingerprints),
        m_refunds(states.size()), m_identity_fingerprint(checks.fingerprint),
        m_languages(languages) {
    const std::size_t years = Ledger::last_year - Ledger::first_year + 1;
    ledger.m_assessed = util::ZeroedArray<std::int64_t>(states.size() * years);
    ledger.m_named = util::ZeroedArray<std::int64_t>(states.size() * years);
    ledger.m_unnamed.assign(states.size(), 0);
    ledger.m_unnamed_refunds.assign(states.size(), 0);
    ledger.m_involved.assign(states.size(), false);
    m_assessed_at = util::ZeroedArray<io::Mark>(states.size() * years);
  }

  std::string_view streamed_list(const std::string &kind, const Node &kind_node) override {
    require_known_kind(kind, kind_node);
    if (kind == "assessments") {
      return "assessments";
    }
    if (kind == "payments") {
      return "payments";
    }
    return {};
  }

  void on_record(const std::string &kind, const Node &header, const Node &record) override {
    if (kind == "assessments") {
      check_record(kind, "assessments", record);
      add_assessment(header, record);
    } else {
      try {
        check_record(kind, "payments", record);
        add_payment(header, record);
      } catch (const util::Error &error) {
        add_error(error); // every bad payment is reported, as a CSV's bad rows are
      }
    }
  }

  void on_document(io::Document document) override {
    const bool had_records = m_in_document;
    m_in_document = false;
    check_layout(document);
    note_unmatched_payments(document); // received, but credited to no State: said, not skipped
    const bool has_list = document.kind == "assessments" || document.kind == "payments";
    if (has_list && !document.root.find(document.kind)) {
      document.root.fail(fmt::format(
          "missing required field '{0}' (a document with none says '{0}: []')", document.kind));
    }
    if (document.kind == "assessments") {
      const Node &root = document.root;
      if (!had_records) {        // else its header was read at the first record
        begin_assessments(root); // a year of no assessments is still a year the ledger covers
      }
      check_assessments_total(root, util::Money(had_records ? m_document_sum : 0, m_currency));
    } else if (document.kind == "fund") {
      add_fund(document.root);
    }
  }

  void on_csv(io::CsvReader &reader) override;

  /// Reads `inputs` (io::read_inputs). A data error that ends the reading (a CSV's header, a
  /// document's form) is reported after the bad records read before it.
  io::InputsRead read(const std::vector<std::string> &inputs) {
    try {
      return io::read_inputs(inputs, *this);
    } catch (const util::Error &error) {
      if (error.code() != util::ExitCode::data || !m_diagnostics.any()) {
        throw;
      }
      add_error(error);
      m_diagnostics.throw_if_any();
      throw; // not reached: the diagnostics hold an error
    }
  }

  /// Checks made once everything is read; `inputs` are read again when a check needs it.
  /// With bad records, only the duplicate check is made: every repeat among the payments read
  /// is reported with them, in the order read, rather than once they are put right.
  void finish(const std::vector<std::string> &inputs) {
    if (m_diagnostics.any()) {
      if (m_duplicates.needs_second_reading()) {
        read_again(inputs);
      }
      m_duplicates.report(m_diagnostics);
      m_diagnostics.throw_if_any();
    }
    const bool duplicates = m_duplicates.needs_second_reading();
    const bool refunds = m_refunds.needs_second_reading();
    if (refunds || duplicates || m_years.needs_positions(m_as_of.year())) {
      read_again(inputs);
    }
    m_years.check(m_as_of.year(), m_diagnostics);
    m_duplicates.report(m_diagnostics);
    m_diagnostics.throw_if_any();
    m_refunds.check(m_states, m_payment_currency);
    check_fund_balance();
    if (m_payment_currency.valid() && m_ledger.m_currency.valid() &&
        !(m_payment_currency == m_ledger.m_currency)) {
      util::fail_data(m_first_payment.position(),
                      fmt::format("payment in {}, but the contributions are assessed in {}",
                                  m_payment_currency.code(), m_ledger.m_currency.code()));
    }
  }

private:
  /// Records a data error of the reading (a bad record; rethrows any other), after the payments
  /// read so far: DuplicateCheck::report puts the repeats among them in the order read.
  void add_error(const util::Error &error) {
    if (error.code() != util::ExitCode::data) {
      throw error; // a file that cannot be read is no bad record
    }
    m_diagnostics.add(error, m_duplicates.count());
  }

  int year_of(const Node &node) const {
    const int year = node.as_int();
    if (year < Ledger::first_year || year > Ledger::last_year) {
      node.fail(fmt::format("expected a year from {} to {}, got {}", Ledger::first_year,
                            Ledger::last_year, year));
    }
    return year;
  }

  /// The year a payment names in the optional year column (field `column`, `text`): none when
  /// empty; fails at the field when it is no year of the ledger.
  static std::optional<int> named_year(const io::CsvReader &reader, std::size_t column,
                                       std::string_view text) {
    if (text.empty()) {
      return std::nullopt;
    }
    const auto year = csv_year_of(text);
    if (!year) {
      refuse_blanks(reader, column, text);
      util::fail_data(reader.mark(column).position(),
                      fmt::format("expected a year from {} to {}, got '{}'", Ledger::first_year,
                                  Ledger::last_year, text));
    }
    return year;
  }

  /// A CSV `year` field: four digits within the ledger's years; nullopt otherwise.
  static std::optional<int> csv_year_of(std::string_view text) {
    if (text.size() != 4) {
      return std::nullopt;
    }
    int value = 0;
    for (const char c : text) {
      if (c < '0' || c > '9') {
        return std::nullopt;
      }
      value = value * 10 + (c - '0');
    }
    if (value < Ledger::first_year || value > Ledger::last_year) {
      return std::nullopt;
    }
    return value;
  }

  util::Currency ledger_currency(const Node &node) {
    const util::Currency currency = node.as_currency();
    if (!m_ledger.m_currency.valid()) {
      m_ledger.m_currency = currency;
    } else if (!(currency == m_ledger.m_currency)) {
      node.fail(fmt::format("assessments in {} and in {} cannot be combined",
                            m_ledger.m_currency.code(), currency.code()));
    }
    return currency;
  }

  /// An assessments document's header (`header`, read before its list): its year and currency.
  void begin_assessments(const Node &header) {
    const Node *year = header.find("year");
    const Node *currency = header.find("currency");
    if (!year || !currency) {
      header.fail("an assessments document needs 'year' and 'currency' before its list");
    }
    m_year = year_of(*year);
    m_currency = ledger_currency(*currency);
    m_document_sum = 0;
    m_ledger.m_documents.push_back(
        AssessmentDocument{header.find("treaty") ? treaty_id(header.at("treaty")) : std::string(),
                           m_year,
                           m_currency,
                           header.mark(),
                           {}});
    m_ledger.m_year_used[static_cast<std::size_t>(m_year - Ledger::first_year)] = true;
    m_years.assessed(m_year, header.mark());
  }

  void add_assessment(const Node &header, const Node &record) {
    if (!m_in_document) {
      m_in_document = true; // the first record of a new assessments document
      begin_assessments(header);
    }
    const StateId state = assessed_state(record, m_states);
    const std::size_t slot = m_ledger.slot(state, m_year);
    check_assessed_once(record, m_states[state], m_year, m_assessed_at[slot]);
    m_assessed_at[slot] = record.mark();
    m_ledger.m_documents.back().states.emplace_back(state, record.at("state").mark());
    const util::Money amount =
        record.at("amount").as_nonnegative_money(m_currency, "an assessment");
    count_volume(amount.minor_units(), record.at("amount").mark());
    m_ledger.m_assessed[slot] = amount.minor_units();
    m_document_sum += amount.minor_units(); // within the volume, so it cannot overflow
    m_ledger.m_involved[state] = true;
  }

  void note_payment_currency(const util::Currency &currency, const io::Mark &mark) {
    if (!m_payment_currency.valid()) {
      m_payment_currency = currency;
      m_first_payment = mark;
    } else if (!(currency == m_payment_currency)) {
      util::fail_data(mark.position(), fmt::format("payment in {}, other payments in {}",
                                                   currency.code(), m_payment_currency.code()));
    }
  }

  /// Counts an amount read at `mark` into the ledger's volume, the sum of every amount's
  /// magnitude. While the volume fits in int64 minor units, so does every sum the ledger or a
  /// computation from it can form; an amount that makes it overflow is a data error at that
  /// amount, never a wrapped total.
  void count_volume(std::int64_t amount, const io::Mark &mark) {
    if (!add_volume(amount)) {
      volume_overflow(mark);
    }
  }
  /// count_volume without the position: false, counting nothing, when the volume would overflow.
  bool add_volume(std::int64_t amount) { return add_to_volume(m_volume, amount); }
  /// add_volume of a given volume (the reading thread's copy, ReadAhead).
  static bool add_to_volume(std::int64_t &volume, std::int64_t amount) {
    const std::uint64_t magnitude =
        amount < 0 ? 0 - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount);
    if (magnitude > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max() - volume)) {
      return false;
    }
    volume += static_cast<std::int64_t>(magnitude);
    return true;
  }
  [[noreturn]] static void volume_overflow(const io::Mark &mark) {
    util::fail_data(mark.position(),
                    "the amounts of the ledger add up to more than 2^63 - 1 minor units");
  }

  /// A payment as read from YAML or CSV, with the positions its errors name: the marks of its
  /// YAML nodes, or its CSV row's fields, whose line and column are worked out only for a
  /// message (computing them for every row would cost as much as reading it).
  struct PaymentRow {
    StateId state;
    util::Date date;
    util::Money amount;
    std::string_view reference;
    std::optional<int> year;
    io::Mark yaml_at{}, yaml_amount_at{}, yaml_year_at{};
    const io::CsvReader *csv = nullptr;
    std::size_t amount_field = 0, year_field = 0;
    bool read_ahead = false; // a plain row read ahead: the reader is past it, its position lost

    io::Mark at() const { return csv ? csv->mark(0) : yaml_at; }
    io::Mark amount_at() const { return csv ? csv->mark(amount_field) : yaml_amount_at; }
    io::Mark year_at() const { return csv ? csv->mark(year_field) : yaml_year_at; }
  };

  /// The text of a CSV's currency column last seen and its currency.
  struct CsvCurrency {
    std::optional<std::string> text;
    util::Currency currency;
  };
  /// The payment of the next row when it is plain (model::PaymentRowReader), taken from the
  /// reader, into `row`'s payment (its CSV positions set once for the file) and true; false,
  /// reading nothing, otherwise.
  static bool plain_payment(io::CsvReader &reader, const PaymentRowReader &rows,
                            const CsvCurrency &cached, PaymentRow &row);
  /// Plain rows read ahead: the first `count` payments, whose references are views into the
  /// reader's bytes, held where they are (io::CsvReader::hold) until the batch is refilled.
  struct QueuedPayments {
    std::vector<PlainPayment> payments; // read into in place, batch after batch
    std::size_t count = 0;
    std::vector<io::CsvReader::Hold> holds; // of the blocks the references view, one or two
    /// Holds the bytes at hand, where the references read next are.
    void hold(const io::CsvReader &reader) {
      if (io::CsvReader::Hold bytes = reader.hold();
          bytes && (holds.empty() || holds.back() != bytes)) {
        holds.push_back(std::move(bytes));
      }
    }
  };
  /// The reading thread of read_ahead: plain rows from the reader into batches, as long as
  /// each can be added without naming its position.
  struct ReadAhead {
    io::CsvReader &reader;
    const PaymentRowReader &rows;
    const CsvCurrency &cached;
    PaymentRow &row;
    std::int64_t volume;           // the ledger's, as adding the rows queued so far makes it
    bool held = false;             // `row` holds a row taken that stopped it
    std::vector<std::size_t> next; // where the line after each row read starts (read_lines)
    /// Refills `batch`; false once a row stops it (see read_ahead).
    bool fill(QueuedPayments &batch);
    /// The plain rows of the bytes at hand into `batch`, until it is full, a row is not plain
    /// or not whole at hand (true) or one stops it (false, `held`).
    bool fill_at_hand(QueuedPayments &batch);
    /// Whether `payment` must stop the reading ahead (it is then taken into `row`, `held`):
    /// add_payment_row would name its position. Else it is counted into `volume`.
    bool stops(const PlainPayment &payment);
    /// Whether `payment` may be queued (stops() says no): then counted into `volume`, a local
    /// of the caller's loop (a member would be stored back a row).
    static bool queues(const PlainPayment &payment, std::int64_t &volume) {
      return payment.amount > 0 && !Ledger::names_too_late_a_year(payment.year, payment.date) &&
             add_to_volume(volume, payment.amount);
    }
  };
  /// The payment of the next row into `payment` when the row is plain (PaymentRowReader),
  /// taken from the reader; false, reading nothing, otherwise. Inline: it runs for every row.
  static bool read_plain(io::CsvReader &reader, const PaymentRowReader &rows,
                         const CsvCurrency &cached, PlainPayment &payment) {
    // The row as the bytes at hand hold it; when they end within it, as peek_line gives it.
    std::size_t length = 0, next = 0;
    if (rows.read_line(reader.ahead(), cached.currency, *cached.text, payment, length, next)) {
      reader.take_line(length, next);
      return true;
    }
    return read_peeked(reader, rows, cached, payment);
  }
  /// read_plain of a row that the bytes at hand do not hold whole.
  static bool read_peeked(io::CsvReader &reader, const PaymentRowReader &rows,
                          const CsvCurrency &cached, PlainPayment &payment);
  /// `payment` into `row`, which holds its CSV's positions.
  static void set_payment(PaymentRow &row, const PlainPayment &payment,
                          const util::Currency &currency) {
    row.state = payment.state;
    row.date = payment.date;
    row.amount = util::Money(payment.amount, currency);
    row.reference = payment.reference;
    row.year = payment.year;
  }
  /// Reads the plain rows on a second thread (ReadAhead) while this one adds them, in the
  /// order read (util::run_pipeline): reading a row and adding it cost about the same. The
  /// first row that is not plain, or that would need its position to be named (an amount
  /// of 0, a refund, a year too far on, the volume's overflow), stops it: true when that row
  /// was taken, into `row`, for the caller to add as any plain row (its position at hand);
  /// false when the next row is still to read (not plain, or none). The rows after it are
  /// read as before, one thread doing both. An error in reading is thrown once the rows
  /// before it are added.
  bool read_ahead(io::CsvReader &reader, const PaymentRowReader &rows, const CsvCurrency &cached,
                  PaymentRow &row);
  /// Adds the payments of `batch`, each through `row`, which holds their CSV's positions.
  void add_queued(const QueuedPayments &batch, PaymentRow &row, const util::Currency &currency);
  /// What next_csv_row read.
  enum class CsvRowRead { plain, fields, end };
  /// The next row of a payments CSV: a plain row's payment into `row` (plain_payment), any
  /// other row into `fields`; end at the end, and after an error in the CSV's form (a quote
  /// out of place, text that is not UTF-8), which is recorded: the rows after it cannot be
  /// told apart, while the rows before it are all reported.
  /// The plain rows are read ahead (read_ahead) once a file, at the first that may be plain
  /// (`ahead` says it was), except in a second reading, whose positions are kept.
  CsvRowRead next_csv_row(io::CsvReader &reader, const PaymentRowReader &rows,
                          const CsvCurrency &cached, PaymentRow &row,
                          std::vector<std::string_view> &fields, bool &ahead);
  /// The payment of a CSV row; fails at the field that is wrong.
  PaymentRow csv_payment(const io::CsvReader &reader, const io::CsvHeader &header,
                         const std::vector<std::string_view> &fields, CsvCurrency &cached);
  /// The row's currency `text` (field `column` of the reader's row) into `cached` when it is
  /// not the last row's: the column rarely changes, so it is parsed once. Fails at the field
  /// when it is no ISO 4217 code.
  void read_csv_currency(const io::CsvReader &reader, std::size_t column, std::string_view text,
                         CsvCurrency &cached);
  /// The state of the code `text` (field `column` of the reader's row); fails at the field,
  /// as for a YAML payment's code, when it is none of the table's.
  StateId csv_state_of(const io::CsvReader &reader, std::size_t column,
                       std::string_view text) const;
  /// StateTable::unknown_code's message for `text`, kept by text: a wrong state column (alpha-2
  /// codes, names) repeats a few hundred values over up to a million rows, and a message's
  /// suggestions cost about a millisecond. Past `unknown_states_kept` distinct values none is
  /// looked for: such a row comes after that many bad rows, and util::Diagnostics shows only
  /// the first 20.
  const std::string &unknown_state(std::string_view text) const;
  static constexpr std::size_t unknown_states_kept = 1000;
  mutable std::map<std::string, std::string, std::less<>> m_unknown_states;

  /// What makes a payment the same as another: its state, date, amount, currency and
  /// reference, packed as bytes (valid until the next call). Fixed-size parts are copied as
  /// such (no call for them): this runs for every payment.
  std::string_view identity(const PaymentRow &row) {
    const std::int64_t amount = row.amount.minor_units();
    // year << 9 | month << 5 | day, modulo 2^32
    const auto date = static_cast<std::uint32_t>(row.date.packed());
    const std::string_view currency = row.amount.currency().code();
    constexpr std::size_t fixed = sizeof amount + sizeof date + sizeof row.state + 3;
    const std::size_t size = fixed + row.reference.size();
    if (m_identity.size() < size) {
      m_identity.resize(size); // only grows: most payments need no call here
    }
    char *at = m_identity.data();
    std::memcpy(at, &amount, sizeof amount);
    std::memcpy(at + sizeof amount, &date, sizeof date);
    std::memcpy(at + sizeof amount + sizeof date, &row.state, sizeof row.state);
    std::memcpy(at + fixed - 3, currency.data(), 3); // an ISO 4217 code
    if (!row.reference.empty()) {                    // an empty view may hold no pointer
      std::memcpy(at + fixed, row.reference.data(), row.reference.size());
    }
    return std::string_view(at, size);
  }

  /// The payment's fingerprint for the duplicate check: from its parts (parts_fingerprint),
  /// unless a test gave its own function of the identity.
  std::uint64_t fingerprint(const PaymentRow &row) {
    if (m_identity_fingerprint) {
      return m_identity_fingerprint(identity(row));
    }
    const util::Date &date = row.date;
    const std::string_view currency = row.amount.currency().code(); // an ISO 4217 code
    // the low 25 bits of Date::packed(): the year modulo 2^16 << 9 | month << 5 | day
    const std::uint64_t packed =
        (std::uint64_t{static_cast<std::uint32_t>(date.packed())} & 0x1FFFFFF) |
        std::uint64_t{row.state} << 25 |
        (std::uint64_t{static_cast<unsigned char>(currency[0])} << 16 |
         std::uint64_t{static_cast<unsigned char>(currency[1])} << 8 |
         static_cast<unsigned char>(currency[2]))
            << 41;
    return parts_fingerprint(row.amount.minor_units(), packed, row.reference);
  }

  void add_payment_row(const PaymentRow &row) {
    if (row.amount.is_zero()) {
      util::fail_data(row.amount_at().position(),
                      "a payment of 0 pays nothing: leave the line out (assess import "
                      "leaves out a bank line of no amount)");
    }
    if (Ledger::names_too_late_a_year(row.year, row.date)) {
      util::fail_data(row.year_at().position(), Ledger::too_late_a_year(row.date, *row.year));
    }
    if (m_first_reading) {
      m_first_reading->read_again(row);
      return;
    }
    m_duplicates.read(fingerprint(row));
    if (!add_volume(row.amount.minor_units())) {
      volume_overflow(row.amount_at());
    }
    add_counted(row);
  }

  /// What adding a payment does once add_payment_row's checks have passed and its amount is
  /// counted in the volume: the refund check, the sums, the years named.
  void add_counted(const PaymentRow &row) {
    m_refunds.read(row.state, row.date, row.amount.minor_units(), [&] { return row.amount_at(); });
    credit(row.state, row.date, row.amount.minor_units(), row.year, row.reference);
    if (row.year && !(row.date > m_as_of)) { // for model::YearCoverage
      m_years.named(*row.year, row.amount.minor_units() < 0,
                    [&] { return row.read_ahead ? io::Mark{} : row.year_at(); });
    }
  }

  /// A payment of the second reading (this reader is the first).
  void read_again(const PaymentRow &row) {
    if (m_duplicates.read_again(fingerprint(row))) {
      m_duplicates.candidate(identity(row), row.at());
    }
    m_refunds.read_again(row.state, row.date, row.amount.minor_units());
    if (row.year && !(row.date > m_as_of)) { // not read ahead: each row at its position
      m_years.named_again(*row.year, row.amount.minor_units() < 0, [&] { return row.year_at(); });
    }
  }

  /// Reads `inputs` a second time, for the checks that need it, into a ledger thrown away.
  void read_again(const std::vector<std::string> &inputs) {
    Ledger scratch;
    LedgerReader again(scratch, m_states, m_as_of, LedgerChecks{}, m_languages);
    again.m_first_reading = this;
    const util::QuietNotes quiet; // the first reading gave them
    io::read_inputs(inputs, again);
    if (m_duplicates.count_again() != m_duplicates.count()) {
      throw util::Error(
          util::ExitCode::io,
          fmt::format("the inputs changed while they were read ({} payments, then {}): "
                      "run again once they are complete",
                      m_duplicates.count(), m_duplicates.count_again()));
    }
  }

  void credit(StateId state, const util::Date &date, std::int64_t amount, std::optional<int> year,
              std::string_view reference) {
    if (date > m_as_of) {
      return;
    }
    m_ledger.m_involved[state] = true;
    if (m_ledger.m_keep_payments) {
      m_ledger.m_payments.push_back(Payment{date, state, amount, year, std::string(reference)});
    }
    if (year) {
      m_ledger.m_named[m_ledger.slot(state, *year)] += amount;
    } else {
      m_ledger.m_unnamed[state] += amount;
      m_ledger.m_unnamed_refunds[state] += std::max(-amount, std::int64_t{0});
    }
  }

  void add_payment(const Node &header, const Node &record) {
    const Node *currency_node = record.find("currency");
    if (!currency_node) {
      currency_node = header.find("currency");
    }
    if (!currency_node) {
      record.fail("missing required field 'currency' (in the payment or before the list)");
    }
    const util::Currency currency = currency_node->as_currency();
    note_payment_currency(currency, record.mark());
    const Node *year = record.find("year");
    // Optional: a payment without a reference, with `reference:` (null) or "" has none.
    const Node *reference = record.find("reference");
    const std::string reference_text =
        reference && !reference->is_null() ? reference->as_any_text() : "";
    add_payment_row(PaymentRow{.state = m_states.require(record.at("state")),
                               .date = record.at("date").as_date(),
                               .amount = record.at("amount").as_money(currency),
                               .reference = util::trim_blanks(reference_text),
                               .year = year ? std::optional<int>(year_of(*year)) : std::nullopt,
                               .yaml_at = record.mark(),
                               .yaml_amount_at = record.at("amount").mark(),
                               .yaml_year_at = year ? year->mark() : io::Mark{}});
  }

  /// A working capital fund holds what was paid in: its balance at the end of no day may be
  /// below zero. Within a day, money in counts before money out; the error is at the withdrawal
  /// that takes the balance below zero.
  void check_fund_balance() const {
    const auto &fund = m_ledger.m_fund;
    std::int64_t balance = 0;
    for (std::size_t day = 0; day < fund.size();) {
      std::size_t next = day;
      while (next < fund.size() && fund[next].date == fund[day].date) {
        balance += std::max<std::int64_t>(fund[next++].amount.minor_units(), 0); // in first
      }
      for (std::size_t i = day; i < next; ++i) {
        const util::Money &amount = fund[i].amount;
        balance += std::min<std::int64_t>(amount.minor_units(), 0);
        if (balance < 0) {
          util::fail_data(
              fund[i].mark.position(),
              fmt::format("this movement ({}) takes the working capital fund to {} on {}: a fund "
                          "cannot pay out more than it holds",
                          amount.plain(), util::Money(balance, amount.currency()).plain(),
                          fund[i].date.iso()));
        }
      }
      day = next;
    }
  }

  void add_fund(const Node &root) {
    const util::Currency currency = root.at("currency").as_currency();
    if (m_ledger.m_fund_currency && !(*m_ledger.m_fund_currency == currency)) {
      root.at("currency")
          .fail(fmt::format(
              "the working capital fund is kept in {}; this document's movements are in {}",
              m_ledger.m_fund_currency->code(), currency.code()));
    }
    m_ledger.m_fund_currency = currency;
    note_fund_name(root);
    for (const auto &record : root.at("movements").as_sequence()) {
      m_ledger.m_fund.push_back(FundMovement{record.at("date").as_date(),
                                             record.at("amount").as_money(currency),
                                             record.text_or("description"), record.mark()});
      count_volume(m_ledger.m_fund.back().amount.minor_units(), record.at("amount").mark());
      check_movement_once(m_ledger.m_fund.back());
    }
    // By day, each day's money in first (as check_fund_balance counts it), else as read.
    std::stable_sort(m_ledger.m_fund.begin(), m_ledger.m_fund.end(),
                     [](const FundMovement &a, const FundMovement &b) {
                       return std::tuple(a.date, a.amount.minor_units() < 0) <
                              std::tuple(b.date, b.amount.minor_units() < 0);
                     });
  }

  /// The fund documents are of one fund: a `fund` other than an earlier document's is an error
  /// at it naming the first (a document naming none is taken as of the same fund).
  void note_fund_name(const Node &root) {
    const Node *fund = root.find("fund");
    if (!fund) {
      return;
    }
    const std::string name = fund->as_text();
    if (!m_fund_at.line) {
      m_fund_name = name;
      m_fund_at = fund->mark();
    } else if (name != m_fund_name) {
      fund->fail(fmt::format("the movements of the fund '{}' cannot be added to those of '{}' "
                             "(at {}): give one fund's documents at a time",
                             name, m_fund_name, m_fund_at.located()));
    }
  }

  /// A movement identical to one read before (same date, amount and description) is an error
  /// at it naming the first, wherever each was read: a fund file read twice (a copy) would
  /// double the balance.
  void check_movement_once(const FundMovement &movement) {
    const auto [first, added] = m_movements_read.try_emplace(
        std::tuple(movement.date, movement.amount.minor_units(), movement.description),
        movement.mark);
    if (!added) {
      add_error(util::Error(
          util::ExitCode::data, movement.mark.position(),
          fmt::format("this movement repeats the one at {}: same date, amount and description "
                      "(two real movements of the same amount on the same day say what each is)",
                      first->second.located())));
    }
  }

  Ledger &m_ledger;
  const StateTable &m_states;
  util::Date m_as_of;
  util::ZeroedArray<io::Mark> m_assessed_at;
  bool m_in_document = false;      // an assessments document's header has been read
  std::int64_t m_document_sum = 0; // of the amounts of the assessments document being read
  int m_year = 0;
  util::Currency m_currency;
  util::Currency m_payment_currency;
  io::Mark m_first_payment;
  util::Diagnostics m_diagnostics;
  std::int64_t m_volume = 0; // see count_volume
  std::string m_fund_name;   // the `fund` of the fund documents, named first at m_fund_at
  io::Mark m_fund_at;
  std::map<std::tuple<util::Date, std::int64_t, std::string>, io::Mark> m_movements_read;
  DuplicateCheck m_duplicates;
  std::vector<std::uint64_t> m_queued_fingerprints; // of a batch read ahead (add_queued)
  RefundCheck m_refunds;
  YearCoverage m_years;
  std::string m_identity;                     // identity's buffer
  FingerprintFunction m_identity_fingerprint; // a test's, or none: parts_fingerprint
  const Languages *m_languages;               // whose CSV heads are read too, or none
  LedgerReader *m_first_reading = nullptr;    // set in the reader of a second reading
};

void LedgerReader::read_csv_currency(const io::CsvReader &reader, std::size_t column,
                                     std::string_view text, CsvCurrency &cached) {
  if (text == cached.text) {
    return;
  }
  const auto parsed = util::Currency::parse(text);
  if (!parsed) {
    refuse_blanks(reader, column, text);
    util::fail_data(reader.mark(column).position(),
                    util::Currency::refused(text, fmt::format("'{}'", text)));
  }
  cached = CsvCurrency{std::string(text), *parsed};
  note_payment_currency(cached.currency, reader.mark(column));
}

StateId LedgerReader::csv_state_of(const io::CsvReader &reader, std::size_t column,
                                   std::string_view text) const {
  if (const auto state = m_states.find(text)) {
    return *state;
  }
  refuse_blanks(reader, column, text);
  util::fail_data(reader.mark(column).position(), unknown_state(text));
}

const std::string &LedgerReader::unknown_state(std::string_view text) const {
  if (const auto kept = m_unknown_states.find(text); kept != m_unknown_states.end()) {
    return kept->second;
  }
  // The message of a YAML payment's code, which says what to write.
  std::string message = m_unknown_states.size() < unknown_states_kept
                            ? m_states.unknown_code(text)
                            : fmt::format("unknown state code '{}'", text);
  return m_unknown_states.emplace(std::string(text), std::move(message)).first->second;
}

namespace {

// The columns in the order the header lists them, as model::PaymentColumn numbers them.
enum CsvColumn { csv_date, csv_state, csv_amount, csv_currency, csv_reference, csv_year, csv_note };

} // namespace

LedgerReader::PaymentRow LedgerReader::csv_payment(const io::CsvReader &reader,
                                                   const io::CsvHeader &header,
                                                   const std::vector<std::string_view> &fields,
                                                   CsvCurrency &cached) {
  auto index = [&](CsvColumn c) { return static_cast<std::size_t>(header.index(c)); };
  auto field = [&](CsvColumn c) { return fields[index(c)]; };
  auto fail = [&](CsvColumn c, std::string message) {
    refuse_blanks(reader, index(c), field(c));
    util::fail_data(reader.mark(index(c)).position(), std::move(message));
  };
  header.check_width(reader, fields);
  const auto day = util::Date::parse(field(csv_date));
  if (!day) {
    fail(csv_date,
         util::impossible_date(field(csv_date))
             .value_or(fmt::format("expected a date (YYYY-MM-DD), got '{}'", field(csv_date))));
  }
  if (!util::is_working_year(day->year())) {
    fail(csv_date, util::outside_working_years(field(csv_date)));
  }
  const StateId who = csv_state_of(reader, index(csv_state), field(csv_state));
  read_csv_currency(reader, index(csv_currency), field(csv_currency), cached);
  const auto money = util::parse_money(field(csv_amount), cached.currency);
  if (!money.money) {
    fail(csv_amount, money.error);
  }
  const bool has_year = header.index(csv_year) >= 0;
  const auto named =
      has_year ? named_year(reader, index(csv_year), field(csv_year)) : std::optional<int>();
  const bool has_reference = header.index(csv_reference) >= 0; // optional, as in YAML
  return PaymentRow{.state = who,
                    .date = *day,
                    .amount = *money.money,
                    .reference = has_reference ? io::without_formula_guard(
                                                     util::trim_blanks(field(csv_reference)))
                                               : std::string_view(),
                    .year = named,
                    .csv = &reader,
                    .amount_field = index(csv_amount),
                    .year_field = has_year ? index(csv_year) : 0};
}

namespace {

/// What each column of a payments CSV holds, in the file's order.
std::vector<PaymentColumn> column_order(const io::CsvHeader &header, std::size_t width) {
  std::vector<PaymentColumn> order(width, PaymentColumn::note);
  for (int c = csv_date; c <= csv_note; ++c) {
    if (const int index = header.index(static_cast<std::size_t>(c)); index >= 0) {
      order[static_cast<std::size_t>(index)] = static_cast<PaymentColumn>(c);
    }
  }
  return order;
}

} // namespace

bool LedgerReader::read_peeked(io::CsvReader &reader, const PaymentRowReader &rows,
                               const CsvCurrency &cached, PlainPayment &payment) {
  const auto line = reader.peek_line();
  const auto read = line ? rows.read(*line, cached.currency, *cached.text) : std::nullopt;
  if (!read) {
    return false;
  }
  payment = *read;
  reader.take_line();
  return true;
}

bool LedgerReader::plain_payment(io::CsvReader &reader, const PaymentRowReader &rows,
                                 const CsvCurrency &cached, PaymentRow &row) {
  PlainPayment payment;
  if (!cached.text || !read_plain(reader, rows, cached, payment)) {
    return false;
  }
  set_payment(row, payment, cached.currency);
  return true;
}

namespace {
constexpr std::size_t batch_rows = 4096;
} // namespace

bool LedgerReader::ReadAhead::stops(const PlainPayment &payment) {
  if (queues(payment, volume)) {
    return false;
  }
  set_payment(row, payment, cached.currency);
  held = true;
  return true;
}

bool LedgerReader::ReadAhead::fill_at_hand(QueuedPayments &batch) {
  const std::string_view bytes = reader.ahead();
  batch.hold(reader);
  const std::size_t first = batch.count;
  const std::size_t read =
      rows.read_lines(bytes, cached.currency, *cached.text, &batch.payments[first], &next[first],
                      batch_rows - first);
  // In locals: the batch's count and payments, and `volume`, would be loaded again each row.
  const PlainPayment *payments = batch.payments.data();
  std::size_t count = first;
  std::int64_t queued = volume;
  while (count < first + read && queues(payments[count], queued)) {
    ++count;
  }
  volume = queued;
  batch.count = count;
  if (count < first + read) {
    stops(payments[count]); // it does: into `row`, `held`
  }
  const std::size_t taken = batch.count > first ? next[batch.count - 1] : 0; // the rows queued
  reader.take_lines(taken, batch.count - first);
  if (batch.count == first + read) {
    return true;
  }
  // the row that stops it, as the current row: LF or CRLF (a plain row holds no CR) after it
  const std::size_t row_next = next[batch.count] - taken;
  reader.take_line(row_next - (bytes[taken + row_next - 2] == '\r' ? 2 : 1), row_next);
  return false;
}

bool LedgerReader::ReadAhead::fill(QueuedPayments &batch) {
  batch.payments.resize(batch_rows);
  next.resize(batch_rows);
  batch.count = 0;
  batch.holds.clear(); // here, on the reading thread, as io::CsvReader::hold asks
  while (batch.count < batch_rows) {
    if (!fill_at_hand(batch)) {
      return false;
    }
    if (batch.count == batch_rows) {
      break;
    }
    // the next row is not plain, or not whole at hand: read_peeked reads on
    PlainPayment &payment = batch.payments[batch.count];
    if (!read_peeked(reader, rows, cached, payment) || stops(payment)) {
      return false;
    }
    batch.hold(reader); // peek_line may have read the next block: the reference is in it
    ++batch.count;
  }
  return true;
}

void LedgerReader::add_queued(const QueuedPayments &batch, PaymentRow &row,
                              const util::Currency &currency) {
  m_queued_fingerprints.resize(batch.count);
  for (std::size_t i = 0; i < batch.count; ++i) {
    set_payment(row, batch.payments[i], currency);
    // add_payment_row without its checks, which ReadAhead::queues made on the reading thread
    // (an amount above 0, the year named, the volume, counted there from the same start in
    // the same order, so it cannot overflow here); a second reading is never read ahead.
    m_queued_fingerprints[i] = fingerprint(row);
    m_volume += row.amount.minor_units();
    add_counted(row);
  }
  // The batch's fingerprints at once, in the order read: add_counted adds no error for a row
  // read ahead (add_error would place it by the count of fingerprints read).
  m_duplicates.read_all(m_queued_fingerprints.data(), batch.count);
}

bool LedgerReader::read_ahead(io::CsvReader &reader, const PaymentRowReader &rows,
                              const CsvCurrency &cached, PaymentRow &row) {
  ReadAhead ahead{reader, rows, cached, row, m_volume, false, {}};
  PaymentRow added = row; // the reading thread reads into `row`
  added.read_ahead = true;
  util::run_pipeline<QueuedPayments>(
      [&](QueuedPayments &batch) { return ahead.fill(batch); },
      [&](const QueuedPayments &batch) { add_queued(batch, added, cached.currency); });
  return ahead.held;
}

LedgerReader::CsvRowRead LedgerReader::next_csv_row(io::CsvReader &reader,
                                                    const PaymentRowReader &rows,
                                                    const CsvCurrency &cached, PaymentRow &row,
                                                    std::vector<std::string_view> &fields,
                                                    bool &ahead) {
  try {
    if (!ahead && cached.text && !m_first_reading) {
      ahead = true;
      if (read_ahead(reader, rows, cached, row)) {
        return CsvRowRead::plain;
      }
    }
    if (plain_payment(reader, rows, cached, row)) {
      return CsvRowRead::plain;
    }
    return reader.next_row(fields) ? CsvRowRead::fields : CsvRowRead::end;
  } catch (const util::Error &error) {
    add_error(error);
    return CsvRowRead::end;
  }
}

namespace {

/// The columns of a payments CSV: date, state, amount and currency required, reference, year
/// and note optional, and the columns `assess import` writes beside them (source, payer,
/// matched, whose head is "Matched by"), kept for people as a note is.
std::vector<io::CsvHeader::Column> payment_columns() {
  return {{"date", true},       {"state", true},
          {"amount", true},     {"currency", true},
          {"reference", false}, {"year", false},
          {"note", false},      {"source", false},
          {"payer", false},     {"matched", false, "matched by"}};
}

/// Adds to each of `columns` its head in every language of `languages` (the catalogue's
/// `label.NAME`, `label.matched_by` for matched: what assess import -f csv --lang writes),
/// but a head another column already goes by.
void add_heads(std::vector<io::CsvHeader::Column> &columns, const Languages &languages) {
  for (const std::string &code : languages.codes()) {
    const util::Lang lang = *languages.find(code);
    for (auto &column : columns) {
      const std::string id = column.name == "matched" ? std::string("label.matched_by")
                                                      : fmt::format("label.{}", column.name);
      const std::string head = lang.has(id) ? io::head_key(lang.text(id)) : std::string();
      if (!head.empty() && !io::CsvHeader::names_every_column({head}, columns)) {
        column.heads.push_back(head);
      }
    }
  }
}

/// The header row of a payments CSV (`fields`), its columns checked (payment_columns), so that
/// the CSV of assess import is read back as its YAML is, in any language of `languages` (its
/// catalogues are read only for a header with a cell that names no column in English); fails,
/// 65, at an unknown column.
io::CsvHeader payments_header(const io::CsvReader &reader,
                              const std::vector<std::string_view> &fields,
                              const Languages *languages) {
  std::vector<io::CsvHeader::Column> columns = payment_columns();
  if (languages && !io::CsvHeader::names_every_column(fields, columns)) {
    add_heads(columns, *languages);
  }
  return {reader, fields, std::move(columns), "a payments CSV"};
}

} // namespace

void LedgerReader::on_csv(io::CsvReader &reader) {
  std::vector<std::string_view> fields;
  if (!reader.next_row(fields)) {
    return; // io::read_inputs refuses a CSV without a row
  }
  const io::CsvHeader header = payments_header(reader, fields, m_languages);
  const PaymentRowReader rows(column_order(header, fields.size()), m_states);
  CsvCurrency cached;
  const int year = header.index(csv_year);
  PaymentRow row{.state = 0, // each plain row's payment, read into it by plain_payment
                 .date = util::Date(),
                 .amount = util::Money(0, util::Currency()),
                 .reference = {},
                 .year = std::nullopt,
                 .csv = &reader,
                 .amount_field = static_cast<std::size_t>(header.index(csv_amount)),
                 .year_field = year >= 0 ? static_cast<std::size_t>(year) : 0};
  bool ahead = false;
  while (true) { // a header without rows is a bank export of no payments: nothing to add
    // A plain row is read straight from its bytes; any other row, and every row in error, by
    // the general reader, whose messages name the field's line and column.
    const CsvRowRead read = next_csv_row(reader, rows, cached, row, fields, ahead);
    if (read == CsvRowRead::end) {
      break;
    }
    try {
      if (read == CsvRowRead::plain) {
        add_payment_row(row);
      } else {
        add_payment_row(csv_payment(reader, header, fields, cached));
      }
    } catch (const util::Error &error) {
      add_error(error); // every bad row is reported (up to util::Diagnostics' limit)
    }
  }
}

void check_assessed_once(const io::Node &record, const State &state, int year,
                         const io::Mark &first) {
  if (first.line) {
    record.fail(
        fmt::format("{} is assessed twice for {} (also at {})", state.code, year, first.located()));
  }
}

StateId assessed_state(const io::Node &record, const StateTable &states) {
  if (const io::Node *organization = record.find("organization")) {
    organization->fail(fmt::format(
        "an organization's assessment ({}): status, invoices and statements keep the accounts "
        "of States only, not yet of organizations (take its line out to use them for the States)",
        organization->as_text()));
  }
  return states.require(record.at("state"));
}

void check_assessments_total(const io::Node &document, const util::Money &sum) {
  const io::Node *total = document.find("total");
  if (!total) {
    return;
  }
  const util::Money stated = total->as_money(sum.currency());
  const io::Node *difference = document.find("difference");
  const util::Money expected = difference ? stated + difference->as_money(sum.currency()) : stated;
  if (!(sum == expected)) {
    total->fail(fmt::format(
        "the assessments add up to {}, not to the total {}{}", sum.plain(), stated.plain(),
        difference ? fmt::format(" and difference {}", difference->as_text()) : ""));
  }
}

Ledger Ledger::read(const std::vector<std::string> &inputs, const StateTable &states,
                    const util::Date &as_of, bool keep_payments, const LedgerChecks &checks,
                    const Languages *languages) {
  Ledger ledger;
  ledger.m_keep_payments = keep_payments;
  LedgerReader reader(ledger, states, as_of, checks, languages);
  ledger.m_inputs_read = reader.read(inputs);
  reader.finish(inputs);
  return ledger;
}

std::string Ledger::too_late_a_year(const util::Date &date, int year) {
  return fmt::format("a payment of {} cannot be for {}: a payment names at most the next year",
                     date.iso(), year);
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
