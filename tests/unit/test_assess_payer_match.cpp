#include <isukit/assess/payer_match.hpp>

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

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

/// The outcome and candidates, closest first, of `payer` when the rules drop no phrase:
/// "unmatched: GNB GIN".
std::string plain_candidates(const char *payer) {
  static const assess::PayerMatcher plain(fixtures::states(), {}, {});
  const auto result = plain.match(payer);
  std::string text = result.outcome == Outcome::ambiguous   ? "ambiguous:"
                     : result.outcome == Outcome::unmatched ? "unmatched:"
                                                            : "matched:";
  for (const auto id : result.candidates) {
    text += ' ' + fixtures::states()[id].code;
  }
  return text;
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
  // every Republic; Guinea-Bissau, whose name is there whole, first.
  CHECK(plain_candidates("Embassy of the Republic of Guinea-Bissau") ==
        "unmatched: GNB GIN GNQ PNG");
  CHECK(matched_code("Embassy of the Republic of Guinea-Bissau") == "GNB formal_en");
}

TEST_CASE("assess::PayerMatcher: the four Guineas, each by its short and formal names; a name "
          "within another state's longer name does not name its state") {
  for (const auto &payer_code : std::vector<std::pair<const char *, const char *>>{
           {"Guinea", "GIN name_en"},
           {"Republic of Guinea", "GIN formal_en"},
           {"Guinea-Bissau", "GNB name_en"},
           {"Republic of Guinea-Bissau", "GNB formal_en"},
           {"Equatorial Guinea", "GNQ name_en"},
           {"Republic of Equatorial Guinea", "GNQ formal_en"},
           {"Papua New Guinea", "PNG name_en"},
           {"Independent State of Papua New Guinea", "PNG formal_en"},
           {"République de Guinée équatoriale", "GNQ formal_fr"}}) {
    const char *payer = payer_code.first;
    CAPTURE(payer);
    CHECK(matched_code(payer) == std::string(payer_code.second));
  }
  // In a longer text, nothing dropped: never matched, the state named whole the one closest.
  CHECK(plain_candidates("Embassy of the Republic of Guinea") == "unmatched: GIN GNB GNQ PNG");
  CHECK(plain_candidates("Embassy of Guinea-Bissau") == "unmatched: GNB GIN GNQ PNG");
  CHECK(plain_candidates("Embassy of the Republic of Equatorial Guinea") ==
        "unmatched: GNQ GIN GNB PNG");
  CHECK(plain_candidates("Embassy of Papua New Guinea") == "unmatched: PNG GIN GNB GNQ");
  CHECK(plain_candidates("Embassy of the Independent State of Papua New Guinea") ==
        "unmatched: PNG GIN GNB GNQ");
  CHECK(plain_candidates("Ambassade de Guinée-Bissau") == "unmatched: GNB GIN GNQ PNG");
  // Two states named, or names overlapping with neither holding the other: never a guess.
  CHECK(plain_candidates("Guinea-Bissau and Guinea").starts_with("ambiguous: GIN GNB"));
  CHECK(plain_candidates("Embassy of Papua New Guinea-Bissau").starts_with("ambiguous: GNB PNG"));
}

TEST_CASE("assess::PayerMatcher: a text sharing no word with a name gets the state whose name it "
          "nearly spells, never matched") {
  CHECK(plain_candidates("Frnace") == "unmatched: FRA");
  CHECK(plain_candidates("Norwya") == "unmatched: NOR");
  CHECK(plain_candidates("Swiss Re") == "unmatched:");
}
