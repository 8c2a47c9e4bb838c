#include <isukit/util/error.hpp>
#include <isukit/util/lang.hpp>

#include <doctest/doctest.h>

#include <stdexcept>

using namespace isukit::util;

namespace {

PluralRule rule(const char *text) {
  std::string error;
  auto parsed = PluralRule::parse(text, error);
  REQUIRE_MESSAGE(error.empty(), error);
  return parsed;
}

} // namespace

TEST_SUITE("util::lang") {
  TEST_CASE("util::PluralRule: the CLDR rules of the shipped and the planned languages") {
    const auto fr_one = rule("i = 0,1");
    CHECK(fr_one.matches(0));
    CHECK(fr_one.matches(1));
    CHECK_FALSE(fr_one.matches(2));
    const auto ru_few = rule("n % 10 = 2..4 and n % 100 != 12..14");
    CHECK(ru_few.matches(22));
    CHECK_FALSE(ru_few.matches(12));
    CHECK_FALSE(ru_few.matches(25));
    const auto ar_few = rule("n % 100 = 3..10");
    CHECK(ar_few.matches(103));
    CHECK_FALSE(ar_few.matches(111));
    const auto either = rule("n = 0 or n % 100 = 2..10");
    CHECK(either.matches(0));
    CHECK(either.matches(105));
    CHECK_FALSE(either.matches(1));
  }

  TEST_CASE("util::PluralRule: a malformed rule is an error, not a rule that never matches") {
    for (const char *bad : {"x = 1", "n = ", "n < 1", "n % 0 = 1", "n = 3..1", "n = 1 and"}) {
      std::string error;
      PluralRule::parse(bad, error);
      CHECK_MESSAGE(!error.empty(), bad);
    }
  }

  TEST_CASE("util::fill: named parameters; an unknown one is a programming error") {
    CHECK(fill("{a} and {b}", {{"b", "2"}, {"a", "1"}}) == "1 and 2");
    CHECK(fill("no parameter", {{"unused", "x"}}) == "no parameter");
    CHECK_THROWS_AS(fill("{missing}", {}), std::logic_error);
    CHECK(parameters_of("{b} {a} {b}") == std::vector<std::string>{"a", "b"});
  }

  TEST_CASE("util::Lang: text, plural forms and an unknown id") {
    auto catalogue = std::make_shared<Catalogue>();
    catalogue->code = "xx";
    std::string error;
    catalogue->plural_rules.emplace_back("one", PluralRule::parse("i = 1", error));
    catalogue->messages["greet"].forms["other"] = "hello {who}";
    catalogue->messages["states"].forms = {{"one", "{count} state"}, {"other", "{count} states"}};
    const Lang lang(catalogue);
    CHECK(lang.code() == "xx");
    CHECK(lang.text("greet", {{"who", "you"}}) == "hello you");
    CHECK(lang.plural("states", 1) == "1 state");
    CHECK(lang.plural("states", 193) == "193 states");
    CHECK_THROWS_AS(lang.text("nowhere"), isukit::util::Error);
  }

  TEST_CASE("util::Lang::phrase: the first contraction that begins the phrase, and only there") {
    auto catalogue = std::make_shared<Catalogue>();
    catalogue->code = "xx";
    catalogue->messages["of"].forms["other"] = "de {name}";
    catalogue->contractions = {{"de le ", "du "}, {"de les ", "des "}, {"de A", "d'A"}};
    const Lang lang(catalogue);
    CHECK(lang.phrase("of", {{"name", "le Royaume de Belgique"}}) == "du Royaume de Belgique");
    CHECK(lang.phrase("of", {{"name", "les Émirats arabes unis"}}) == "des Émirats arabes unis");
    CHECK(lang.phrase("of", {{"name", "Antigua-et-Barbuda"}}) == "d'Antigua-et-Barbuda");
    CHECK(lang.phrase("of", {{"name", "la République française"}}) == "de la République française");
    CHECK(lang.phrase("of", {{"name", "Cuba de le sud"}}) == "de Cuba de le sud"); // the start only
    CHECK(lang.text("of", {{"name", "le Royaume"}}) == "de le Royaume"); // text() never contracts
  }
}
