#include <isukit/assess/export_rows.hpp>
#include <isukit/io/node_cache.hpp>

#include <doctest/doctest.h>

#include "fixtures.hpp"

using namespace isukit;
using assess::read_csv_rows;
using model::ExportField;

namespace {

model::ImportRules rules_from(const std::string &yaml) {
  return model::ImportRules::from_document(io::read_yaml_cached("rules.yaml", yaml).at(0).root,
                                           fixtures::states());
}

const std::string *file = io::intern_file_name("e.csv");

} // namespace

TEST_CASE("assess::read_csv_rows skips the lines above the header and reads columns by name or "
          "position") {
  const auto rules =
      rules_from("kind: import-rules\nseparator: \";\"\nheader: {cells: [Betrag]}\n"
                 "columns: {date: 1, payer: Name, amount: Betrag, remittance: 9}\ncurrency: CHF\n");
  const auto rows = read_csv_rows(
      "Konto;CH93\n\nDatum; Name ;Betrag\n15.03.2025; Suisse ;1.00\n;;\n16.03.2025;X\n", file,
      rules);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].mark.line == 4);
  CHECK(rows[0].field(ExportField::payer) == "Suisse");
  CHECK(rows[0].mark_of(ExportField::amount).column == 21);
  CHECK(rows[0].missing_cells == 1); // column 9
  CHECK(rows[1].missing_cells == 2);
}

TEST_CASE("assess::read_csv_rows says why no line is the header") {
  const auto rules =
      rules_from("kind: import-rules\nseparator: \";\"\nheader: {line: 1}\n"
                 "columns: {date: Datum, payer: Name, amount: Betrag}\ncurrency: CHF\n");
  CHECK_THROWS_WITH(read_csv_rows("x\nDatum;Name;Betrag\n", file, rules),
                    doctest::Contains("the header is at line 2, not at line 1"));
  CHECK_THROWS_WITH(read_csv_rows("DATUM;Name;Betrag\n", file, rules),
                    doctest::Contains("in another case, spacing or accents"));
  CHECK_THROWS_WITH(
      read_csv_rows("Datum\tName\tBetrag\n", file, rules),
      doctest::Contains("separates the header cells with a tab, but the rules' separator is ';'"));
  CHECK_THROWS_WITH(read_csv_rows("", file, rules),
                    doctest::Contains("nothing: the file is shorter"));
}
