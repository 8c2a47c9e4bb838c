// A payments CSV row read straight from its bytes, in one pass: the common row of a finance
// system's export (ASCII, no quotes, every field well formed) costs a few hundred instructions,
// with no string per field and no position computed. Every other row is left to the general
// reader (io::CsvReader and the ledger's checks), which explains what is wrong at its line and
// column: this reader never reports an error, so no message or position can differ.
#pragma once

#include <isukit/model/states.hpp>
#include <isukit/util/date.hpp>
#include <isukit/util/money.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace isukit::model {

/// The columns of a payments CSV (`date,state,amount,currency,reference[,year][,note]`).
enum class PaymentColumn { date, state, amount, currency, reference, year, note };

/// A payment as its row says, every field checked as the general reader checks it.
struct PlainPayment {
  util::Date date;         // YYYY-MM-DD, a real date within util's working years
  StateId state = 0;       // a code of the state table
  std::int64_t amount = 0; // minor units of the expected currency; never more decimals than it has
  std::string_view reference; // a view into the line, without surrounding blanks
  std::optional<int>
      year; // four digits within the working years, when the column is there and not empty
};

class PaymentRowReader {
public:
  /// `columns`: what each column of the file holds, in the file's order (from its header).
  PaymentRowReader(std::vector<PaymentColumn> columns, const StateTable &states);

  /// The payment of `line` (a row without its line end) when it is plain and well formed and
  /// its currency column reads exactly `currency_text`, the code of `currency`; nullopt for
  /// anything else (a quote, a byte outside ASCII, a CR, a field too few or too many, a field
  /// the general reader would refuse, an empty `currency_text`): then the general reader reads
  /// the row.
  std::optional<PlainPayment> read(std::string_view line, const util::Currency &currency,
                                   std::string_view currency_text) const;
  /// The same for the row at the start of `bytes` (io::CsvReader::ahead()), whose end it finds,
  /// into `payment` (true) with the row's `length` without its line end (LF or CRLF) and where
  /// the `next` one starts; false too when the bytes end before the line does (then `payment`
  /// holds nothing of use). A payment a row, so no optional is built and copied.
  bool read_line(std::string_view bytes, const util::Currency &currency,
                 std::string_view currency_text, PlainPayment &payment, std::size_t &length,
                 std::size_t &next) const;

  /// The plain rows at the start of `bytes`, each as read_line reads it, into `payments` (at
  /// most `capacity` of them), with where the line after each starts in `bytes` into `next`:
  /// how many, up to the first row that is not plain or not whole in `bytes`. A loop with
  /// nothing but the rows in it: this is what a million rows cost.
  std::size_t read_lines(std::string_view bytes, const util::Currency &currency,
                         std::string_view currency_text, PlainPayment *payments, std::size_t *next,
                         std::size_t capacity) const;

private:
  enum class Order { usual, usual_with_year, other };
  /// What the rows of one call are read against, taken once into locals: a member, or a value
  /// behind a reference, is loaded again after every store into a payment (a store of bytes
  /// may alias anything), which costs a few instructions a row.
  struct Expected {
    int minor_digits;                  // of the currency
    std::string_view currency_text;    // what the currency column reads
    std::uint32_t currency_field;      // its three letters and ',' as one number, else 0
    const std::int16_t *state_of_code; // m_state_of_code's
  };
  Expected expected(const util::Currency &currency, std::string_view currency_text) const;
  /// read_lines for rows in `order`.
  template <Order order>
  std::size_t read_lines_as(std::string_view bytes, const Expected &expected,
                            PlainPayment *payments, std::size_t *next, std::size_t capacity) const;
  /// read_fields for rows in `order`.
  template <Order order>
  [[gnu::always_inline]] inline const char *read_fields_as(const char *p, const char *end,
                                                           const Expected &expected,
                                                           PlainPayment &payment) const;
  /// The fields from `p` on, into `payment`; where they end (at a line end, the end of the
  /// bytes or what follows the last column), or nullptr when the row is not plain.
  const char *read_fields(const char *p, const char *end, const Expected &expected,
                          PlainPayment &payment) const;
  /// read_fields for the usual order (date,state,amount,currency,reference, then the year when
  /// `with_year`): the same fields read by the same functions, in straight-line code.
  template <bool with_year>
  [[gnu::always_inline]] inline const char *
  read_usual(const char *p, const char *end, const Expected &expected, PlainPayment &payment) const;
  /// read_fields for any other order: column by column, as the header lists them.
  const char *read_columns(const char *p, const char *end, const Expected &expected,
                           PlainPayment &payment) const;
  /// The date, the state's code and the separator after each, as the usual order starts
  /// (read_date, read_state); false for anything else.
  [[gnu::always_inline]] inline bool read_date_and_state(const char *&p, const char *end,
                                                         const Expected &expected,
                                                         PlainPayment &payment) const;
  /// The three letters of a state's code at `p`; false for anything else.
  bool read_state(const char *&p, const char *end, StateId &state) const;

  static Order order_of(const std::vector<PaymentColumn> &columns);
  std::vector<PaymentColumn> m_columns;
  Order m_order;
  // The state of each three-letter code (AAA, AAB, ... ZZZ), -1 for none: what
  // StateTable::find says, looked up without a call.
  std::vector<std::int16_t> m_state_of_code;
};

} // namespace isukit::model
