#include <isukit/model/letter_kit.hpp>

#include <doctest/doctest.h>

#include "fixtures.hpp"

using isukit::model::state_fields;

namespace {

/// `field` of a letter to Ana Pérez of `gender` in `lang`.
std::string addressing(const char *field, const char *gender, const char *lang) {
  auto context = isukit::io::Node::mapping();
  isukit::model::add_person_address(context, "Ana Pérez", gender, fixtures::lang(lang));
  return context.at(field).as_text();
}

/// A state's `of` field in a shipped language.
std::string of_state(const char *code, const char *lang) {
  return state_fields(fixtures::states()[fixtures::state(code)], fixtures::lang(lang))
      .at("of")
      .as_text();
}

} // namespace

TEST_SUITE("model::letter_kit") {
  TEST_CASE(
      "model::state_fields: the formal name with its article, contracted after a preposition") {
    const auto fields =
        state_fields(fixtures::states()[fixtures::state("FRA")], fixtures::lang("fr"));
    CHECK(fields.at("name").as_text() == "France");
    CHECK(fields.at("formal").as_text() == "la République française");
    CHECK(of_state("FRA", "fr") == "de la République française");
    CHECK(of_state("BEL", "fr") == "du Royaume de Belgique");
    CHECK(of_state("ARE", "fr") == "des Émirats arabes unis");
    CHECK(of_state("AUS", "fr") == "de l'Australie");
    CHECK(of_state("ATG", "fr") == "d'Antigua-et-Barbuda"); // no article: elided before a vowel
    CHECK(of_state("LCA", "fr") == "de Sainte-Lucie");
    CHECK(of_state("ESP", "es") == "del Reino de España");
    CHECK(of_state("FRA", "es") == "de la República Francesa");
    CHECK(of_state("FRA", "en") == "of the French Republic");
    CHECK(of_state("AUS", "en") == "of Australia");
  }

  TEST_CASE("model::state_fields: a state without formal names is named by its short name") {
    CHECK(state_fields(fixtures::states()[fixtures::state("TUR")], fixtures::lang("fr"))
              .at("formal")
              .as_text() == "Türkiye");
    CHECK(of_state("TUR", "en") == "of Türkiye");
  }

  TEST_CASE("model::add_person_address: the catalogue's greeting by gender, the name where the "
            "language writes it") {
    CHECK(addressing("salutation", "female", "en") == "Dear Ms Ana Pérez,");
    CHECK(addressing("salutation", "male", "en") == "Dear Mr Ana Pérez,");
    CHECK(addressing("salutation", "other", "en") == "Dear Ana Pérez,");
    CHECK(addressing("salutation", "", "en") == "Dear Ana Pérez,"); // not given: the form for both
    CHECK(addressing("salutation", "female", "fr") == "Madame,");
    CHECK(addressing("salutation", "", "fr") == "Madame, Monsieur,");
    CHECK(addressing("form_of_address", "male", "fr") == "Monsieur");
    CHECK(addressing("form_of_address", "female", "en") == "Ms Ana Pérez");
    CHECK(addressing("salutation", "female", "es") == "Estimada Ana Pérez:");
    CHECK(addressing("salutation", "male", "zh") == "尊敬的Ana Pérez先生：");
  }
}
