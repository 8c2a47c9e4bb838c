#include <isukit/io/camt_reader.hpp>
#include <isukit/util/error.hpp>
#include <isukit/util/shared_library.hpp>

#include <fmt/format.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <memory>

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

void set_amount(CamtEntry &entry, const xmlNode *amount) {
  entry.amount = text_of(amount);
  XmlText currency(libxml2().property(amount, BAD_CAST "Ccy"));
  entry.currency = currency ? reinterpret_cast<const char *>(currency.get()) : "";
}

/// The record of one transaction of `ntry`; `details` is its TxDtls (or null).
CamtEntry transaction(const xmlNode *ntry, const xmlNode *details, bool batch,
                      const std::string &account) {
  CamtEntry entry;
  entry.line = static_cast<int>(libxml2().line_of(batch ? details : ntry));
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
  for (const xmlNode *statement = message->children; statement; statement = statement->next) {
    if (is(statement, "Stmt") || is(statement, "Ntfctn") || is(statement, "Rpt")) {
      read_entries(statement, entries);
    }
  }
  return entries;
}

} // namespace isukit::io
