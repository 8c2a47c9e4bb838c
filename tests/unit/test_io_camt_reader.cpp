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
