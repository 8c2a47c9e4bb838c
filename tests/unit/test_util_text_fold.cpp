#include <isukit/util/text_fold.hpp>

#include <doctest/doctest.h>

using namespace isukit::util;

TEST_CASE("util::fold_text sets case, accents, punctuation and spacing aside") {
  CHECK(fold_text("Côte d’Ivoire") == "cote d ivoire");
  CHECK(fold_text("  MISSION PERMANENTE  DE LA SUISSE ") == "mission permanente de la suisse");
  CHECK(fold_text("Guinea-Bissau") == "guinea bissau");
  CHECK(fold_text("Türkiye") == "turkiye");
  CHECK(fold_text("Ständige Vertretung") == "standige vertretung");
  CHECK(fold_text("Œuvre Łódź Straße") == "oeuvre lodz strasse");
  CHECK(fold_text("1\u202F234") == "1 234");
  CHECK(fold_text("Россия") == "Россия"); // other scripts are kept as they are
}

TEST_CASE("util::drop_phrase removes whole words only") {
  CHECK(drop_phrase("embassy of the congo", "embassy of") == "the congo");
  CHECK(drop_phrase("embassy of nigeria", "niger") == "embassy of nigeria");
  CHECK(drop_phrase("niger", "niger") == "");
}
