#include <isukit/model/documents.hpp>
#include <isukit/util/error.hpp>

#include <doctest/doctest.h>

#include <iostream>
#include <sstream>

using namespace isukit;

namespace {

util::Error refusal(const std::vector<std::string> &kinds,
                    std::initializer_list<std::string_view> needed,
                    model::Need need = model::Need::one_of) {
  try {
    model::require_kinds(io::InputsRead{kinds, {}}, needed, need);
  } catch (const util::Error &error) {
    return error;
  }
  FAIL("require_kinds accepted the inputs");
  return util::Error(util::ExitCode::ok, "");
}

/// Keeps every document read.
class Documents : public io::DocumentConsumer {
public:
  std::string_view streamed_list(const std::string &, const io::Node &) override { return {}; }
  void on_record(const std::string &, const io::Node &, const io::Node &) override {}
  void on_document(io::Document document) override { read.push_back(std::move(document)); }
  std::vector<io::Document> read;
};

/// What `call` writes on stderr (its notes); what it throws goes on.
template <typename Call> std::string stderr_of(Call call) {
  std::ostringstream err;
  auto *const saved = std::cerr.rdbuf(err.rdbuf());
  try {
    call();
  } catch (...) {
    std::cerr.rdbuf(saved);
    throw;
  }
  std::cerr.rdbuf(saved);
  return err.str();
}

/// What note_unmatched_payments says on stderr of the one document of `yaml` (file aside.yaml).
std::string unmatched_note(const std::string &yaml) {
  Documents documents;
  io::read_yaml(yaml, "aside.yaml", documents);
  REQUIRE(documents.read.size() == 1);
  return stderr_of([&] { model::note_unmatched_payments(documents.read.front()); });
}

/// The notes on the option kinds (contacts, isu, import-rules) among `read`.
std::string option_kind_notes(const io::InputsRead &read) {
  return stderr_of([&] { model::require_kinds(read, {"assessments"}); });
}

} // namespace

TEST_SUITE("model::note_unmatched_payments") {
  TEST_CASE("the payments set aside: their number and each currency's sum, at the document") {
    const std::string note = unmatched_note(
        "kind: unmatched-payments\npayments:\n"
        "- {date: 2025-03-01, amount: 10.50, currency: USD, payer: A, problem: unmatched}\n"
        "- {date: 2025-03-02, amount: 20, currency: CHF, payer: B, problem: ambiguous}\n"
        "- {date: 2025-03-03, amount: -0.50, currency: USD, payer: C, problem: unmatched}\n"
        "- {date: 2025-03-04, amount: 1, currency: EUR, payer: D, problem: unmatched}\n");
    CHECK(note.find(": aside.yaml:1:1: note: not credited to any State: 4 payments, USD 10.00, "
                    "CHF 20.00 and EUR 1.00 in all, that assess import set aside, as their payer "
                    "matched no State or several;") != std::string::npos);
  }
  TEST_CASE("one payment is said in the singular") {
    const std::string note = unmatched_note(
        "kind: unmatched-payments\npayments:\n"
        "- {date: 2025-03-01, amount: 5, currency: USD, payer: A, problem: unmatched}\n");
    CHECK(note.find("1 payment, USD 5.00 in all, that assess import set aside, as its payer "
                    "matched no State or several; once it is matched") != std::string::npos);
  }
  TEST_CASE("nothing for a document with no payment, or of another kind") {
    CHECK(unmatched_note("kind: unmatched-payments\npayments: []\n").empty());
    CHECK(unmatched_note("kind: payments\npayments:\n"
                         "- {date: 2025-03-01, state: FRA, amount: 5, currency: USD}\n")
              .empty());
  }
  TEST_CASE("an amount that cannot be read is an error at it (65)") {
    try {
      unmatched_note("kind: unmatched-payments\npayments:\n"
                     "- {date: 2025-03-01, amount: 5.001, currency: USD, payer: A}\n");
      FAIL("accepted");
    } catch (const util::Error &error) {
      CHECK(error.code() == util::ExitCode::data);
      CHECK(error.position().line == 3);
    }
  }
}

TEST_SUITE("model::require_kinds: documents read with an option") {
  TEST_CASE("each file holding one is named, in input order, with the option") {
    const io::InputsRead read{{"assessments", "isu", "contacts"},
                              {{"assessments", "a.yaml"},
                               {"isu", "letters/isu.yaml"},
                               {"contacts", "old contacts.yaml"},
                               {"contacts", "<stdin>"}}};
    const std::string notes = option_kind_notes(read);
    CHECK(notes.find(": letters/isu.yaml: note: holds a document of kind isu, which is read with "
                     "--isu, not among the inputs: it is not used here\n") != std::string::npos);
    CHECK(notes.find(": old contacts.yaml: note: holds a document of kind contacts, which is read "
                     "with --contacts") != std::string::npos);
    CHECK(notes.find(": <stdin>: note: holds a document of kind contacts") != std::string::npos);
    CHECK(notes.find("a.yaml") == std::string::npos);
    CHECK(notes.find("isu.yaml") < notes.find("old contacts.yaml"));
  }
}

TEST_SUITE("model::require_kinds") {
  TEST_CASE("inputs holding nothing are no input (66), naming what is needed") {
    const auto error = refusal({}, {"assessments", "payments"}, model::Need::each);
    CHECK(error.code() == util::ExitCode::no_input);
    CHECK(error.message() == "no input: needs documents of kind 'assessments' and 'payments'");
  }

  TEST_CASE("inputs of other kinds are data errors (65) naming what was read") {
    const auto error = refusal({"states", "budget"}, {"reports"});
    CHECK(error.code() == util::ExitCode::data);
    CHECK(error.message() ==
          "nothing to compute from: needs a document of kind 'reports'; the input holds 'states', "
          "'budget' "
          "(if there are none, say so: a document of kind 'reports' with 'reports: []')");
  }

  TEST_CASE("each: the first kind missing is named") {
    const auto error = refusal({"assessments"}, {"assessments", "payments"}, model::Need::each);
    CHECK(error.code() == util::ExitCode::data);
    CHECK(error.message().find("needs a document of kind 'payments'") != std::string::npos);
  }

  TEST_CASE("one of: any one kind is enough; a CSV counts as payments") {
    CHECK_NOTHROW(
        model::require_kinds(io::InputsRead{{"budget-totals"}, {}}, {"budget", "budget-totals"}));
    CHECK_NOTHROW(model::require_kinds(io::InputsRead{{"assessments", "CSV"}, {}},
                                       {"assessments", "payments"}, model::Need::each));
    CHECK(refusal({"CSV"}, {"reports"}).message().find("the input holds a payments CSV") !=
          std::string::npos);
  }
}
