#include <isukit/util/bank_codes.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace isukit::util {

namespace {

bool is_letter(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0;
}
bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}
bool is_letter_or_digit(char c) {
  return is_letter(c) || is_digit(c);
}

/// The IBAN without the spaces of its paper format.
std::string electronic(std::string_view iban) {
  std::string out;
  std::copy_if(iban.begin(), iban.end(), std::back_inserter(out), [](char c) { return c != ' '; });
  return out;
}

/// ISO 7064 MOD 97-10 over the IBAN rearranged (first four characters last, letters as 10-35),
/// digit by digit so that no number grows past 97 * 100.
int mod97(std::string_view iban) {
  const std::string rearranged = std::string(iban.substr(4)) + std::string(iban.substr(0, 4));
  int remainder = 0;
  for (const char c : rearranged) {
    if (is_digit(c)) {
      remainder = (remainder * 10 + (c - '0')) % 97;
    } else {
      const int value = std::toupper(static_cast<unsigned char>(c)) - 'A' + 10;
      remainder = (remainder * 100 + value) % 97;
    }
  }
  return remainder;
}

} // namespace

std::optional<std::string> iban_problem(std::string_view iban) {
  const std::string code = electronic(iban);
  if (code.size() < 15 || code.size() > 34) {
    return fmt::format("IBAN '{}' has {} characters, not 15 to 34 (ISO 13616)", iban, code.size());
  }
  if (!is_letter(code[0]) || !is_letter(code[1]) || !is_digit(code[2]) || !is_digit(code[3]) ||
      !std::all_of(code.begin(), code.end(), is_letter_or_digit)) {
    return fmt::format("IBAN '{}' is not two letters, two check digits, then letters and digits "
                       "(ISO 13616)",
                       iban);
  }
  if (mod97(code) != 1) {
    return fmt::format("IBAN '{}' fails its check digits (ISO 13616, MOD 97-10): a character is "
                       "mistyped",
                       iban);
  }
  return std::nullopt;
}

std::optional<std::string> bic_problem(std::string_view bic) {
  if ((bic.size() != 8 && bic.size() != 11) ||
      !std::all_of(bic.begin(), bic.end(), is_letter_or_digit) || !is_letter(bic[4]) ||
      !is_letter(bic[5])) {
    return fmt::format("SWIFT/BIC '{}' is not 8 or 11 letters and digits: institution (4), "
                       "country (2 letters), location (2), optionally branch (3) (ISO 9362)",
                       bic);
  }
  return std::nullopt;
}

} // namespace isukit::util
