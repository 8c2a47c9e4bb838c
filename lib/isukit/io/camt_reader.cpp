#include <isukit/io/camt_reader.hpp>
#include <isukit/util/decimal.hpp>
#include <isukit/util/error.hpp>
#include <isukit/util/shared_library.hpp>
#include <isukit/util/text_encoding.hpp>

#include <fmt/format.h>

#include <array>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <memory>
#include <utility>

namespace isukit::io {

namespace {

/// The functions of libxml2 a statement is read with, from the library opened when the first
/// one is read: linked to the tools, it and the libz and liblzma it needs cost every call their
/// dynamic linking, for the one import format that uses them.
struct Libxml2 {
  decltype(&::xmlReadMemory) read_memory;
  decltype(&::xmlFreeDoc) free_doc;
  decltype(&::xmlGetLastError) last_error;
  decltype(&::xmlDocGetRootElement) root_element;
  decltype(&::xmlGetLineNo) line_of;
  decltype(&::xmlNodeGetContent) content_of;
  decltype(&::xmlGetProp) property;
  xmlFreeFunc free; // libxml2's deallocator: `xmlFree` is a variable holding it, not a function
};

Libxml2 open_libxml2() {
  const util::SharedLibrary library(ISUKIT_LIBXML2_SONAME, "reading camt statements", "libxml2");
  Libxml2 api{};
  library.bind(api.read_memory, "xmlReadMemory");
  library.bind(api.free_doc, "xmlFreeDoc");
  library.bind(api.last_error, "xmlGetLastError");
  library.bind(api.root_element, "xmlDocGetRootElement");
  library.bind(api.line_of, "xmlGetLineNo");
  library.bind(api.content_of, "xmlNodeGetContent");
  library.bind(api.property, "xmlGetProp");
  api.free = *static_cast<xmlFreeFunc *>(library.symbol("xmlFree"));
  return api;
}

const Libxml2 &libxml2() {
  static const Libxml2 api = open_libxml2();
  return api;
}

/// Frees what libxml2 allocated (a document, a text) with libxml2's own deallocator.
struct FreeDoc {
  void operator()(xmlDoc *doc) const { libxml2().free_doc(doc); }
};
struct FreeText {
  void operator()(xmlChar *text) const { libxml2().free(text); }
};
using XmlDoc = std::unique_ptr<xmlDoc, FreeDoc>;
using XmlText = std::unique_ptr<xmlChar, FreeText>;

bool is(const xmlNode *node, std::string_view name) {
  return node && node->type == XML_ELEMENT_NODE &&
         name == reinterpret_cast<const char *>(node->name);
}

/// The first child element named `name`, namespaces aside (camt.053.001.02 to .08 differ).
const xmlNode *child(const xmlNode *node, std::string_view name) {
  for (const xmlNode *c = node ? node->children : nullptr; c; c = c->next) {
    if (is(c, name)) {
      return c;
    }
  }
  return nullptr;
}

/// Follows a path of child names: path(entry, {"BookgDt", "Dt"}).
const xmlNode *path(const xmlNode *node, std::initializer_list<std::string_view> names) {
  for (auto name : names) {
    node = child(node, name);
  }
  return node;
}

std::string text_of(const xmlNode *node) {
  if (!node) {
    return {};
  }
  XmlText content(libxml2().content_of(node));
  std::string text = content ? reinterpret_cast<const char *>(content.get()) : "";
  const auto first = text.find_first_not_of(" \t\r\n");
  return first == std::string::npos
             ? std::string()
             : text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string date_of(const xmlNode *date) {
  const xmlNode *day = child(date, "Dt");
  return day ? text_of(day) : text_of(child(date, "DtTm")).substr(0, 10);
}

std::string account_of(const xmlNode *statement) {
  const xmlNode *id = path(statement, {"Acct", "Id"});
  const xmlNode *iban = child(id, "IBAN");
  return iban ? text_of(iban) : text_of(path(id, {"Othr", "Id"}));
}

std::string party_name(const xmlNode *parties, std::string_view role) {
  const xmlNode *party = child(parties, role);
  const xmlNode *name = child(party, "Nm");
  return text_of(name ? name : path(party, {"Pty", "Nm"}));
}

std::string remittance_of(const xmlNode *details) {
  std::string joined;
  for (const xmlNode *c = child(details, "RmtInf") ? child(details, "RmtInf")->children : nullptr;
       c; c = c->next) {
    if (is(c, "Ustrd")) {
      joined += joined.empty() ? "" : " ";
      joined += text_of(c);
    }
  }
  return joined;
}

int line_of(const xmlNode *node) {
  return static_cast<int>(libxml2().line_of(node));
}

std::string currency_of(const xmlNode *amount) {
  XmlText currency(libxml2().property(amount, BAD_CAST "Ccy"));
  return currency ? reinterpret_cast<const char *>(currency.get()) : "";
}

/// The amount a transaction gives itself: TxDtls/Amt (camt.054, camt.053.001.08), else
/// TxDtls/AmtDtls/TxAmt/Amt; null when it gives none.
const xmlNode *own_amount(const xmlNode *details) {
  const xmlNode *amount = child(details, "Amt");
  return amount ? amount : path(details, {"AmtDtls", "TxAmt", "Amt"});
}

/// The entry problems of one document, reported together (util::Diagnostics) at their lines.
struct Problems {
  const std::string &file;
  util::Diagnostics diagnostics;

  void add(const xmlNode *at, std::string message) {
    diagnostics.add(util::Error(util::ExitCode::data, util::Position{file, line_of(at), 0},
                                std::move(message)));
  }
};

/// An entry's transaction details (the TxDtls of every NtryDtls, in order) and the NbOfTxs of
/// its batches (Btch), which announce how many there are.
struct EntryDetails {
  std::vector<const xmlNode *> transactions;
  std::vector<const xmlNode *> announced;
};

EntryDetails details_of(const xmlNode *ntry) {
  EntryDetails found;
  for (const xmlNode *block = ntry->children; block; block = block->next) {
    for (const xmlNode *c = is(block, "NtryDtls") ? block->children : nullptr; c; c = c->next) {
      if (is(c, "TxDtls")) {
        found.transactions.push_back(c);
      } else if (is(c, "Btch") && child(c, "NbOfTxs")) {
        found.announced.push_back(child(c, "NbOfTxs"));
      }
    }
  }
  return found;
}

/// Ntry/Sts (camt.053.001.02 to .07) or Ntry/Sts/Cd (.08 on); none is taken as booked.
CamtStatus status_of(const xmlNode *ntry, Problems &problems) {
  static constexpr std::array<std::pair<std::string_view, CamtStatus>, 4> codes{
      {{"BOOK", CamtStatus::booked},
       {"PDNG", CamtStatus::pending},
       {"INFO", CamtStatus::information},
       {"FUTR", CamtStatus::future}}};
  const xmlNode *status = child(ntry, "Sts");
  const std::string code = text_of(child(status, "Cd") ? child(status, "Cd") : status);
  for (const auto &[text, value] : codes) {
    if (code == text) {
      return value;
    }
  }
  if (!code.empty()) {
    problems.add(status, fmt::format("entry status '{}' is none of BOOK (booked), PDNG "
                                     "(pending), INFO (information) and FUTR (future)",
                                     code));
  }
  return CamtStatus::booked;
}

/// A batch's NbOfTxs must count its TxDtls: details left out would leave money unexplained.
void check_count(const xmlNode *ntry, const EntryDetails &entry, Problems &problems) {
  std::size_t announced = 0;
  for (const xmlNode *count : entry.announced) {
    const std::string text = text_of(count);
    if (text.empty() || text.size() > 15 || text.find_first_not_of("0123456789") != text.npos) {
      problems.add(count, fmt::format("NbOfTxs '{}' is not a number of transactions", text));
      return;
    }
    announced += std::stoull(text);
  }
  if (!entry.announced.empty() && announced != entry.transactions.size()) {
    problems.add(ntry, fmt::format("the entry is a batch of {} transactions (NbOfTxs) but gives "
                                   "the details (TxDtls) of {}",
                                   announced, entry.transactions.size()));
  }
}

std::size_t decimals(std::string_view amount) {
  const auto point = amount.find('.');
  return point == amount.npos ? 0 : amount.size() - point - 1;
}

/// The transactions' own amounts must add up exactly to what the entry booked; in a batch of
/// several each must have one (a transaction alone without one has the entry's amount).
void check_amounts(const xmlNode *ntry, const EntryDetails &entry, Problems &problems) {
  const xmlNode *booked = child(ntry, "Amt");
  const std::string total = text_of(booked), currency = currency_of(booked);
  const std::size_t count = entry.transactions.size();
  std::optional<util::Rational> sum = util::Rational(0); // none when a term is missing
  std::size_t places = decimals(total);
  for (const xmlNode *tx : entry.transactions) {
    const xmlNode *amount = own_amount(tx);
    const std::string text = text_of(amount);
    if (!amount && count > 1) {
      problems.add(tx, fmt::format("a transaction of a batch of {} has no amount of its own "
                                   "(Amt or AmtDtls/TxAmt/Amt): the entry's {} {} cannot be split",
                                   count, total, currency));
    } else if (amount && currency_of(amount) != currency) {
      problems.add(amount, fmt::format("the transaction is in {}, its entry in {}",
                                       currency_of(amount), currency));
    }
    const auto value = util::parse_decimal(text);
    const bool adds = value && currency_of(amount) == currency;
    sum = sum && adds ? std::optional(*sum + *value) : std::nullopt;
    places = std::max(places, decimals(text));
  }
  const auto expected = util::parse_decimal(total);
  if (count > 0 && sum && expected && *sum != *expected) {
    problems.add(ntry, fmt::format("the entry books {} {}, but its transactions ({}) add up to "
                                   "{}: the details do not account for the entry",
                                   total, currency, count,
                                   util::format_decimal(*sum, static_cast<int>(places),
                                                        util::Rounding::half_up)));
  }
}

/// The record of one transaction of `ntry`; `details` is its TxDtls (or null).
CamtEntry transaction(const xmlNode *ntry, const xmlNode *details, bool batch,
                      const std::string &account) {
  CamtEntry entry;
  entry.line = line_of(batch ? details : ntry);
  entry.account = account;
  const xmlNode *amount = own_amount(details) ? own_amount(details) : child(ntry, "Amt");
  entry.amount = text_of(amount);
  entry.currency = currency_of(amount);
  entry.credit = text_of(child(ntry, "CdtDbtInd")) == "CRDT";
  const std::string reversal = text_of(child(ntry, "RvslInd"));
  entry.reversal = reversal == "true" || reversal == "1";
  entry.booking_date = date_of(child(ntry, "BookgDt"));
  entry.value_date = date_of(child(ntry, "ValDt"));
  // A reversed credit is booked as a debit, yet its counterparty is still the original payer.
  const bool from_debtor = entry.credit != entry.reversal;
  entry.payer = party_name(child(details, "RltdPties"), from_debtor ? "Dbtr" : "Cdtr");
  entry.remittance = remittance_of(details);
  const std::string own_reference = text_of(path(details, {"Refs", "AcctSvcrRef"}));
  entry.account_servicer_reference =
      own_reference.empty() ? text_of(child(ntry, "AcctSvcrRef")) : own_reference;
  entry.end_to_end_id = text_of(path(details, {"Refs", "EndToEndId"}));
  return entry;
}

/// XML refuses C0 control characters but lets C1 ones (U+0080 to U+009F) through, literal or as
/// references: a transaction's texts are held to the rule of every input (util::find_non_utf8).
void check_texts(const CamtEntry &entry, const xmlNode *at, Problems &problems) {
  for (const std::string *text :
       {&entry.payer, &entry.remittance, &entry.account_servicer_reference, &entry.end_to_end_id}) {
    if (const auto bad = util::find_non_utf8(*text); bad != std::string::npos) {
      problems.add(at, util::non_utf8_reason(*text, bad));
      return;
    }
  }
}

/// The entries of a booked entry are checked to account for it; others are only listed.
void read_entries(const xmlNode *statement, std::vector<CamtEntry> &entries, Problems &problems) {
  const std::string account = account_of(statement);
  for (const xmlNode *ntry = statement->children; ntry; ntry = ntry->next) {
    if (!is(ntry, "Ntry")) {
      continue;
    }
    const CamtStatus status = status_of(ntry, problems);
    EntryDetails details = details_of(ntry);
    if (status == CamtStatus::booked) {
      check_count(ntry, details, problems);
      check_amounts(ntry, details, problems);
    }
    const bool batch = details.transactions.size() > 1;
    if (details.transactions.empty()) {
      details.transactions.push_back(nullptr);
    }
    for (const xmlNode *tx : details.transactions) {
      entries.push_back(transaction(ntry, tx, batch, account));
      entries.back().status = status;
      check_texts(entries.back(), tx ? tx : ntry, problems);
    }
  }
}

XmlDoc parse(std::string_view content, const std::string &file) {
  XmlDoc doc(libxml2().read_memory(content.data(), static_cast<int>(content.size()), file.c_str(),
                                   nullptr,
                                   XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc) {
    const xmlError *error = libxml2().last_error();
    std::string message = error && error->message ? error->message : "unreadable";
    while (!message.empty() && message.back() == '\n') {
      message.pop_back();
    }
    util::fail_data(util::Position{file, error ? error->line : 0, 0}, "not XML: " + message);
  }
  return doc;
}

} // namespace

std::vector<CamtEntry> read_camt(std::string_view content, const std::string &file) {
  const XmlDoc doc = parse(content, file);
  const xmlNode *root = libxml2().root_element(doc.get());
  const xmlNode *message = nullptr;
  for (const xmlNode *c = is(root, "Document") ? root->children : nullptr; c && !message;
       c = c->next) {
    if (is(c, "BkToCstmrStmt") || is(c, "BkToCstmrDbtCdtNtfctn") || is(c, "BkToCstmrAcctRpt")) {
      message = c;
    }
  }
  if (!message) {
    util::fail_data(
        util::Position{file, root ? static_cast<int>(libxml2().line_of(root)) : 0, 0},
        "not an ISO 20022 camt.053, camt.054 or camt.052 document (expected Document with "
        "BkToCstmrStmt, BkToCstmrDbtCdtNtfctn or BkToCstmrAcctRpt)");
  }
  std::vector<CamtEntry> entries;
  Problems problems{file, {}};
  for (const xmlNode *statement = message->children; statement; statement = statement->next) {
    if (is(statement, "Stmt") || is(statement, "Ntfctn") || is(statement, "Rpt")) {
      read_entries(statement, entries, problems);
    }
  }
  problems.diagnostics.throw_if_any();
  return entries;
}

} // namespace isukit::io
