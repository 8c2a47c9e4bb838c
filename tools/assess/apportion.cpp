// assess apportion: a total (or a budget's total for a year) split into assessed contributions.
#include <isukit/assess/apportion.hpp>
#include <isukit/budget/evaluate.hpp>
#include <isukit/model/documents.hpp>

#include <fmt/format.h>

#include "subcommands.hpp"

namespace assess_tool {

using namespace isukit;

namespace {

struct Options {
  cli::OutputOptions output;
  cli::DataOptions data;
  int year = 0;
  std::string as_of;
  std::string total;
  std::string currency;
  std::string budget;
};

/// --currency: an ISO 4217 code, or none (the treaty's).
std::optional<util::Currency> parse_currency_option(const std::string &text) {
  if (text.empty()) {
    return std::nullopt;
  }
  const auto parsed = util::Currency::parse(text);
  if (!parsed) {
    throw util::Error(
        util::ExitCode::usage,
        fmt::format("--currency: {}", util::Currency::refused(text, fmt::format("'{}'", text))));
  }
  return parsed;
}

} // namespace

cli::Runner setup_apportion(CLI::App &app) {
  auto options = std::make_shared<Options>();
  cli::add_output_options(app, options->output);
  cli::add_data_options(app, options->data, true);
  app.add_option("--year", options->year, "The assessment year (default: the year of --as-of)");
  cli::add_as_of_option(app, options->as_of);
  auto *total =
      app.add_option("--total", options->total, "The total to apportion, e.g. 1362200.20");
  app.add_option("--currency", options->currency, "The total's currency (default: the treaty's)");
  auto *budget = cli::file_option(app.add_option(
      "--budget", options->budget,
      "A budget or budget-totals file (- for stdin) whose total for the year is apportioned"));
  total->excludes(budget);
  return [options] {
    const auto out = cli::output_config(options->output, options->data);
    if (options->total.empty() == options->budget.empty()) {
      throw util::Error(util::ExitCode::usage, "give either --total AMOUNT or --budget FILE");
    }
    const auto total_option =
        cli::parse_amount_option("--total", options->total, "it is what the States Parties share");
    const auto currency_option = parse_currency_option(options->currency);
    const int year = resolve_year(options->year, options->as_of);
    const auto context = cli::load_treaty_context(options->data);
    const util::Currency currency = currency_option.value_or(context.treaty.currency());
    const util::Money total =
        total_option.given()
            ? total_option.in(currency)
            : budget::year_total(
                  model::read_documents({options->budget}, {"budget", "budget-totals"}), year,
                  currency, options->budget);
    const auto scale = assess::treaty_scale(context.treaty, context.reference, year);
    const auto result = assess::apportion(scale, context.reference.states, total,
                                          context.treaty.cost_sharing().minimum_contribution,
                                          context.treaty.cost_sharing().rounding);
    cli::emit(assess::assessments_output(result, context.reference.states, out.lang), out,
              context.sources(scale.scale_id));
    return 0;
  };
}

} // namespace assess_tool
