#include <isukit/util/bank_codes.hpp>

#include <doctest/doctest.h>

using isukit::util::bic_problem;
using isukit::util::iban_problem;

TEST_CASE("util::iban_problem: ISO 13616 check digits, in paper and electronic format") {
  // The examples of the IBAN Registry for Switzerland and Norway (the shortest, 15 characters).
  CHECK_FALSE(iban_problem("CH93 0076 2011 6238 5295 7"));
  CHECK_FALSE(iban_problem("CH9300762011623852957"));
  CHECK_FALSE(iban_problem("ch93 0076 2011 6238 5295 7"));
  CHECK_FALSE(iban_problem("NO93 8601 1117 947"));
  CHECK(*iban_problem("CH94 0076 2011 6238 5295 7") ==
        "IBAN 'CH94 0076 2011 6238 5295 7' fails its check digits (ISO 13616, MOD 97-10): a "
        "character is mistyped");
  CHECK(iban_problem("CH93 0076 2011 6238 5259 7")); // two digits swapped
  CHECK(iban_problem("CH00 0000 0000 0000 0000 0"));
}

TEST_CASE("util::iban_problem: the length and the form") {
  CHECK(*iban_problem("CH00 0000") ==
        "IBAN 'CH00 0000' has 8 characters, not 15 to 34 (ISO 13616)");
  CHECK(iban_problem(std::string(35, '1')));
  CHECK(*iban_problem("1193 0076 2011 6238 5295 7") ==
        "IBAN '1193 0076 2011 6238 5295 7' is not two letters, two check digits, then letters and "
        "digits (ISO 13616)");
  CHECK(iban_problem("CH93-0076-2011-6238-5295-7"));
}

TEST_CASE("util::bic_problem: 8 or 11 letters and digits, the country in letters (ISO 9362)") {
  CHECK_FALSE(bic_problem("EXAMPLEXXXX"));
  CHECK_FALSE(bic_problem("EXAMCHGG"));
  CHECK_FALSE(bic_problem("EXAMCHGG80A"));
  CHECK(*bic_problem("ZZZ") == "SWIFT/BIC 'ZZZ' is not 8 or 11 letters and digits: institution "
                               "(4), country (2 letters), location (2), optionally branch (3) "
                               "(ISO 9362)");
  CHECK(bic_problem("EXAMCHGG8"));
  CHECK(bic_problem("EXAM12GG"));
  CHECK(bic_problem("EXAM CHGG"));
}
