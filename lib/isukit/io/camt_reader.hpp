// ISO 20022 bank-to-customer statements and notifications (camt.053, camt.054; camt.052
// reports read the same way), read with libxml2 into one record per transaction.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace isukit::io {

/// One transaction of a statement, with the texts as the XML holds them. An entry (`Ntry`)
/// with several transaction details (a batch booking) gives one record per `TxDtls`, each with
/// its own amount.
struct CamtEntry {
  int line = 0;             // of the Ntry, or of its TxDtls in a batch
  std::string account;      // Acct/Id/IBAN, else Acct/Id/Othr/Id
  std::string amount;       // "1234.50"
  std::string currency;     // Amt/@Ccy
  bool credit = false;      // CdtDbtInd is CRDT
  bool reversal = false;    // RvslInd is true: the booking undoes an earlier one
  std::string booking_date; // YYYY-MM-DD (from Dt, or the date of DtTm)
  std::string value_date;
  std::string payer;      // RltdPties/Dbtr/Nm (or Dbtr/Pty/Nm); for a debit the creditor
  std::string remittance; // RmtInf/Ustrd, several joined by a space
  std::string account_servicer_reference; // TxDtls/Refs/AcctSvcrRef, else Ntry/AcctSvcrRef
  std::string end_to_end_id;
};

/// Reads every transaction of every statement (`Stmt`), notification (`Ntfctn`) or report
/// (`Rpt`) in the document, in document order. Not XML, or XML that is not such a document,
/// is a data error at `file:line` naming the cause (libxml2's message, or the root found).
/// The network is never used and entities are not expanded.
std::vector<CamtEntry> read_camt(std::string_view content, const std::string &file);

} // namespace isukit::io
