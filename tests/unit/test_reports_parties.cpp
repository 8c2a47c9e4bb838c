#include <isukit/reports/parties.hpp>

#include <doctest/doctest.h>

#include <algorithm>

#include "fixtures.hpp"

using namespace isukit;
using util::Date;

namespace {

int count(const char *treaty, const char *instrument, Date date, reports::Adherence adherence) {
  const auto &t = fixtures::treaty(treaty);
  const auto list = reports::adherence_on(t, fixtures::reference().states,
                                          reports::select_instruments(t, {instrument}), date);
  return static_cast<int>(std::count_if(list.begin(), list.end(),
                                        [&](const auto &a) { return a.adherence == adherence; }));
}

} // namespace

TEST_SUITE("reports::parties") {
  TEST_CASE("reports::adherence_on Protocol V before and after the United Kingdom's deposit "
            "(2024-05-13)") {
    CHECK(count("ccw", "protocol_V", Date(2024, 5, 12), reports::Adherence::party) == 97);
    CHECK(count("ccw", "protocol_V", Date(2024, 5, 13), reports::Adherence::party) == 98);
    CHECK(count("ccw", "protocol_V", Date(2024, 5, 13), reports::Adherence::signatory) ==
          0); // signature is of the Convention
    CHECK(count("ccw", "convention", Date(2025, 8, 31), reports::Adherence::signatory) == 4);
  }

  TEST_CASE("reports::adherence_on the CCM: Lithuania withdrawn from 2025-03-06") {
    CHECK(count("ccm", "convention", Date(2025, 3, 5), reports::Adherence::party) == 112);
    CHECK(count("ccm", "convention", Date(2025, 3, 6), reports::Adherence::party) == 111);
    CHECK(count("ccm", "convention", Date(2025, 3, 6), reports::Adherence::withdrawn) == 1);
    const auto total = count("ccm", "convention", Date(2025, 3, 6), reports::Adherence::party) +
                       count("ccm", "convention", Date(2025, 3, 6), reports::Adherence::withdrawn) +
                       count("ccm", "convention", Date(2025, 3, 6), reports::Adherence::signatory) +
                       count("ccm", "convention", Date(2025, 3, 6), reports::Adherence::not_party);
    CHECK(total == static_cast<int>(fixtures::reference().states.size())); // every state, once
  }

  TEST_CASE("reports::select_instruments refuses an unknown id") {
    CHECK_THROWS_AS(reports::select_instruments(fixtures::treaty("ccw"), {"protocol_VI"}),
                    util::Error);
    CHECK(reports::select_instruments(fixtures::treaty("ccw"), {}).size() == 8);
  }
}
