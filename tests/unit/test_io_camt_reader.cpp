#include <isukit/io/camt_reader.hpp>
#include <isukit/util/error.hpp>

#include <doctest/doctest.h>

using namespace isukit;

TEST_CASE(
    "io::read_camt reads every transaction with its account, amounts, parties and references") {
  const std::string xml = R"(<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
<Acct><Id><IBAN>CH00</IBAN></Id></Acct>
<Ntry><Amt Ccy="USD">10.50</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><DtTm>2025-01-02T09:00:00</DtTm></BookgDt>
<ValDt><Dt>2025-01-03</Dt></ValDt><AcctSvcrRef>A1</AcctSvcrRef>
<NtryDtls><TxDtls><Refs><EndToEndId>E1</EndToEndId></Refs><RltdPties><Dbtr><Nm> Norway </Nm></Dbtr></RltdPties>
<RmtInf><Ustrd>CCW</Ustrd><Ustrd>2025</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
<Ntry><Amt Ccy="USD">10.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd><BookgDt><Dt>2025-01-04</Dt></BookgDt>
<NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Norway</Nm></Dbtr><Cdtr><Nm>ISU</Nm></Cdtr></RltdPties></TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>)";
  const auto entries = io::read_camt(xml, "s.xml");
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].account == "CH00");
  CHECK(entries[0].amount == "10.50");
  CHECK(entries[0].currency == "USD");
  CHECK(entries[0].credit);
  CHECK(entries[0].booking_date == "2025-01-02");
  CHECK(entries[0].value_date == "2025-01-03");
  CHECK(entries[0].payer == "Norway");
  CHECK(entries[0].remittance == "CCW 2025");
  CHECK(entries[0].account_servicer_reference == "A1");
  CHECK(entries[0].end_to_end_id == "E1");
  CHECK(entries[0].line == 4);
  CHECK(entries[1].reversal);
  CHECK_FALSE(entries[1].credit);
  CHECK(entries[1].payer == "Norway"); // a reversed credit still names its debtor
}

TEST_CASE("io::read_camt refuses what is not a camt document") {
  CHECK_THROWS_WITH(io::read_camt("<a>", "s.xml"),
                    doctest::Contains("s.xml:1: not XML: Premature end of data"));
  CHECK_THROWS_WITH(io::read_camt("<Document/>", "s.xml"),
                    doctest::Contains("not an ISO 20022 camt.053"));
}

namespace {

/// A camt.053 statement of one entry of `amount` USD with status `status` and `details`.
std::string statement(const std::string &amount, const std::string &status,
                      const std::string &details) {
  return R"(<?xml version="1.0"?>
<Document><BkToCstmrStmt><Stmt><Acct><Id><IBAN>CH00</IBAN></Id></Acct>
<Ntry><Amt Ccy="USD">)" +
         amount + "</Amt><CdtDbtInd>CRDT</CdtDbtInd>" + status +
         "<BookgDt><Dt>2025-01-02</Dt></BookgDt>\n<NtryDtls>" + details +
         "</NtryDtls></Ntry>\n</Stmt></BkToCstmrStmt></Document>";
}

std::string tx(const std::string &amount, const std::string &currency = "USD") {
  const std::string own =
      amount.empty() ? "" : "<Amt Ccy=\"" + currency + "\">" + amount + "</Amt>";
  return "<TxDtls>" + own + "<RltdPties><Dbtr><Nm>Norway</Nm></Dbtr></RltdPties></TxDtls>\n";
}

} // namespace

TEST_CASE("io::read_camt: a batch's transactions must account for its entry") {
  const auto two = io::read_camt(statement("300.00", "", tx("100.00") + tx("200.0")), "s.xml");
  REQUIRE(two.size() == 2);
  CHECK(two[1].amount == "200.0");
  const auto alone = io::read_camt(statement("75.50", "", tx("")), "s.xml");
  REQUIRE(alone.size() == 1);
  CHECK(alone[0].amount == "75.50"); // a single transaction without its own amount: the entry's
  CHECK_THROWS_WITH(io::read_camt(statement("300.00", "", tx("100.00") + tx("150.00")), "s.xml"),
                    doctest::Contains("s.xml:3: the entry books 300.00 USD, but its transactions "
                                      "(2) add up to 250.00"));
  CHECK_THROWS_WITH(io::read_camt(statement("300.00", "", tx("100.00")), "s.xml"),
                    doctest::Contains("transactions (1) add up to 100.00"));
  CHECK_THROWS_WITH(io::read_camt(statement("300.00", "", tx("100.00") + tx("")), "s.xml"),
                    doctest::Contains("s.xml:5: a transaction of a batch of 2 has no amount"));
  CHECK_THROWS_WITH(
      io::read_camt(statement("300.00", "", tx("100.00") + tx("200.00", "EUR")), "s.xml"),
      doctest::Contains("the transaction is in EUR, its entry in USD"));
  CHECK_THROWS_WITH(
      io::read_camt(statement("300.00", "",
                              "<Btch><NbOfTxs>3</NbOfTxs></Btch>" + tx("100.00") + tx("200.00")),
                    "s.xml"),
      doctest::Contains("a batch of 3 transactions (NbOfTxs) but gives the details "
                        "(TxDtls) of 2"));
}

TEST_CASE("io::read_camt reads an entry's status in both forms; only booked ones are checked") {
  using io::CamtStatus;
  CHECK(io::read_camt(statement("1.00", "", tx("")), "s.xml")[0].status == CamtStatus::booked);
  CHECK(io::read_camt(statement("1.00", "<Sts>PDNG</Sts>", tx("")), "s.xml")[0].status ==
        CamtStatus::pending);
  CHECK(io::read_camt(statement("1.00", "<Sts><Cd>INFO</Cd></Sts>", tx("")), "s.xml")[0].status ==
        CamtStatus::information);
  CHECK(io::read_camt(statement("1.00", "<Sts><Cd>FUTR</Cd></Sts>", tx("")), "s.xml")[0].status ==
        CamtStatus::future);
  // A pending batch is not imported, so its details are not held to account for it.
  CHECK(io::read_camt(statement("9.00", "<Sts>PDNG</Sts>", tx("1.00") + tx("")), "s.xml").size() ==
        2);
  CHECK_THROWS_WITH(
      io::read_camt(statement("1.00", "<Sts><Prtry>X</Prtry></Sts>", tx("")), "s.xml"),
      doctest::Contains("entry status 'X' is none of BOOK"));
}
