// assess scale: the UN scale adjusted to the states that pay under the treaty.
#include <isukit/assess/scale.hpp>

#include <fmt/format.h>

#include "subcommands.hpp"

namespace assess_tool {

using namespace isukit;

int resolve_year(int year, const std::string &as_of) {
  if (year != 0 && (year < util::first_year || year > util::last_year)) {
    throw util::Error(util::ExitCode::usage,
                      fmt::format("--year: {} is outside the years isukit handles, {}-{}", year,
                                  util::first_year, util::last_year));
  }
  // --as-of is checked even when --year makes it unused: a mistyped date is never ignored.
  const util::Date date = cli::parse_as_of(as_of);
  return year ? year : date.year();
}

cli::Runner setup_scale(CLI::App &app) {
  struct Options {
    cli::OutputOptions output;
    cli::DataOptions data;
    int year = 0;
    std::string as_of;
  };
  auto options = std::make_shared<Options>();
  cli::add_output_options(app, options->output);
  cli::add_data_options(app, options->data, true);
  app.add_option("--year", options->year, "The assessment year (default: the year of --as-of)");
  cli::add_as_of_option(app, options->as_of);
  return [options] {
    const auto out = cli::output_config(options->output, options->data);
    const auto context = cli::load_treaty_context(options->data);
    const int year = resolve_year(options->year, options->as_of);
    const auto scale = assess::treaty_scale(context.treaty, context.reference, year);
    cli::emit(assess::scale_output(scale, context.reference, out.lang), out,
              context.sources(scale.scale_id));
    return 0;
  };
}

} // namespace assess_tool
