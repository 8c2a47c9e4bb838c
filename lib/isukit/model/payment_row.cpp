#include <isukit/model/payment_row.hpp>
#include <isukit/util/text.hpp>

#include <array>

namespace isukit::model {

namespace {

using Cursor = const char *;

/// Bytes a plain text field may not hold: the general reader treats them otherwise (a quote
/// may open a quoted field, CR ends a line, a byte past ASCII must be checked as UTF-8).
constexpr std::array<bool, 256> special_bytes = [] {
  std::array<bool, 256> special{};
  special['"'] = special['\r'] = special['\n'] = true;
  for (int c = 0; c < 0x20; ++c) { // control characters: the general reader refuses them
    special[static_cast<std::size_t>(c)] = c != '\t';
  }
  for (int c = 0x7F; c < 0x100; ++c) {
    special[static_cast<std::size_t>(c)] = true;
  }
  return special;
}();

bool digit(char c) {
  return static_cast<unsigned char>(c - '0') < 10;
}

/// Reads `count` digits at `p`; false unless all are digits.
bool read_number(Cursor p, int count, int &value) {
  value = 0;
  for (int i = 0; i < count; ++i) {
    if (!digit(p[i])) {
      return false;
    }
    value = value * 10 + (p[i] - '0');
  }
  return true;
}

unsigned days_in_month(int year, int month) {
  static constexpr std::array<unsigned, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  return month == 2 && leap ? 29 : days[static_cast<std::size_t>(month - 1)];
}

/// YYYY-MM-DD, a real date in the working years (what Date::parse and is_working_year accept).
bool read_date(Cursor &p, Cursor end, util::Date &date) {
  int year = 0, month = 0, day = 0;
  if (end - p < 10 || p[4] != '-' || p[7] != '-' || !read_number(p, 4, year) ||
      !read_number(p + 5, 2, month) || !read_number(p + 8, 2, day)) {
    return false;
  }
  if (!util::is_working_year(year) || month < 1 || month > 12 || day < 1 ||
      static_cast<unsigned>(day) > days_in_month(year, month)) {
    return false;
  }
  date = util::Date(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  p += 10;
  return true;
}

/// The field at `p`, up to the separator or the end of the line; nullopt when it holds a special
/// byte.
std::optional<std::string_view> read_text(Cursor &p, Cursor end) {
  const Cursor start = p;
  while (p != end && *p != ',') {
    if (special_bytes[static_cast<unsigned char>(*p)]) {
      return std::nullopt;
    }
    ++p;
  }
  return std::string_view(start, static_cast<std::size_t>(p - start));
}

/// Four digits in the working years, or nothing.
bool read_year(Cursor &p, Cursor end, std::optional<int> &year) {
  if (p == end || *p == ',') {
    year.reset();
    return true;
  }
  int value = 0;
  if (end - p < 4 || !read_number(p, 4, value) || !util::is_working_year(value)) {
    return false;
  }
  year = value;
  p += 4;
  return true;
}

/// The amount up to the separator, as parse_money reads it.
bool read_amount(Cursor &p, Cursor end, const util::Currency &currency, std::int64_t &amount) {
  const Cursor start = p;
  while (p != end && *p != ',') {
    ++p;
  }
  const auto parsed =
      util::parse_money(std::string_view(start, static_cast<std::size_t>(p - start)), currency);
  if (!parsed.money) {
    return false;
  }
  amount = parsed.money->minor_units();
  return true;
}

} // namespace

PaymentRowReader::PaymentRowReader(std::vector<PaymentColumn> columns, const StateTable &states)
    : m_columns(std::move(columns)), m_states(states) {}

std::optional<PlainPayment> PaymentRowReader::read(std::string_view line,
                                                   const util::Currency &currency,
                                                   std::string_view currency_text) const {
  Cursor p = line.data();
  const Cursor end = p + line.size();
  PlainPayment payment;
  bool first = true;
  for (const PaymentColumn column : m_columns) {
    if (!first && (p == end || *p++ != ',')) {
      return std::nullopt;
    }
    first = false;
    if (!read_field(column, p, end, currency, currency_text, payment)) {
      return std::nullopt;
    }
  }
  if (p != end) {
    return std::nullopt; // more fields than the header names
  }
  return payment;
}

bool PaymentRowReader::read_field(PaymentColumn column, Cursor &p, Cursor end,
                                  const util::Currency &currency, std::string_view currency_text,
                                  PlainPayment &payment) const {
  switch (column) {
  case PaymentColumn::date:
    return read_date(p, end, payment.date);
  case PaymentColumn::state: {
    if (end - p < 3) {
      return false;
    }
    const auto state = m_states.find(std::string_view(p, 3));
    p += 3;
    payment.state = state.value_or(0);
    return state.has_value();
  }
  case PaymentColumn::amount:
    return read_amount(p, end, currency, payment.amount);
  case PaymentColumn::currency:
    if (currency_text.empty() || static_cast<std::size_t>(end - p) < currency_text.size() ||
        std::string_view(p, currency_text.size()) != currency_text) {
      return false;
    }
    p += currency_text.size();
    return true;
  case PaymentColumn::reference: {
    const auto text = read_text(p, end);
    payment.reference = text ? util::trim_blanks(*text) : std::string_view();
    return text.has_value();
  }
  case PaymentColumn::year:
    return read_year(p, end, payment.year);
  case PaymentColumn::note:
    return read_text(p, end).has_value();
  }
  return false;
}

} // namespace isukit::model
