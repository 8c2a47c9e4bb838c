// The YAML document reader and every model loader: each document goes to the loader of its
// kind (states, scale, treaty, budget, assessments, payments, fund, reports, programme,
// applications), the ledger kinds through the streaming reader. Invariants: an error is a data
// error inside the input; whatever the reader accepts, the YAML writer writes back as the
// same tree; accepted documents are loaded without any other exception.
#include <isukit/assess/status.hpp>
#include <isukit/budget/evaluate.hpp>
#include <isukit/io/writers.hpp>
#include <isukit/model/documents.hpp>
#include <isukit/model/ledger.hpp>
#include <isukit/model/reports.hpp>
#include <isukit/model/sponsorship.hpp>
#include <isukit/sponsor/selection.hpp>

#include <filesystem>

#include "harness.hpp"

using namespace isukit;

namespace {

/// The documents of the text, each of a known kind.
std::vector<io::Document> read_all(std::string_view text, const std::string &name) {
  auto documents = fuzz::read_documents(text, name);
  for (const auto &document : documents) {
    model::require_known_kind(document.kind, document.root.at("kind"));
  }
  return documents;
}

/// Same types, texts and keys: what a reader must get back from the writer.
bool same_tree(const io::Node &a, const io::Node &b) {
  if (a.type() != b.type() || a.text() != b.text() || a.items().size() != b.items().size() ||
      a.entries().size() != b.entries().size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.items().size(); ++i) {
    if (!same_tree(a.items()[i], b.items()[i])) {
      return false;
    }
  }
  for (std::size_t i = 0; i < a.entries().size(); ++i) {
    if (a.entries()[i].key != b.entries()[i].key ||
        !same_tree(a.entries()[i].value, b.entries()[i].value)) {
      return false;
    }
  }
  return true;
}

void check_written_back(const std::vector<io::Document> &documents) {
  std::vector<io::Node> roots;
  for (const auto &document : documents) {
    roots.push_back(document.root);
  }
  const std::string written = io::to_yaml(roots);
  std::vector<io::Document> again;
  try {
    again = read_all(written, "<written>");
  } catch (const util::Error &error) {
    fuzz::violated("the YAML writer wrote what the reader rejects: " + error.located_message() +
                   "\n" + written);
  }
  fuzz::require(again.size() == documents.size(), "written back, the document count changed");
  for (std::size_t i = 0; i < again.size(); ++i) {
    fuzz::require(same_tree(again[i].root, documents[i].root),
                  "written back, a document changed:\n" + written);
  }
}

const io::Node &example_programme() {
  static const io::Node programme =
      model::read_single_document(std::filesystem::path(ISUKIT_SOURCE_DATADIR) / "examples" /
                                      "sponsorship-2025" / "programme.yaml",
                                  "programme");
  return programme;
}

void load_sponsorship(const std::vector<io::Document> &documents) {
  const auto &states = fuzz::reference().states;
  const io::Node *programme_node = &example_programme();
  std::vector<io::Node> applications;
  for (const auto &document : documents) {
    if (document.kind == "programme") {
      programme_node = &document.root;
    } else if (document.kind == "applications") {
      applications.push_back(document.root);
    }
  }
  if (programme_node == &example_programme() && applications.empty()) {
    return; // nothing of the input to select from
  }
  const auto programme = model::Programme::from_document(*programme_node, states);
  const auto read = model::read_applications(applications, programme, states);
  const auto selection = sponsor::select(programme, read, fuzz::treaty("ccm"), states);
  (void)sponsor::selection_output(selection, states, fuzz::lang("en"), false);
}

void load(const io::Document &document) {
  const auto &states = fuzz::reference().states;
  if (document.kind == "states") {
    (void)model::StateTable::from_document(document.root, fuzz::reference().languages.codes());
  } else if (document.kind == "scale") {
    (void)model::Scale::from_document(document.root, states);
  } else if (document.kind == "treaty") {
    (void)model::Treaty::from_document(document.root, states, fuzz::reference().languages.codes());
  } else if (document.kind == "budget") {
    const auto budget = model::Budget::from_document(document.root);
    (void)budget::Evaluation::of(budget);
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view input = fuzz::text_of(data, size);
  const std::string file = fuzz::scratch_file("input.yaml", input);
  std::vector<io::Document> documents;
  if (!fuzz::read_or_reject(input, file, [&] { documents = read_all(input, file); })) {
    return 0;
  }
  check_written_back(documents);
  fuzz::read_or_reject(input, file, [&] {
    for (const auto &document : documents) {
      load(document);
    }
  });
  fuzz::read_or_reject(input, file, [&] { load_sponsorship(documents); });
  fuzz::read_or_reject(input, file, [&] {
    const auto reports = model::read_reports_documents({file});
    const std::string named = model::named_treaty(reports);
    (void)model::parse_reports(reports, fuzz::treaty(named == "ccw" ? "ccw" : "ccm"),
                               fuzz::reference().states);
  });
  fuzz::read_or_reject(input, file, [&] {
    const util::Date as_of(2025, 8, 31);
    const auto ledger = model::Ledger::read({file}, fuzz::reference().states, as_of);
    const auto status = assess::compute_status(ledger, fuzz::reference().states, as_of);
    assess::status_output(status, fuzz::reference().states, fuzz::lang("en"))
        .build_tables_for(io::Format::table); // its tables are built only for such a format
    if (ledger.fund_currency()) {
      (void)assess::fund_output(ledger, as_of, std::nullopt, fuzz::lang("fr"));
    }
  });
  return 0;
}
