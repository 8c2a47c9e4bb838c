// The forms of the codes that say where money is paid: IBAN (ISO 13616-1) and BIC (ISO 9362).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace isukit::util {

/// Why `iban` is not an IBAN, or nothing when it is. Paper format (groups of four separated by
/// spaces) and electronic format are both accepted; letters in either case. ISO 13616-1: two
/// letters (country), two check digits, then letters and digits, at most 34 characters in all,
/// and the whole read as a number (the first four characters moved to the end, A=10 ... Z=35)
/// is 1 modulo 97 (ISO 7064 MOD 97-10). The shortest IBAN of the SWIFT IBAN Registry is
/// Norway's, 15 characters (Bits AS, bits.no/en/iban). The length for each country is not
/// checked: isukit ships no sourced copy of the Registry.
std::optional<std::string> iban_problem(std::string_view iban);

/// Why `bic` is not a BIC, or nothing when it is. ISO 9362: 8 or 11 characters: 4 letters or
/// digits (the institution), 2 letters (the country), 2 letters or digits (the location),
/// optionally 3 letters or digits (the branch); letters in either case, no spaces.
std::optional<std::string> bic_problem(std::string_view bic);

} // namespace isukit::util
