// ISO 20022 bank-to-customer statements and notifications (camt.053, camt.054; camt.052
// reports read the same way), read with libxml2 into one record per transaction.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace isukit::io {

/// An entry's status (Ntry/Sts, or Ntry/Sts/Cd from camt.053.001.08 on): only a booked entry
/// has moved money; a pending one may still be rejected or booked later on another date, an
/// information one moves nothing, a future one is booked later (ISO 20022
/// ExternalEntryStatus1Code).
enum class CamtStatus { booked, pending, information, future };

/// One transaction of a statement, with the texts as the XML holds them. An entry (`Ntry`)
/// with several transaction details (a batch booking) gives one record per `TxDtls`, each with
/// its own amount; a single transaction without its own amount has the entry's.
struct CamtEntry {
  int line = 0;                           // of the Ntry, or of its TxDtls in a batch
  std::string account;                    // Acct/Id/IBAN, else Acct/Id/Othr/Id
  std::string amount;                     // "1234.50"
  std::string currency;                   // Amt/@Ccy
  bool credit = false;                    // CdtDbtInd is CRDT
  bool reversal = false;                  // RvslInd is true: the booking undoes an earlier one
  CamtStatus status = CamtStatus::booked; // an entry without Sts is taken as booked
  std::string booking_date;               // YYYY-MM-DD (from Dt, or the date of DtTm)
  std::string value_date;
  std::string payer;      // RltdPties/Dbtr/Nm (or Dbtr/Pty/Nm); for a debit the creditor
  std::string remittance; // RmtInf/Ustrd, several joined by a space
  std::string account_servicer_reference; // TxDtls/Refs/AcctSvcrRef, else Ntry/AcctSvcrRef
  std::string end_to_end_id;
};

/// Reads every transaction of every statement (`Stmt`), notification (`Ntfctn`) or report
/// (`Rpt`) in the document, in document order. Not XML, or XML that is not such a document,
/// is a data error at `file:line` naming the cause (libxml2's message, or the root found).
/// So is an entry whose transactions do not account for it, each reported, all together: a
/// batch whose NbOfTxs differs from its TxDtls, a transaction of several without its own
/// amount (Amt or AmtDtls/TxAmt/Amt) or in another currency than the entry, transactions
/// whose amounts do not add up exactly to the entry's Amt; and a status other than BOOK, PDNG,
/// INFO, FUTR. The network is never used and entities are not expanded.
std::vector<CamtEntry> read_camt(std::string_view content, const std::string &file);

} // namespace isukit::io
