#include <isukit/util/fold.hpp>

#include <doctest/doctest.h>

using isukit::util::fold_name;

TEST_CASE("util::fold_name: case, spaces and accents of Latin letters") {
  CHECK(fold_name("José  Martínez") == "jose martinez");
  CHECK(fold_name(" JOSE MARTINEZ\t") == "jose martinez");
  CHECK(fold_name("Ærøskøbing") == "aeroskobing");
  CHECK(fold_name("Straße") == "strasse");
  CHECK(fold_name("Łódź Œuvre ŸÇ") == "lodz oeuvre yc");
  CHECK(fold_name("Ţara Ŵyn Ŷ Ź ſ") == "tara wyn y z s");
}

TEST_CASE("util::fold_name keeps other scripts and signs as they are") {
  CHECK(fold_name("Иван") == "Иван");
  CHECK(fold_name("2×3") == "2×3");
  CHECK(fold_name("") == "");
}
