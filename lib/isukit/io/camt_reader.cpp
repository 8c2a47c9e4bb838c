#include <isukit/io/camt_reader.hpp>
#include <isukit/util/error.hpp>

#include <fmt/format.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <memory>

namespace isukit::io {

namespace {

using XmlDoc = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

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
  std::unique_ptr<xmlChar, decltype(xmlFree)> content(xmlNodeGetContent(node), xmlFree);
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

void set_amount(CamtEntry &entry, const xmlNode *amount) {
  entry.amount = text_of(amount);
  std::unique_ptr<xmlChar, decltype(xmlFree)> currency(xmlGetProp(amount, BAD_CAST "Ccy"), xmlFree);
  entry.currency = currency ? reinterpret_cast<const char *>(currency.get()) : "";
}

/// The record of one transaction of `ntry`; `details` is its TxDtls (or null).
CamtEntry transaction(const xmlNode *ntry, const xmlNode *details, bool batch,
                      const std::string &account) {
  CamtEntry entry;
  entry.line = static_cast<int>(xmlGetLineNo(batch ? details : ntry));
  entry.account = account;
  const xmlNode *own_amount =
      batch ? (child(details, "Amt") ? child(details, "Amt")
                                     : path(details, {"AmtDtls", "TxAmt", "Amt"}))
            : nullptr;
  set_amount(entry, own_amount ? own_amount : child(ntry, "Amt"));
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

void read_entries(const xmlNode *statement, std::vector<CamtEntry> &entries) {
  const std::string account = account_of(statement);
  for (const xmlNode *ntry = statement->children; ntry; ntry = ntry->next) {
    if (!is(ntry, "Ntry")) {
      continue;
    }
    std::vector<const xmlNode *> details;
    for (const xmlNode *block = ntry->children; block; block = block->next) {
      for (const xmlNode *tx = is(block, "NtryDtls") ? block->children : nullptr; tx;
           tx = tx->next) {
        if (is(tx, "TxDtls")) {
          details.push_back(tx);
        }
      }
    }
    if (details.empty()) {
      details.push_back(nullptr);
    }
    for (const xmlNode *tx : details) {
      entries.push_back(transaction(ntry, tx, details.size() > 1, account));
    }
  }
}

XmlDoc parse(std::string_view content, const std::string &file) {
  XmlDoc doc(xmlReadMemory(content.data(), static_cast<int>(content.size()), file.c_str(), nullptr,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
             xmlFreeDoc);
  if (!doc) {
    const xmlError *error = xmlGetLastError();
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
  const xmlNode *root = xmlDocGetRootElement(doc.get());
  const xmlNode *message = nullptr;
  for (const xmlNode *c = is(root, "Document") ? root->children : nullptr; c && !message;
       c = c->next) {
    if (is(c, "BkToCstmrStmt") || is(c, "BkToCstmrDbtCdtNtfctn") || is(c, "BkToCstmrAcctRpt")) {
      message = c;
    }
  }
  if (!message) {
    util::fail_data(
        util::Position{file, root ? static_cast<int>(xmlGetLineNo(root)) : 0, 0},
        "not an ISO 20022 camt.053, camt.054 or camt.052 document (expected Document with "
        "BkToCstmrStmt, BkToCstmrDbtCdtNtfctn or BkToCstmrAcctRpt)");
  }
  std::vector<CamtEntry> entries;
  for (const xmlNode *statement = message->children; statement; statement = statement->next) {
    if (is(statement, "Stmt") || is(statement, "Ntfctn") || is(statement, "Rpt")) {
      read_entries(statement, entries);
    }
  }
  return entries;
}

} // namespace isukit::io
