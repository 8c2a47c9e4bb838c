#include <isukit/io/render.hpp>
#include <isukit/model/payment_row.hpp>
#include <isukit/util/text.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

namespace isukit::model {

namespace {

using Cursor = const char *;

/// What a byte of a plain text field is: part of it, its end (the separator, LF or CR: the
/// caller sees which), or a byte the general reader treats otherwise (a quote may open a
/// quoted field, a control character is refused, a byte past ASCII must be checked as UTF-8).
enum ByteKind : unsigned char { text_byte, end_byte, special_byte };

constexpr std::array<ByteKind, 256> byte_kinds = [] {
  std::array<ByteKind, 256> kinds{};
  for (int c = 0; c < 0x20; ++c) { // control characters: the general reader refuses them
    kinds[static_cast<std::size_t>(c)] = c == '\t' ? text_byte : special_byte;
  }
  for (int c = 0x7F; c < 0x100; ++c) {
    kinds[static_cast<std::size_t>(c)] = special_byte;
  }
  kinds['"'] = special_byte;
  kinds[','] = kinds['\n'] = kinds['\r'] = end_byte;
  return kinds;
}();

/// The digit at `p`, or 10 and more for any other byte.
inline unsigned digit(Cursor p) {
  return static_cast<unsigned>(static_cast<unsigned char>(*p)) - '0';
}

/// The bytes of a `Word` at `p` as one number, the first byte lowest (whatever the machine's
/// order).
template <class Word> Word bytes_at(Cursor p) {
  Word bytes = 0;
  std::memcpy(&bytes, p, sizeof bytes);
  if constexpr (std::endian::native == std::endian::big) {
    bytes = static_cast<Word>(__builtin_bswap64(bytes) >> (64 - 8 * sizeof bytes));
  }
  return bytes;
}

constexpr std::uint64_t each_byte(unsigned char c) {
  return std::uint64_t{0x0101010101010101} * c;
}

/// Whether every byte of `bytes` (as many as `mask` covers) is an ASCII digit: its high nibble
/// is 3, and adding 6 keeps it 3 (no byte can carry into the next once the first holds).
constexpr bool all_digits(std::uint64_t bytes, std::uint64_t mask) {
  const std::uint64_t high_nibbles = each_byte(0xF0) & mask;
  return (bytes & high_nibbles) == (each_byte('0') & mask) &&
         ((bytes + (each_byte(6) & mask)) & high_nibbles) == (each_byte('0') & mask);
}

/// Byte `index` of `bytes` (the first byte is 0).
constexpr unsigned byte_at(std::uint64_t bytes, int index) {
  return static_cast<unsigned>(bytes >> (8 * index)) & 0xFF;
}

/// Digits as numbers (the first byte lowest) to pairs of digits: byte k becomes ten times byte k
/// plus byte k + 1 (at most 99: no byte carries into the next).
constexpr std::uint64_t digit_pairs(std::uint64_t values) {
  return values * 10 + (values >> 8);
}

/// The days of each month (1 to 12) outside leap years.
constexpr std::array<unsigned char, 13> month_days = {0,  31, 28, 31, 30, 31, 30,
                                                      31, 31, 30, 31, 30, 31};

/// Whether `year`-`month`-`day` (month from 1 to 12) is a day of the calendar: what
/// util::is_calendar_date says, which is asked only about 29 February.
constexpr bool is_day_of_month(int year, unsigned month, unsigned day) {
  return (day >= 1 && day <= month_days[month]) ||
         (month == 2 && day == 29 && util::is_calendar_date(year, month, day));
}

constexpr std::uint64_t dashes_at = 0xFF0000FF00000000; // bytes 4 and 7: YYYY-MM-

/// The date `YYYY-MM-DD` whose first eight bytes are `head` and last two the low bytes of
/// `tail` (as bytes_at reads them), each a digit or a dash where the date has one: a real
/// date in the working years (what Date::parse and is_working_year accept), the year's halves
/// and the month read as pairs of digits.
inline bool date_of_digits(std::uint64_t head, std::uint64_t tail, util::Date &date) {
  const std::uint64_t digits = (head & ~dashes_at) | (each_byte('0') & dashes_at);
  const std::uint64_t pairs = digit_pairs(digits - each_byte('0'));
  const int year = static_cast<int>(byte_at(pairs, 0) * 100 + byte_at(pairs, 2));
  const unsigned month = byte_at(pairs, 5);
  const unsigned day = (byte_at(tail, 0) - '0') * 10 + (byte_at(tail, 1) - '0');
  if (!util::is_working_year(year) || month - 1 >= 12 || !is_day_of_month(year, month, day)) {
    return false;
  }
  date = util::Date::unchecked(year, month, day); // is_day_of_month checked it
  return true;
}

/// date_of_digits of any bytes: the digits and dashes checked as two numbers rather than one
/// by one.
inline bool date_of(std::uint64_t head, std::uint64_t tail, util::Date &date) {
  const std::uint64_t digits = (head & ~dashes_at) | (each_byte('0') & dashes_at);
  return (head & dashes_at) == (each_byte('-') & dashes_at) && all_digits(digits, ~0ULL) &&
         all_digits(tail, 0xFFFF) && date_of_digits(head, tail, date);
}

/// YYYY-MM-DD at `p` (date_of).
inline bool read_date(Cursor &p, Cursor end, util::Date &date) {
  if (end - p < 10) {
    return false;
  }
  const std::uint64_t tail = static_cast<std::uint64_t>(static_cast<unsigned char>(p[8])) |
                             static_cast<std::uint64_t>(static_cast<unsigned char>(p[9])) << 8;
  if (!date_of(bytes_at<std::uint64_t>(p), tail, date)) {
    return false;
  }
  p += 10;
  return true;
}

/// The bytes of `bytes` that may not be plain text, each marked by its high bit: every byte
/// outside '-' (0x2D) to '~' (0x7E), a range that holds letters, digits and most punctuation
/// but no separator, quote, control character or byte past ASCII (a blank or a '#' is marked
/// too: byte_kinds decides on it). Only a byte marked already can carry into the next, so the
/// lowest mark is exact.
constexpr std::uint64_t maybe_not_text(std::uint64_t bytes) {
  return (bytes | ~(bytes + each_byte(0x80 - '-')) | (bytes + each_byte(0x80 - 0x7F))) &
         each_byte(0x80);
}

/// The text field at `p`, up to the separator, a line end or the end of the bytes; false when
/// it holds a special byte. Eight bytes at a time, and byte by byte from the first that may
/// not be text: `looked_at` says whether a byte of the text was looked at so (every blank is).
inline bool read_text(Cursor &p, Cursor end, std::string_view &text, bool &looked_at) {
  const Cursor start = p;
  looked_at = false;
  while (p != end) {
    if (end - p >= 8) {
      const std::uint64_t marks = maybe_not_text(bytes_at<std::uint64_t>(p));
      if (marks == 0) {
        p += 8;
        continue;
      }
      p += std::countr_zero(marks) / 8;
    }
    const ByteKind kind = byte_kinds[static_cast<unsigned char>(*p)];
    if (kind == special_byte) {
      return false;
    }
    if (kind == end_byte) {
      break;
    }
    looked_at = true;
    ++p;
  }
  text = std::string_view(start, static_cast<std::size_t>(p - start));
  return true;
}

/// read_text where what was looked at does not matter.
inline bool read_text(Cursor &p, Cursor end, std::string_view &text) {
  bool looked_at = false;
  return read_text(p, end, text, looked_at);
}

/// `expected` (not empty) at `p`; what follows is the caller's to check. A currency's code, so
/// three bytes compared as such, without a call.
inline bool read_exactly(Cursor &p, Cursor end, std::string_view expected) {
  const std::size_t size = expected.size();
  if (size == 0 || static_cast<std::size_t>(end - p) < size) {
    return false;
  }
  const bool same = size == 3 ? p[0] == expected[0] && p[1] == expected[1] && p[2] == expected[2]
                              : std::memcmp(p, expected.data(), size) == 0;
  p += size;
  return same;
}

/// A blank that util::trim_blanks trims.
inline bool blank(char c) {
  return c == ' ' || c == '\t';
}

/// A reference: text without the blanks around it (util::trim_blanks), most often none. A
/// blank is a byte read_text looks at one by one, so text with none needs no trimming. False
/// for a reference with the ' of isukit's formula guard (io::without_formula_guard), a byte
/// looked at too: the general reader takes it off.
inline bool read_reference(Cursor &p, Cursor end, std::string_view &reference) {
  std::string_view text;
  bool looked_at = false;
  if (!read_text(p, end, text, looked_at)) {
    return false;
  }
  if (!looked_at || text.empty() || (!blank(text.front()) && !blank(text.back()))) {
    reference = text;
  } else {
    reference = util::trim_blanks(text);
  }
  return !looked_at || io::without_formula_guard(reference).size() == reference.size();
}

/// The separator before the next field; false at the end of the bytes or anything else.
inline bool read_separator(Cursor &p, Cursor end) {
  return p != end && *p++ == ',';
}

/// The year that four digits write (the first byte lowest), into `year` when it is one of the
/// working years.
inline bool year_of_digits(std::uint32_t digits, std::optional<int> &year) {
  const std::uint64_t pairs = digit_pairs(digits - static_cast<std::uint32_t>(each_byte('0')));
  const int value = static_cast<int>(byte_at(pairs, 0) * 100 + byte_at(pairs, 2));
  if (!util::is_working_year(value)) {
    return false;
  }
  year = value;
  return true;
}

/// Four digits in the working years, or nothing.
inline bool read_year(Cursor &p, Cursor end, std::optional<int> &year) {
  if (p == end || byte_kinds[static_cast<unsigned char>(*p)] == end_byte) {
    year.reset();
    return true;
  }
  if (end - p < 4) {
    return false;
  }
  const std::uint32_t bytes = bytes_at<std::uint32_t>(p);
  if (!all_digits(bytes, 0xFFFFFFFF) || !year_of_digits(bytes, year)) {
    return false;
  }
  p += 4;
  return true;
}

/// The separator and the year after it, as read_separator and read_year read them: the usual
/// `,YYYY` and its line end checked as one number; any other way to go on by those two.
inline bool read_year_field(Cursor &p, Cursor end, std::optional<int> &year) {
  if (end - p >= 8) {
    const std::uint64_t bytes = bytes_at<std::uint64_t>(p);
    const unsigned after = byte_at(bytes, 5);
    if (byte_at(bytes, 0) == ',' && (after == '\n' || after == '\r') &&
        all_digits(bytes, 0x000000FFFFFFFF00)) {
      if (!year_of_digits(static_cast<std::uint32_t>(bytes >> 8), year)) {
        return false;
      }
      p += 5;
      return true;
    }
  }
  return read_separator(p, end) && read_year(p, end, year);
}

/// The bytes of `bytes` that are not ASCII digits, each marked by its high bit (exact for
/// every byte: no sum below carries into the next byte).
constexpr std::uint64_t not_digits(std::uint64_t bytes) {
  const std::uint64_t low = bytes & each_byte(0x7F);
  return (bytes | (low + each_byte(0x80 - ':')) | ~(low + each_byte(0x80 - '0'))) & each_byte(0x80);
}

/// The number written by the first `count` (1 to 8) bytes of `bytes`, all digits, the first
/// byte lowest: shifted so that the bytes after them fall off and zeros lead, then the eight
/// digits added up pairwise in three multiplications.
constexpr std::uint64_t digits_value(std::uint64_t bytes, int count) {
  constexpr std::uint64_t pairs = 0x000000FF000000FF;
  std::uint64_t value = (bytes - each_byte('0')) << (8 * (8 - count));
  value = value * 10 + (value >> 8);
  return (((value & pairs) * (100 + (std::uint64_t{1000000} << 32))) +
          (((value >> 16) & pairs) * (1 + (std::uint64_t{10000} << 32)))) >>
         32;
}

constexpr std::array<std::uint64_t, 9> powers_of_ten = {1,      10,      100,      1000,     10000,
                                                        100000, 1000000, 10000000, 100000000};

/// Digits at `p` added to `value`; how many. Eight bytes at a time while they are at hand.
inline std::ptrdiff_t read_digits(Cursor &p, Cursor end, std::uint64_t &value) {
  const Cursor start = p;
  // Past 19 digits the value wraps: refused by the caller, by their count.
  while (end - p >= 8) {
    const std::uint64_t bytes = bytes_at<std::uint64_t>(p);
    const std::uint64_t marks = not_digits(bytes);
    const int count = marks == 0 ? 8 : std::countr_zero(marks) / 8;
    if (count == 0) {
      return p - start;
    }
    value = value * powers_of_ten[static_cast<std::size_t>(count)] + digits_value(bytes, count);
    p += count;
    if (count < 8) {
      return p - start;
    }
  }
  for (; p != end && digit(p) <= 9; ++p) {
    value = value * 10 + digit(p);
  }
  return p - start;
}

/// `-?digits[.digits]` in minor units, with at most `minor_digits` decimals and 18 digits once
/// scaled: what parse_money reads the same, in the same minor units (it reads more, up to
/// 2^63 - 1: the general reader's business).
inline bool read_amount(Cursor &p, Cursor end, int minor_digits, std::int64_t &amount) {
  const bool negative = p != end && *p == '-';
  p += negative ? 1 : 0;
  std::uint64_t value = 0;
  const std::ptrdiff_t integer_digits = read_digits(p, end, value);
  std::ptrdiff_t fraction_digits = 0;
  if (p != end && *p == '.') {
    ++p;
    // A few decimals, one by one: one more than the currency has is enough to refuse them.
    for (; fraction_digits <= minor_digits && p != end && digit(p) <= 9; ++p, ++fraction_digits) {
      value = value * 10 + digit(p);
    }
    if (fraction_digits == 0) {
      return false;
    }
  }
  if (integer_digits == 0 || fraction_digits > minor_digits || integer_digits + minor_digits > 18) {
    return false;
  }
  for (auto i = fraction_digits; i < minor_digits; ++i) {
    value *= 10;
  }
  amount = negative ? -static_cast<std::int64_t>(value) : static_cast<std::int64_t>(value);
  return true;
}

/// An amount and the separator after it, as read_amount and read_separator read them. The
/// usual amount of a currency of two decimals (up to seven digits, a point, two digits, the
/// separator) is checked as two numbers; any other goes to read_amount.
inline bool read_amount_field(Cursor &p, Cursor end, int minor_digits, std::int64_t &amount) {
  if (minor_digits == 2 && end - p >= 12) { // eight bytes, then four from the seventh at most
    const std::uint64_t bytes = bytes_at<std::uint64_t>(p);
    const int count = std::countr_zero(not_digits(bytes)) / 8; // 8 when all are digits
    if (count > 0 && count < 8) {
      const std::uint32_t rest = bytes_at<std::uint32_t>(p + count); // .DD,
      constexpr std::uint32_t point_and_separator = 0xFF0000FF;
      if ((rest & point_and_separator) == ('.' | std::uint32_t{','} << 24) &&
          all_digits(rest, 0x00FFFF00)) {
        amount =
            static_cast<std::int64_t>(digits_value(bytes, count) * 100 +
                                      (byte_at(rest, 1) - '0') * 10 + (byte_at(rest, 2) - '0'));
        p += count + 4;
        return true;
      }
    }
  }
  return read_amount(p, end, minor_digits, amount) && read_separator(p, end);
}

/// `expected` and the separator after it, as read_exactly and read_separator read them: a
/// three-letter code and the separator compared as one number, `field` (currency_field: 0 when
/// `expected` is not three bytes).
inline bool read_currency_field(Cursor &p, Cursor end, std::string_view expected,
                                std::uint32_t field) {
  if (field == 0 || end - p < 4) {
    return read_exactly(p, end, expected) && read_separator(p, end);
  }
  if (bytes_at<std::uint32_t>(p) != field) {
    return false;
  }
  p += 4;
  return true;
}

} // namespace

namespace {

constexpr int letters = 26;

/// The index of a three-letter code in a table of every such code; -1 for anything else.
inline int code_slot(Cursor p) {
  const unsigned first = static_cast<unsigned char>(p[0]) - unsigned{'A'};
  const unsigned second = static_cast<unsigned char>(p[1]) - unsigned{'A'};
  const unsigned third = static_cast<unsigned char>(p[2]) - unsigned{'A'};
  if (first >= letters || second >= letters || third >= letters) {
    return -1;
  }
  return static_cast<int>((first * letters + second) * letters + third);
}

} // namespace

PaymentRowReader::PaymentRowReader(std::vector<PaymentColumn> columns, const StateTable &states)
    : m_columns(std::move(columns)), m_order(order_of(m_columns)),
      m_state_of_code(std::size_t{letters} * letters * letters, -1) {
  for (StateId id = 0; id < states.size(); ++id) {
    const std::string &code = states[id].code;
    if (const int slot = code.size() == 3 ? code_slot(code.data()) : -1; slot >= 0) {
      m_state_of_code[static_cast<std::size_t>(slot)] = static_cast<std::int16_t>(id);
    }
  }
}

std::optional<PlainPayment> PaymentRowReader::read(std::string_view line,
                                                   const util::Currency &currency,
                                                   std::string_view currency_text) const {
  PlainPayment payment;
  const Cursor end = line.data() + line.size();
  if (read_fields(line.data(), end, expected(currency, currency_text), payment) != end) {
    return std::nullopt; // more fields than the header names, or none of them
  }
  return payment;
}

namespace {

/// Where the line after a row whose fields end at `p` starts (past its LF or CRLF); nullptr
/// when they end elsewhere (more fields than the header names, a CR alone), at the end of the
/// bytes, or not at all (`p` nullptr).
inline Cursor past_line_end(Cursor p, Cursor end) {
  if (p == nullptr || p == end) {
    return nullptr;
  }
  if (*p == '\n') {
    return p + 1;
  }
  return *p == '\r' && end - p > 1 && p[1] == '\n' ? p + 2 : nullptr;
}

} // namespace

bool PaymentRowReader::read_line(std::string_view bytes, const util::Currency &currency,
                                 std::string_view currency_text, PlainPayment &payment,
                                 std::size_t &length, std::size_t &next) const {
  const Cursor end = bytes.data() + bytes.size();
  const Cursor fields_end =
      read_fields(bytes.data(), end, expected(currency, currency_text), payment);
  const Cursor after = past_line_end(fields_end, end);
  if (after == nullptr) {
    return false;
  }
  length = static_cast<std::size_t>(fields_end - bytes.data());
  next = static_cast<std::size_t>(after - bytes.data());
  return true;
}

std::size_t PaymentRowReader::read_lines(std::string_view bytes, const util::Currency &currency,
                                         std::string_view currency_text, PlainPayment *payments,
                                         std::size_t *next, std::size_t capacity) const {
  const Expected rows = expected(currency, currency_text);
  switch (m_order) {
  case Order::usual:
    return read_lines_as<Order::usual>(bytes, rows, payments, next, capacity);
  case Order::usual_with_year:
    return read_lines_as<Order::usual_with_year>(bytes, rows, payments, next, capacity);
  case Order::other:
    break;
  }
  return read_lines_as<Order::other>(bytes, rows, payments, next, capacity);
}

PaymentRowReader::Expected PaymentRowReader::expected(const util::Currency &currency,
                                                      std::string_view currency_text) const {
  const std::uint32_t field =
      currency_text.size() != 3
          ? 0
          : static_cast<unsigned char>(currency_text[0]) |
                std::uint32_t{static_cast<unsigned char>(currency_text[1])} << 8 |
                std::uint32_t{static_cast<unsigned char>(currency_text[2])} << 16 |
                std::uint32_t{','} << 24;
  return Expected{currency.minor_digits(), currency_text, field, m_state_of_code.data()};
}

template <PaymentRowReader::Order order>
std::size_t PaymentRowReader::read_lines_as(std::string_view bytes, const Expected &expected,
                                            PlainPayment *payments, std::size_t *next,
                                            std::size_t capacity) const {
  // Copied here, so that the rows' stores cannot reach it: it stays in registers.
  const Expected rows = expected;
  const Cursor begin = bytes.data(), end = begin + bytes.size();
  Cursor p = begin;
  std::size_t count = 0;
  for (; count < capacity; ++count) {
    p = past_line_end(read_fields_as<order>(p, end, rows, payments[count]), end);
    if (p == nullptr) {
      break;
    }
    next[count] = static_cast<std::size_t>(p - begin);
  }
  return count;
}

PaymentRowReader::Order PaymentRowReader::order_of(const std::vector<PaymentColumn> &columns) {
  const std::vector<PaymentColumn> usual = {PaymentColumn::date, PaymentColumn::state,
                                            PaymentColumn::amount, PaymentColumn::currency,
                                            PaymentColumn::reference};
  if (columns == usual) {
    return Order::usual;
  }
  if (columns.size() == usual.size() + 1 && columns.back() == PaymentColumn::year &&
      std::equal(usual.begin(), usual.end(), columns.begin())) {
    return Order::usual_with_year;
  }
  return Order::other;
}

const char *PaymentRowReader::read_fields(Cursor p, Cursor end, const Expected &expected,
                                          PlainPayment &payment) const {
  switch (m_order) {
  case Order::usual:
    return read_fields_as<Order::usual>(p, end, expected, payment);
  case Order::usual_with_year:
    return read_fields_as<Order::usual_with_year>(p, end, expected, payment);
  case Order::other:
    break;
  }
  return read_fields_as<Order::other>(p, end, expected, payment);
}

template <PaymentRowReader::Order order>
inline const char *PaymentRowReader::read_fields_as(Cursor p, Cursor end, const Expected &expected,
                                                    PlainPayment &payment) const {
  payment.year.reset(); // a payment read before may have named one
  if constexpr (order == Order::other) {
    return read_columns(p, end, expected, payment);
  } else {
    return read_usual<order == Order::usual_with_year>(p, end, expected, payment);
  }
}

template <bool with_year>
inline const char *PaymentRowReader::read_usual(Cursor p, Cursor end, const Expected &expected,
                                                PlainPayment &payment) const {
  if (!read_date_and_state(p, end, expected, payment) ||
      !read_amount_field(p, end, expected.minor_digits, payment.amount) ||
      !read_currency_field(p, end, expected.currency_text, expected.currency_field) ||
      !read_reference(p, end, payment.reference)) {
    return nullptr;
  }
  if constexpr (with_year) {
    if (!read_year_field(p, end, payment.year)) {
      return nullptr;
    }
  }
  return p;
}

namespace {

/// The eight characters of `text` as one number, the first lowest (as bytes_at reads them).
constexpr std::uint64_t bytes_of(const char (&text)[9]) {
  std::uint64_t bytes = 0;
  for (int i = 7; i >= 0; --i) {
    bytes = bytes << 8 | static_cast<unsigned char>(text[i]);
  }
  return bytes;
}

/// Whether each byte of `bytes` lies within the same byte of `low` and `high` (bytes up to
/// 0x7F, so no sum carries into the next byte; a byte past 0x7F is outside): the high bit of
/// byte + (0x80 - low) says it is at least low, that of byte + (0x7F - high) that it is past
/// high.
constexpr bool bytes_within(std::uint64_t bytes, std::uint64_t low, std::uint64_t high) {
  const std::uint64_t high_bits = each_byte(0x80);
  const std::uint64_t ascii = bytes & ~high_bits;
  const std::uint64_t at_least_low = ascii + (high_bits - low);
  const std::uint64_t past_high = ascii + (each_byte(0x7F) - high);
  return (at_least_low & ~past_high & ~bytes & high_bits) == high_bits;
}

} // namespace

inline bool PaymentRowReader::read_date_and_state(Cursor &p, Cursor end, const Expected &expected,
                                                  PlainPayment &payment) const {
  if (end - p < 16) {
    return read_date(p, end, payment.date) && read_separator(p, end) &&
           read_state(p, end, payment.state) && read_separator(p, end);
  }
  // YYYY-MM-DD,AAA, as two numbers, each byte within its bounds (the 16th: any ASCII byte)
  const std::uint64_t head = bytes_at<std::uint64_t>(p), tail = bytes_at<std::uint64_t>(p + 8);
  if (!bytes_within(head, bytes_of("0000-00-"), bytes_of("9999-99-")) ||
      !bytes_within(tail, bytes_of("00,AAA,\0"), bytes_of("99,ZZZ,\x7F"))) {
    return false;
  }
  const std::int16_t state = expected.state_of_code[static_cast<std::size_t>(
      ((byte_at(tail, 3) - 'A') * letters + (byte_at(tail, 4) - 'A')) * letters +
      (byte_at(tail, 5) - 'A'))];
  if (state < 0 || !date_of_digits(head, tail, payment.date)) {
    return false;
  }
  payment.state = static_cast<StateId>(state);
  p += 15;
  return true;
}

const char *PaymentRowReader::read_columns(Cursor p, Cursor end, const Expected &expected,
                                           PlainPayment &payment) const {
  std::string_view text;
  for (std::size_t i = 0; i < m_columns.size(); ++i) {
    if (i > 0 && !read_separator(p, end)) {
      return nullptr; // a field too few
    }
    bool read = false;
    switch (m_columns[i]) {
    case PaymentColumn::date:
      read = read_date(p, end, payment.date);
      break;
    case PaymentColumn::state:
      read = read_state(p, end, payment.state);
      break;
    case PaymentColumn::amount:
      read = read_amount(p, end, expected.minor_digits, payment.amount);
      break;
    case PaymentColumn::currency:
      read = read_exactly(p, end, expected.currency_text);
      break;
    case PaymentColumn::reference:
      read = read_reference(p, end, payment.reference);
      break;
    case PaymentColumn::year:
      read = read_year(p, end, payment.year);
      break;
    case PaymentColumn::note:
      read = read_text(p, end, text);
      break;
    }
    if (!read) {
      return nullptr;
    }
  }
  return p;
}

bool PaymentRowReader::read_state(Cursor &p, Cursor end, StateId &state) const {
  if (end - p < 3) {
    return false;
  }
  const int slot = code_slot(p);
  if (slot < 0 || m_state_of_code[static_cast<std::size_t>(slot)] < 0) {
    return false;
  }
  state = static_cast<StateId>(m_state_of_code[static_cast<std::size_t>(slot)]);
  p += 3;
  return true;
}

} // namespace isukit::model
