#include <isukit/model/payment_row.hpp>
#include <isukit/util/text.hpp>

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

/// Eight bytes at `p` as one number, the first byte lowest (whatever the machine's order).
inline std::uint64_t eight_bytes(Cursor p) {
  std::uint64_t bytes = 0;
  std::memcpy(&bytes, p, sizeof bytes);
  if constexpr (std::endian::native == std::endian::big) {
    bytes = __builtin_bswap64(bytes);
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

/// YYYY-MM-DD, a real date in the working years (what Date::parse and is_working_year accept):
/// the ten bytes checked as two numbers rather than one by one.
inline bool read_date(Cursor &p, Cursor end, util::Date &date) {
  if (end - p < 10) {
    return false;
  }
  constexpr std::uint64_t dashes_at = 0xFF0000FF00000000; // bytes 4 and 7: YYYY-MM-
  const std::uint64_t head = eight_bytes(p);
  const std::uint64_t tail = static_cast<std::uint64_t>(static_cast<unsigned char>(p[8])) |
                             static_cast<std::uint64_t>(static_cast<unsigned char>(p[9])) << 8;
  const std::uint64_t digits = (head & ~dashes_at) | (each_byte('0') & dashes_at);
  if ((head & dashes_at) != (each_byte('-') & dashes_at) || !all_digits(digits, ~0ULL) ||
      !all_digits(tail, 0xFFFF)) {
    return false;
  }
  const std::uint64_t values = digits - each_byte('0');
  const int year = static_cast<int>(byte_at(values, 0) * 1000 + byte_at(values, 1) * 100 +
                                    byte_at(values, 2) * 10 + byte_at(values, 3));
  const unsigned month = byte_at(values, 5) * 10 + byte_at(values, 6);
  const unsigned day = (byte_at(tail, 0) - '0') * 10 + (byte_at(tail, 1) - '0');
  if (!util::is_working_year(year) || !util::is_calendar_date(year, month, day)) {
    return false;
  }
  date = util::Date(year, month, day);
  p += 10;
  return true;
}

/// The bytes of `bytes` that are surely not plain text, each marked by its high bit: control
/// characters (the tab too: the byte-by-byte loop then takes it), bytes past ASCII, quotes and
/// commas. A mark can be false only above a true one (a borrow carries upwards), so the lowest
/// mark is exact.
constexpr std::uint64_t not_text(std::uint64_t bytes) {
  constexpr std::uint64_t high = each_byte(0x80);
  const auto zero = [](std::uint64_t x) { return (x - each_byte(1)) & ~x & each_byte(0x80); };
  return ((bytes - each_byte(0x20)) & ~bytes & high) | (bytes & high) |
         zero(bytes ^ each_byte(0x7F)) | zero(bytes ^ each_byte('"')) |
         zero(bytes ^ each_byte(','));
}

/// The text field at `p`, up to the separator, a line end or the end of the bytes; false when
/// it holds a special byte. Eight bytes at a time up to the first that may not be text, then
/// byte by byte.
inline bool read_text(Cursor &p, Cursor end, std::string_view &text) {
  const Cursor start = p;
  for (; end - p >= 8; p += 8) {
    if (const std::uint64_t marks = not_text(eight_bytes(p))) {
      p += std::countr_zero(marks) / 8;
      break;
    }
  }
  for (; p != end; ++p) {
    const ByteKind kind = byte_kinds[static_cast<unsigned char>(*p)];
    if (kind != text_byte) {
      if (kind == special_byte) {
        return false;
      }
      break;
    }
  }
  text = std::string_view(start, static_cast<std::size_t>(p - start));
  return true;
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

/// Four digits in the working years, or nothing.
inline bool read_year(Cursor &p, Cursor end, std::optional<int> &year) {
  if (p == end || byte_kinds[static_cast<unsigned char>(*p)] == end_byte) {
    year.reset();
    return true;
  }
  if (end - p < 4 || digit(p) > 9 || digit(p + 1) > 9 || digit(p + 2) > 9 || digit(p + 3) > 9) {
    return false;
  }
  const int value =
      static_cast<int>(digit(p) * 1000 + digit(p + 1) * 100 + digit(p + 2) * 10 + digit(p + 3));
  if (!util::is_working_year(value)) {
    return false;
  }
  year = value;
  p += 4;
  return true;
}

/// Digits at `p` added to `value`; how many.
inline std::ptrdiff_t read_digits(Cursor &p, Cursor end, std::uint64_t &value) {
  const Cursor start = p;
  for (; p != end && digit(p) <= 9; ++p) {
    value = value * 10 + digit(p); // wraps past 19 digits: refused below, by their count
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
    fraction_digits = read_digits(p, end, value);
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

} // namespace

PaymentRowReader::PaymentRowReader(std::vector<PaymentColumn> columns, const StateTable &states)
    : m_columns(std::move(columns)), m_states(states) {}

std::optional<PlainPayment> PaymentRowReader::read(std::string_view line,
                                                   const util::Currency &currency,
                                                   std::string_view currency_text) const {
  PlainPayment payment;
  const Cursor end = line.data() + line.size();
  if (read_fields(line.data(), end, currency, currency_text, payment) != end) {
    return std::nullopt; // more fields than the header names, or none of them
  }
  return payment;
}

std::optional<PlainPayment> PaymentRowReader::read_line(std::string_view bytes,
                                                        const util::Currency &currency,
                                                        std::string_view currency_text,
                                                        std::size_t &length,
                                                        std::size_t &next) const {
  PlainPayment payment;
  const Cursor end = bytes.data() + bytes.size();
  const Cursor p = read_fields(bytes.data(), end, currency, currency_text, payment);
  if (p == nullptr || p == end) {
    return std::nullopt;
  }
  length = static_cast<std::size_t>(p - bytes.data());
  if (*p == '\n') {
    next = length + 1;
  } else if (*p == '\r' && end - p > 1 && p[1] == '\n') {
    next = length + 2;
  } else {
    return std::nullopt; // more fields than the header names, or a CR alone
  }
  return payment;
}

const char *PaymentRowReader::read_fields(Cursor p, Cursor end, const util::Currency &currency,
                                          std::string_view currency_text,
                                          PlainPayment &payment) const {
  std::string_view text;
  for (std::size_t i = 0; i < m_columns.size(); ++i) {
    if (i > 0 && (p == end || *p++ != ',')) {
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
      read = read_amount(p, end, currency.minor_digits(), payment.amount);
      break;
    case PaymentColumn::currency:
      read = read_exactly(p, end, currency_text);
      break;
    case PaymentColumn::reference:
      read = read_text(p, end, text);
      payment.reference = text.empty() || (!blank(text.front()) && !blank(text.back()))
                              ? text
                              : util::trim_blanks(text);
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
  const auto found = m_states.find(std::string_view(p, 3));
  p += 3;
  state = found.value_or(0);
  return found.has_value();
}

} // namespace isukit::model
