#include <isukit/model/documents.hpp>
#include <isukit/util/error.hpp>

#include <doctest/doctest.h>

using namespace isukit;

namespace {

util::Error refusal(const std::vector<std::string> &kinds,
                    std::initializer_list<std::string_view> needed,
                    model::Need need = model::Need::one_of) {
  try {
    model::require_kinds(io::InputsRead{kinds}, needed, need);
  } catch (const util::Error &error) {
    return error;
  }
  FAIL("require_kinds accepted the inputs");
  return util::Error(util::ExitCode::ok, "");
}

} // namespace

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
        model::require_kinds(io::InputsRead{{"budget-totals"}}, {"budget", "budget-totals"}));
    CHECK_NOTHROW(model::require_kinds(io::InputsRead{{"assessments", "CSV"}},
                                       {"assessments", "payments"}, model::Need::each));
    CHECK(refusal({"CSV"}, {"reports"}).message().find("the input holds a payments CSV") !=
          std::string::npos);
  }
}
