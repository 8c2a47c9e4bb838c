// sponsor check and select: eligibility, and the selection within the fund.
#include <isukit/model/documents.hpp>

#include <algorithm>

#include "subcommands.hpp"

namespace sponsor_tool {

using namespace isukit;

Loaded load(const Options &options) {
  auto output = cli::output_config(options.output, options.data);
  const auto documents =
      model::read_documents(options.inputs, {"programme", "applications"}, model::Need::each);
  const io::Node *programme_node = nullptr;
  std::vector<io::Node> applications;
  for (const auto &document : documents) {
    if (document.kind == "programme") {
      if (programme_node) {
        document.root.fail("a second 'programme' document; give one programme");
      }
      programme_node = &document.root;
    } else {
      applications.push_back(document.root);
    }
  }
  cli::DataOptions data = options.data;
  if (data.treaty.empty()) {
    data.treaty = model::treaty_id(programme_node->at("treaty"));
  }
  auto context = cli::load_treaty_context(data);
  auto programme = model::Programme::from_document(*programme_node, context.reference.states);
  auto read = model::read_applications(applications, programme, context.reference.states);
  return Loaded{std::move(output), std::move(context), std::move(programme), std::move(read)};
}

void add_options(CLI::App &app, Options &options, const std::string &what) {
  cli::add_output_options(app, options.output);
  cli::add_data_options(app, options.data, false);
  cli::add_inputs(app, options.inputs, what);
}

cli::Runner setup_check(CLI::App &app) {
  auto options = std::make_shared<Options>();
  add_options(app, *options, "The programme and the applications");
  return [options] {
    const auto loaded = load(*options);
    const auto checked =
        sponsor::check_applications(loaded.programme, loaded.applications, loaded.context.treaty,
                                    loaded.context.reference.states);
    cli::emit(sponsor::selection_output(checked, loaded.context.reference.states,
                                        loaded.output.lang, true),
              loaded.output, loaded.context.sources());
    const bool any_ineligible = std::any_of(checked.candidates.begin(), checked.candidates.end(),
                                            [](const auto &c) { return !c.eligible; });
    return static_cast<int>(any_ineligible ? util::ExitCode::found : util::ExitCode::ok);
  };
}

cli::Runner setup_select(CLI::App &app) {
  auto options = std::make_shared<Options>();
  add_options(app, *options, "The programme and the applications");
  return [options] {
    const auto loaded = load(*options);
    const auto selection = sponsor::select(loaded.programme, loaded.applications,
                                           loaded.context.treaty, loaded.context.reference.states);
    cli::emit(sponsor::selection_output(selection, loaded.context.reference.states,
                                        loaded.output.lang, false),
              loaded.output, loaded.context.sources());
    return 0;
  };
}

} // namespace sponsor_tool
