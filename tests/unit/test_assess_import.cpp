#include <isukit/assess/import.hpp>
#include <isukit/io/node_cache.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "fixtures.hpp"

using namespace isukit;

namespace {

model::ImportRules rules_from(const std::string &yaml) {
  const auto documents = io::read_yaml_cached("rules.yaml", yaml);
  return model::ImportRules::from_document(documents.at(0).root, fixtures::states());
}

const char *const rules_yaml = R"yaml(kind: import-rules
separator: ";"
header: {cells: [Datum, Betrag]}
columns: {date: Datum, payer: Auftraggeber, amount: Betrag, remittance: Text}
currency: CHF
date_format: "%d.%m.%Y"
grouping: "'"
debits: leave_out
leave_out: [{name: fees, field: remittance, pattern: "^spesen"}]
year_pattern: "(20[0-9]{2})"
)yaml";

} // namespace

TEST_CASE("assess::import_payments reads rows by the rules and sets unmatched payers aside") {
  const std::string csv =
      "Konto;CH93\r\nDatum;Auftraggeber;Betrag;Text\r\n15.03.2025;Suisse;1'234.50;CCW 2025\r\n"
      "16.03.2025;Bank;-5.00;Debit\r\n17.03.2025;Bank;-3.00;SPESEN\r\n18.03.2025;Korea;1.00;\r\n";
  const auto result =
      assess::import_payments({{"e.csv", csv}}, rules_from(rules_yaml), fixtures::states(),
                              assess::UnmatchedPayers::set_aside);
  REQUIRE(result.payments.size() == 1);
  const auto &payment = result.payments[0];
  CHECK(payment.amount.plain() == "1234.50");
  CHECK(payment.date == util::Date(2025, 3, 15));
  CHECK(payment.year == 2025);
  CHECK(payment.source.line == 3);
  CHECK(payment.match.how == "name_fr");
  REQUIRE(result.unmatched.size() == 1);
  CHECK(result.unmatched[0].match.outcome == assess::PayerMatch::Outcome::ambiguous);
  CHECK(result.summary.rows == 4);
  CHECK(result.summary.left_out.at("debits") == 1);
  CHECK(result.summary.left_out.at("fees") == 1);
  CHECK(assess::summary_text(result.summary, fixtures::lang("en")) ==
        "4 rows: 1 payment, 1 set aside (payer not matched), 2 left out (debits 1, fees 1)");
  CHECK(assess::outgoing_notes(result.summary) ==
        std::vector<std::string>{
            "debits left out, not in the payments (a refund is a negative payment: the rules' "
            "'debits: keep' imports it): 16.03.2025 Bank CHF -5.00 (e.csv:4)"});
}

TEST_CASE("assess::import_payments names the first debits left out, then counts the others") {
  std::string csv = "Datum;Auftraggeber;Betrag;Text\n";
  for (int day = 1; day <= 12; ++day) {
    csv += fmt::format("{:02}.03.2025;Suisse;-{}.00;Refund\n", day, day);
  }
  const auto result = assess::import_payments({{"e.csv", csv}}, rules_from(rules_yaml),
                                              fixtures::states(), assess::UnmatchedPayers::fail);
  CHECK(result.summary.left_out.at("debits") == 12);
  const auto notes = assess::outgoing_notes(result.summary);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].find(": 01.03.2025 Suisse CHF -1.00 (e.csv:2); 02.03.2025") != std::string::npos);
  const std::string end = "; 10.03.2025 Suisse CHF -10.00 (e.csv:11); and 2 more";
  CHECK(notes[0].substr(notes[0].size() - end.size()) == end);
}

TEST_CASE("assess::import_payments: the year of an upper-case remittance; a year assess status "
          "would refuse is an error at the row") {
  const std::string csv = "Datum;Auftraggeber;Betrag;Text\n03.02.2025;Suisse;1.00;CCW "
                          "CONTRIBUTION 2024\n03.02.2025;Suisse;2.00;Contribution 2029\n";
  std::string yaml = rules_yaml;
  yaml.replace(yaml.find("\"(20"), 2, "\"contribution (");
  const auto rules = rules_from(yaml);
  try {
    assess::import_payments({{"e.csv", csv}}, rules, fixtures::states(),
                            assess::UnmatchedPayers::fail);
    FAIL("no error");
  } catch (const util::Error &error) {
    CHECK(error.located_message().find(
              "e.csv:3:24: assess status would refuse this payment: a payment of 2025-02-03 "
              "cannot be for 2029: a payment names at most the next year") == 0);
    CHECK(error.also().empty());
  }
  const auto result = assess::import_payments({{"e.csv", csv.substr(0, csv.rfind("03.02"))}}, rules,
                                              fixtures::states(), assess::UnmatchedPayers::fail);
  REQUIRE(result.payments.size() == 1);
  CHECK(result.payments[0].year == 2024);
}

TEST_CASE(
    "assess::import_payments fails on unmatched payers and on identical rows, listing every one") {
  const std::string csv =
      "Datum;Auftraggeber;Betrag;Text\n15.03.2025;Korea;1.00;\n15.03.2025;Swiss Re;1.00;\n";
  try {
    assess::import_payments({{"e.csv", csv}}, rules_from(rules_yaml), fixtures::states(),
                            assess::UnmatchedPayers::fail);
    FAIL("no error");
  } catch (const util::Error &error) {
    CHECK(error.located_message().find("e.csv:2: payer 'Korea' is ambiguous") == 0);
    REQUIRE(error.also().size() == 1);
    CHECK(error.also()[0].find("e.csv:3: payer 'Swiss Re' matches no state") == 0);
  }
  const std::string twice = "Datum;Auftraggeber;Betrag;Text\n15.03.2025;Suisse;1.00;\n";
  CHECK_THROWS_WITH(assess::import_payments({{"a.csv", twice}, {"b.csv", twice}},
                                            rules_from(rules_yaml), fixtures::states(),
                                            assess::UnmatchedPayers::fail),
                    doctest::Contains("b.csv:2: row identical to a.csv:2"));
}

TEST_CASE("assess::import_payments: the rules' account, compared without spaces and case, must "
          "hold an entry; every row left out is told") {
  const std::string xml = R"(<?xml version="1.0"?>
<Document><BkToCstmrStmt><Stmt><Acct><Id><IBAN>CH5604835012345678009</IBAN></Id></Acct>
<Ntry><Amt Ccy="CHF">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2025-01-02</Dt></BookgDt>
<NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Suisse</Nm></Dbtr></RltdPties></TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>)";
  const auto import = [&](const std::string &filter) {
    return assess::import_payments({{"s.xml", xml}},
                                   rules_from("kind: import-rules\nformat: camt\n" + filter),
                                   fixtures::states(), assess::UnmatchedPayers::fail);
  };
  CHECK(import("account: \"ch56 0483 5012 3456 7800 9\"\n").payments.size() == 1);
  CHECK_THROWS_WITH(import("account: CH5604835012345678008\n"),
                    doctest::Contains("s.xml: no entry of the statement is on the rules' account "
                                      "CH5604835012345678008: it holds the accounts "
                                      "CH5604835012345678009"));
  CHECK_THROWS_WITH(import("currency: USD\n"),
                    doctest::Contains("no entry of the statement is in the rules' currency USD: "
                                      "it holds CHF"));
  const auto fees = import("leave_out: [{name: all, field: payer, pattern: s}]\n");
  CHECK(fees.summary.all_left_out());
  CHECK_FALSE(import("").summary.all_left_out());
}
