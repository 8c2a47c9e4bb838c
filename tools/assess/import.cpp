// assess import: payments from a bank's or finance system's exports, by the user's rules.
#include <isukit/assess/import.hpp>
#include <isukit/io/inputs.hpp>
#include <isukit/io/seen_files.hpp>
#include <isukit/io/table.hpp>
#include <isukit/io/writers.hpp>
#include <isukit/model/import_rules.hpp>
#include <isukit/util/atomic_file.hpp>
#include <isukit/util/inputs_kept.hpp>
#include <isukit/util/text.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "subcommands.hpp"

namespace assess_tool {

using namespace isukit;

namespace {

struct ImportOptions {
  cli::OutputOptions output;
  cli::DataOptions data;
  std::string rules;
  std::string unmatched;
  std::vector<std::string> exports;
};

/// The exports named (standard input when none), each file once (io::SeenFiles).
std::vector<assess::ExportFile> read_exports(const std::vector<std::string> &paths) {
  std::vector<assess::ExportFile> exports;
  io::SeenFiles seen;
  for (const auto &path : paths.empty() ? std::vector<std::string>{"-"} : paths) {
    if (!seen.first(path)) {
      continue;
    }
    std::string name = io::input_name(path);
    std::string content = io::read_file(path);
    if (content.find_first_not_of(" \t\r\n") == std::string::npos) {
      io::fail_empty_input(name, "bank export or camt statement");
    }
    exports.push_back({std::move(name), std::move(content)});
  }
  return exports;
}

/// --unmatched and -o naming one file (by name, or the same file through a link): the second
/// write would replace the first, losing the payments set aside or those imported. A usage
/// error (64).
void refuse_one_file_for_both(const std::string &unmatched, const std::string &output) {
  if (unmatched.empty() || output.empty() || output == "-") {
    return;
  }
  if (util::same_file(unmatched, output)) {
    throw util::Error(util::ExitCode::usage,
                      fmt::format("--unmatched {} and -o {} are the same file: the payments set "
                                  "aside and those imported each need their own",
                                  unmatched, output));
  }
}

/// --unmatched FILE is YAML whatever its name, as -o's output is what --format says whatever
/// its name: no isukit output takes its format from a file name. A name that says another
/// format (`aside.csv`) is refused (64) before anything is read: a `.csv` input is read as
/// CSV, so the payments set aside would not read back (a ledger folder holding them would fail
/// instead of noting them), and an office suite would show YAML text as a table.
void refuse_other_format_name(const std::string &unmatched) {
  const std::string extension =
      util::ascii_lower(std::filesystem::path(unmatched).extension().string());
  const auto said = io::format_of_extension(extension);
  if (said && *said != io::Format::yaml) {
    throw util::Error(
        util::ExitCode::usage,
        fmt::format("--unmatched {}: the payments set aside are written as YAML (a document "
                    "of kind unmatched-payments, whatever --format says), not as a {} name "
                    "says: name the file .yaml",
                    unmatched, extension));
  }
}

/// Exit status 1, with a note on the rules, when every row read was left out: the (empty)
/// payments document is written, and a script chaining on the status notices.
int nothing_imported(const assess::ImportSummary &summary, const std::string &rules) {
  if (!summary.all_left_out()) {
    return 0;
  }
  util::note(util::Position{rules, 0, 0},
             "every row of the exports was left out by these rules: nothing imported");
  return 1;
}

} // namespace

cli::Runner setup_import(CLI::App &app) {
  auto options = std::make_shared<ImportOptions>();
  cli::add_output_options(app, options->output);
  cli::add_data_options(app, options->data, false);
  cli::file_option(app.add_option("--rules", options->rules,
                                  "The import-rules document of the bank or finance system"))
      ->required();
  app.add_option(
      "--unmatched", options->unmatched,
      "Write the rows whose payer matches no state (or several) to FILE, as YAML, and import "
      "the rest");
  cli::file_option(
      app.add_option("exports", options->exports,
                     "CSV exports or camt.053/054 statements (files, or - for stdin)"));
  return [options] {
    refuse_one_file_for_both(options->unmatched, options->output.output);
    refuse_other_format_name(options->unmatched);
    const auto out = cli::output_config(options->output, options->data);
    const model::Reference reference = model::Reference::load(cli::resolve_data_dir(options->data));
    const auto rules = model::ImportRules::from_document(
        model::read_single_document(options->rules, "import-rules"), reference.states);
    const auto result =
        assess::import_payments(read_exports(options->exports), rules, reference.states,
                                options->unmatched.empty() ? assess::UnmatchedPayers::fail
                                                           : assess::UnmatchedPayers::set_aside);
    if (!options->unmatched.empty()) {
      util::write_file_atomically(
          options->unmatched, io::to_yaml({assess::unmatched_document(result, reference.states)}));
    }
    cli::emit(assess::payments_output(result, reference.states, out.lang), out,
              {reference.states.source()});
    std::cerr << "assess import: "
              << assess::summary_text(result.summary, *reference.languages.find("en")) << '\n';
    for (const auto &note : assess::outgoing_notes(result.summary)) {
      std::cerr << "assess import: " << note << '\n';
    }
    return nothing_imported(result.summary, options->rules);
  };
}

} // namespace assess_tool
