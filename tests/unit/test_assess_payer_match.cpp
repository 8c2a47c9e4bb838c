#include <isukit/assess/payer_match.hpp>

#include <doctest/doctest.h>

#include "fixtures.hpp"

using namespace isukit;
using Outcome = assess::PayerMatch::Outcome;

namespace {

assess::PayerMatch match(const char *payer) {
  static const assess::PayerMatcher matcher(
      fixtures::states(), {{"MISSION PERMANENTE DE LA SUISSE", fixtures::state("CHE")}},
      {"Permanent Mission of the", "Permanent Mission of", "Embassy of"});
  return matcher.match(payer);
}

std::string matched_code(const char *payer) {
  const auto result = match(payer);
  return result.outcome == Outcome::matched
             ? fixtures::states()[result.state].code + " " + result.how
             : "none";
}

} // namespace

TEST_CASE("assess::PayerMatcher matches codes, names in every language and aliases exactly") {
  CHECK(matched_code("Permanent Mission of Norway") == "NOR name_en");
  CHECK(matched_code("NORVÈGE") == "NOR name_fr");
  CHECK(matched_code("che") == "CHE code");
  CHECK(matched_code("Mission permanente de la Suisse") == "CHE alias");
  CHECK(matched_code("Embassy of Niger") == "NER name_en");
  CHECK(matched_code("Embassy of Nigeria") == "NGA name_en");
  CHECK(matched_code("Dominica") == "DMA name_en");
  CHECK(matched_code("Dominican Republic") == "DOM name_en");
  CHECK(matched_code("Congo") == "COG name_en");
  CHECK(matched_code("Permanent Mission of the Democratic Republic of the Congo") == "COD name_en");
}

TEST_CASE("assess::PayerMatcher never guesses: a name inside a longer text is only a candidate") {
  const auto colombia = match("EMBAJADA DE COLOMBIA");
  CHECK(colombia.outcome == Outcome::unmatched);
  REQUIRE(colombia.candidates.size() == 1);
  CHECK(fixtures::states()[colombia.candidates[0]].code == "COL");
  CHECK(match("Swiss Re").candidates.empty());
}

TEST_CASE("assess::PayerMatcher calls states whose names share words ambiguous") {
  for (const char *payer : {"Ambassade du Congo et de la République démocratique du Congo", "KOREA",
                            "Embassy of Papua New Guinea-Bissau", "GUINEA BISSAU AND GUINEA"}) {
    CAPTURE(payer);
    const auto result = match(payer);
    CHECK(result.outcome == Outcome::ambiguous);
    CHECK(result.candidates.size() >= 2);
  }
}

TEST_CASE("assess::PayerMatcher matches formal names, with or without their article, in every "
          "language") {
  CHECK(matched_code("French Republic") == "FRA formal_en");
  CHECK(matched_code("The French Republic") == "FRA formal_en");
  CHECK(matched_code("RÉPUBLIQUE FRANÇAISE") == "FRA formal_fr");
  CHECK(matched_code("Czech Republic") == "CZE formal_en");
  CHECK(matched_code("Swiss Confederation") == "CHE formal_en");
  CHECK(matched_code("Французская Республика") == "FRA formal_ru");
}

TEST_CASE("assess::PayerMatcher: a generic word (Republic) shared makes no state close") {
  const auto french = match("Government of the French Republic");
  CHECK(french.outcome == Outcome::unmatched);
  REQUIRE(french.candidates.size() == 1);
  CHECK(fixtures::states()[french.candidates[0]].code == "FRA");
  CHECK(match("Republic of Nowhere").candidates.empty());
  // Without 'Embassy of' dropped, as the rules may not drop it: the Guineas are close, not
  // every Republic.
  static const assess::PayerMatcher plain(fixtures::states(), {}, {});
  const auto guinea = plain.match("Embassy of the Republic of Guinea-Bissau");
  REQUIRE(guinea.outcome == Outcome::ambiguous);
  std::string codes;
  for (auto id : guinea.candidates) {
    codes += fixtures::states()[id].code + ' ';
  }
  CHECK(codes == "GIN GNB GNQ PNG ");
  CHECK(matched_code("Embassy of the Republic of Guinea-Bissau") == "GNB formal_en");
}
