// sponsor report: the programme report's tables from a selection.
#include <isukit/model/documents.hpp>

#include <fmt/format.h>

#include "subcommands.hpp"

namespace sponsor_tool {

using namespace isukit;

io::Node read_selection(const std::vector<std::string> &inputs) {
  auto documents = model::read_documents(inputs, {"selection"});
  if (documents.size() != 1) {
    documents[1].root.fail("a second 'selection' document; give one selection");
  }
  return std::move(documents.front().root);
}

cli::Runner setup_report(CLI::App &app) {
  auto options = std::make_shared<Options>();
  add_options(app, *options, "The selection (from sponsor select)");
  return [options] {
    const auto out = cli::output_config(options->output, options->data);
    const io::Node selection = read_selection(options->inputs);
    sponsor::check_selection(selection,
                             model::Reference::load(cli::resolve_data_dir(options->data)).states);
    cli::emit(sponsor::programme_report(selection, out.lang), out);
    return 0;
  };
}

} // namespace sponsor_tool
