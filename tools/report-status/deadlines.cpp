// report-status deadlines: the treaty deadlines that fall within a window.
#include <fmt/format.h>

#include <array>

#include "subcommands.hpp"

namespace report_status_tool {

using namespace isukit;

namespace {

/// --within: a number of up to four digits and d, m or y ("90d", "12m", "2y").
std::optional<reports::Window> parse_window(std::string_view text) {
  static constexpr std::string_view units = "dmy";
  const std::string_view digits = text.substr(0, text.empty() ? 0 : text.size() - 1);
  if (text.size() < 2 || digits.size() > 4 ||
      digits.find_first_not_of("0123456789") != std::string_view::npos ||
      units.find(text.back()) == std::string_view::npos) {
    return std::nullopt;
  }
  constexpr std::array<reports::Window::Unit, 3> unit_of{
      reports::Window::Unit::days, reports::Window::Unit::months, reports::Window::Unit::years};
  return reports::Window{std::stoi(std::string(digits)), unit_of[units.find(text.back())]};
}

} // namespace

cli::Runner setup_deadlines(CLI::App &app) {
  struct DeadlineOptions : Options {
    std::string within = "12m";
  };
  auto options = std::make_shared<DeadlineOptions>();
  cli::add_output_options(app, options->output);
  cli::add_data_options(app, options->data, false);
  cli::add_as_of_option(app, options->as_of);
  app.add_option("--within", options->within,
                 "The window after --as-of: 90d, 12m, 2y (default 12m)");
  return [options] {
    const auto out = cli::output_config(options->output, options->data);
    const auto as_of = cli::parse_as_of(options->as_of);
    const auto window = parse_window(options->within);
    const auto until = window ? reports::window_end(as_of, *window) : std::nullopt;
    if (!until) {
      throw util::Error(util::ExitCode::usage,
                        fmt::format("--within expects a number and d, m or y (90d, 12m, 2y) ending "
                                    "by 9999-12-31, got '{}'",
                                    options->within));
    }
    const auto context = cli::load_treaty_context(options->data);
    const auto result = reports::deadlines_output(context.treaty, context.reference.states, as_of,
                                                  *until, out.lang);
    cli::emit(result.output, out, context.sources());
    return static_cast<int>(result.passed ? util::ExitCode::found : util::ExitCode::ok);
  };
}

} // namespace report_status_tool
