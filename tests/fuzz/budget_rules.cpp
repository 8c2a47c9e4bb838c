// The budget rule engine: a budget document read, every rule evaluated (cycles, deep chains of
// rules, huge quantities), checked, tabled and rendered in every format. Invariants: an error
// is a data error inside the input; the totals add up exactly (the period total is the sum of
// the years and the sum of the lines).
#include <isukit/budget/tables.hpp>
#include <isukit/io/render.hpp>

#include "harness.hpp"

using namespace isukit;

namespace {

void check_totals(const budget::Evaluation &evaluation) {
  const auto &budget = evaluation.budget();
  __int128 by_year = 0;
  for (int year = budget.first_year; year <= budget.last_year; ++year) {
    by_year += evaluation.year_total(year).minor_units();
  }
  __int128 by_line = 0;
  for (std::size_t line = 0; line < budget.lines.size(); ++line) {
    by_line += evaluation.line_total(line).minor_units();
  }
  const auto period = evaluation.period_total().minor_units();
  fuzz::require(by_year == period, "the years do not add up to the period total");
  fuzz::require(by_line == period, "the lines do not add up to the period total");
}

void render_everywhere(const io::Output &output) {
  for (const auto format :
       {io::Format::yaml, io::Format::json, io::Format::table, io::Format::markdown,
        io::Format::csv, io::Format::tsv, io::Format::html, io::Format::latex}) {
    for (const auto &lang : fuzz::languages()) {
      if (format == io::Format::latex && !lang.conventions().latin_script) {
        continue; // refused as a usage error before anything is rendered (pdflatex sets Latin only)
      }
      (void)io::render(output, format, lang);
    }
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view input = fuzz::text_of(data, size);
  const std::string file = "budget.yaml";
  std::vector<model::Budget> read;
  const bool ok = fuzz::read_or_reject(input, file, [&] {
    for (const auto &document : fuzz::read_documents(input, file)) {
      if (document.kind == "budget") {
        read.push_back(model::Budget::from_document(document.root));
      }
    }
  });
  if (!ok) {
    return 0;
  }
  std::vector<budget::Evaluation> evaluations;
  fuzz::read_or_reject(input, file, [&] {
    for (const auto &budget : read) {
      evaluations.push_back(budget::Evaluation::of(budget));
      check_totals(evaluations.back());
    }
    render_everywhere(budget::check_budgets(evaluations, fuzz::lang("en")).output);
    for (const auto &evaluation : evaluations) {
      render_everywhere(budget::budget_table(evaluation, fuzz::lang("fr"), std::nullopt));
      render_everywhere(budget::budget_totals(evaluation, fuzz::lang("en")));
    }
  });
  return 0;
}
