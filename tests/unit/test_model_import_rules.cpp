#include <isukit/io/node_cache.hpp>
#include <isukit/model/import_rules.hpp>

#include <doctest/doctest.h>

#include "fixtures.hpp"

using namespace isukit;

namespace {

model::ImportRules rules_from(const std::string &yaml) {
  return model::ImportRules::from_document(io::read_yaml_cached("rules.yaml", yaml).at(0).root,
                                           fixtures::states());
}

} // namespace

TEST_CASE("model::ImportRules reads columns by name or position and the amount style") {
  const auto rules =
      rules_from("kind: import-rules\nseparator: \"\\t\"\nquote: none\nheader: {line: 3}\n"
                 "columns: {date: 1, payer: \"2\", credit: In, debit: Out}\ncurrency: CHF\n"
                 "decimal_mark: \",\"\ngrouping: \".\"\nsign: {parentheses: true}\n");
  CHECK(rules.separator == '\t');
  CHECK(rules.quote == '\0');
  CHECK(rules.header_line == 3);
  CHECK(rules.column(model::ExportField::date).position == 1);
  CHECK(rules.column(model::ExportField::payer).name == "2"); // quoted: a header cell
  CHECK(rules.column(model::ExportField::credit).name == "In");
  CHECK(rules.amount_style.decimal_mark == ",");
  CHECK(rules.amount_style.parentheses);
}

TEST_CASE("model::ImportRules refuses rules that cannot work") {
  CHECK_THROWS_WITH(rules_from("kind: import-rules\nheader: {line: 1}\ncolumns: {date: 1, payer: "
                               "2, amount: 3}\ncurrency: CHF\n"
                               "grouping: \".\"\n"),
                    doctest::Contains("the grouping and the decimal mark must differ"));
  CHECK_THROWS_WITH(
      rules_from(
          "kind: import-rules\nheader: {line: 1}\ncolumns: {date: 1, payer: 2}\ncurrency: CHF\n"),
      doctest::Contains("not both and not neither"));
  CHECK_THROWS_WITH(rules_from("kind: import-rules\nformat: camt\nseparator: \";\"\n"),
                    doctest::Contains("'separator' applies to CSV exports only"));
  CHECK_THROWS_WITH(rules_from("kind: import-rules\nformat: camt\naliases: {X: XYZ}\n"),
                    doctest::Contains("XYZ"));
  CHECK_THROWS_WITH(rules_from("kind: import-rules\nformat: camt\nyear_pattern: \"(\"\n"),
                    doctest::Contains("not a regular expression"));
}

TEST_CASE("model::ImportRules: year_pattern ignores case in every script, as leave_out does") {
  const auto rules =
      rules_from("kind: import-rules\nformat: camt\nyear_pattern: \"Contribution (20[0-9]{2})\"\n"
                 "leave_out: [{name: fees, field: remittance, pattern: \"Frais\"}]\n");
  REQUIRE(rules.year_pattern);
  CHECK(rules.year_pattern->find("CCW ASSESSED CONTRIBUTION 2024") == "2024");
  CHECK(rules.year_pattern->find("ccw assessed contribution 2025") == "2025");
  CHECK(rules.year_pattern->find("ВЗНОС 2025") == std::nullopt);
  CHECK(rules.leave_out.at(0).pattern.matches("FRAIS BANCAIRES"));
  const auto cyrillic = rules_from("kind: import-rules\nformat: camt\nyear_pattern: \"ВЗНОС "
                                   "(20[0-9]{2})\"\n");
  CHECK(cyrillic.year_pattern->find("взнос 2025") == "2025");
  const auto whole = rules_from("kind: import-rules\nformat: camt\nyear_pattern: \"20[0-9]{2}\"\n");
  CHECK(whole.year_pattern->find("CCW 2026") == "2026");
}
