// What every isukit executable shares: the subcommand table, the common options spelled one
// way, and the one top-level handler that maps errors to exit statuses.
#pragma once

#include <isukit/io/letters.hpp>
#include <isukit/io/render.hpp>
#include <isukit/io/table.hpp>
#include <isukit/model/letter_kit.hpp>
#include <isukit/model/reference.hpp>
#include <isukit/util/date.hpp>
#include <isukit/util/lang.hpp>

#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace isukit::cli {

/// A subcommand registers its options on its CLI::App and returns the function that runs it
/// (after parsing) and returns the exit status.
using Runner = std::function<int()>;
using Setup = std::function<Runner(CLI::App &)>;

struct SubcommandSpec {
  std::string name;
  std::string description;
  Setup setup;
};

/// Builds the tool's CLI, parses, runs the chosen subcommand, and turns every error into
/// `tool: file:line:col: message` on stderr and its exit status. Every main is this call.
int run_tool(const std::string &tool, const std::string &description, int argc, char **argv,
             const std::vector<SubcommandSpec> &subcommands);

// --- The common options, registered the same way everywhere ---

struct OutputOptions {
  std::string format = "yaml";
  std::string output; // empty: stdout
  std::string lang = "en";
  std::string table;       // --table NAME; empty: every table, or the main one for csv and tsv
  bool standalone = false; // --standalone: a whole html page or latex document
};

struct DataOptions {
  std::string data_dir;
  std::string treaty;
};

void add_output_options(CLI::App &app, OutputOptions &options);
/// "en, fr": the catalogues of the default data directory, for --help (and the completions that
/// read it); --data may name another directory, which parse_lang_option checks.
std::string language_list();
void add_data_options(CLI::App &app, DataOptions &options, bool treaty_required);
void add_as_of_option(CLI::App &app, std::string &as_of);
/// The inputs positional: files, directories, `-`; standard input when none is named.
void add_inputs(CLI::App &app, std::vector<std::string> &inputs, const std::string &what);
/// Marks an option or positional as naming files to read, `-` for standard input (--help shows
/// FILE). Standard input can be read once: a call whose file options name it in two places
/// (a positional of files that is not required, the inputs, names it when empty) is a usage
/// error (64) before anything is read, naming the two (run_tool checks it).
CLI::Option *file_option(CLI::Option *option);
/// A check for an option that takes a whole number from `min` to `max` (--cycles, --min-years):
/// anything else is a usage error (64), "--cycles expects a whole number from 1 to 50, got '1.5'".
CLI::Validator a_whole_number(int min, int max);

// --- Turning option text into values; a bad value is a usage error (64) ---

io::Format parse_format_option(const std::string &text);
/// The language of --lang among those DATA/i18n holds (case-insensitive: `--lang FR`).
util::Lang parse_lang_option(const std::string &text, const model::Languages &languages);
/// The --as-of date; when empty, today in the local time zone (TZ).
util::Date parse_as_of(const std::string &text);
/// A date option, YYYY-MM-DD in the years util::first_year..last_year (1950-2149); anything
/// else is a usage error (64) naming the option.
util::Date parse_date_option(const std::string &name, const std::string &text);

/// An amount option (--total, --min-amount, --monthly-cost) as read: a plain decimal, checked
/// when the options are; its currency, and so how many decimals it may have, is known only once
/// the data is read (the treaty's, the accounts', the fund's).
struct AmountOption {
  std::string name; // the option, for messages
  std::string text; // as written; empty: not given
  bool given() const { return !text.empty(); }
  /// The amount in `currency`; more decimals than it has is a usage error (64) naming the option.
  util::Money in(const util::Currency &currency) const;
};
/// Checks an amount option's text (empty: not given): `-?digits[.digits]`, at least zero, above
/// zero with `positive`; anything else is a usage error (64) naming the option and saying why
/// (`why_not_negative`: what the amount is, "the least a state owes").
AmountOption parse_amount_option(std::string name, std::string text,
                                 std::string_view why_not_negative, bool positive = false);

/// --data, else $ISUKIT_DATA, else the data installed beside the executable, else the source
/// tree's data/ (for a build tree).
std::filesystem::path resolve_data_dir(const DataOptions &options);
/// --treaty NAME is data/treaties/NAME.yaml; a value with a '/' or ending in .yaml is a path.
std::filesystem::path resolve_treaty_file(const DataOptions &options);

/// The reference data and the treaty that --data and --treaty name.
struct TreatyContext {
  model::Reference reference;
  model::Treaty treaty;

  /// Where the states and the treaty's parties and rules come from, and the scale of
  /// assessments `scale_id` when it names one, for an output's sources.
  std::vector<io::Source> sources(std::string_view scale_id = {}) const;
};
TreatyContext load_treaty_context(const DataOptions &options);

/// The options of every letter command (assess invoices, report-status remind and outreach,
/// sponsor letters), spelled one way. Letters are Markdown (or what --template makes): no -f.
struct LetterOptions {
  std::string output_dir;
  std::string lang = "en";
  std::string template_file;
  std::vector<std::string> contacts; // files or directories of `contacts` documents
  std::string isu_file;              // an `isu` document overriding the treaty file's section
  bool contact_language = false;
  // The run covers part of its batch (assess statement --state): it replaces only the letters
  // it writes again, and the batch's others stay.
  util::BatchRun run = util::BatchRun::whole;
};
/// -o DIR (required), --lang, --template, --contacts, --isu, --contact-lang; `name` is the
/// shipped template's (invoice: DATA/templates/invoice.LANG.md.mustache).
void add_letter_options(CLI::App &app, LetterOptions &options, std::string_view name);
/// add_letter_options without -o and --lang: for a command whose -o and --lang are also those
/// of its data output (assess statement: -o DIR writes letters, stdout the document).
void add_letter_source_options(CLI::App &app, LetterOptions &options, std::string_view name);
/// The contacts, the ISU (the treaty's, overridden by --isu) and the templates of every
/// language a letter may be in, checked once.
model::LetterKit letter_kit(const LetterOptions &options, const DataOptions &data,
                            const model::Reference &reference, const model::Treaty &treaty,
                            std::string_view name);
/// The same for a run that reads several kits (one per treaty): the note on the account's
/// currency (model::note_payment_currency) is said once a run for each pair of currencies,
/// `noted` holding those said.
model::LetterKit letter_kit(const LetterOptions &options, const DataOptions &data,
                            const model::Reference &reference, const model::Treaty &treaty,
                            std::string_view name, model::NotedCurrencies &noted);
/// Checks the batch's template against its fields (LetterKit::check_fields: a misspelt field
/// is exit 65, nothing written), writes the batch into -o DIR and says on stderr how many were
/// written ("assess: wrote 3 invoices to DIR"; `noun` singular and regular, "invoice": an
/// English note, as every note on stderr is). The batch is named by the command and what its
/// letters cover (`covers`: "ccm 2026" for invoices, a programme's id...): "assess invoices ccm
/// 2026" replaces only its own previous run in the folder (io::write_letters), so the batches
/// of other commands, treaties or years there stay.
void write_letter_batch(const std::string &tool, const model::LetterKit &kit,
                        const std::vector<io::Letter> &letters, const LetterOptions &options,
                        std::string_view noun, std::string_view covers);
/// --format, -o and --lang as values, checked once: the language's catalogue is loaded from the
/// data directory that `data` names (a language is data: DATA/i18n/CODE.yaml).
struct OutputConfig {
  io::Format format = io::Format::yaml;
  std::string path; // empty: stdout
  util::Lang lang;
  io::RenderOptions render; // --table, --standalone
};
/// Errors, all usage (64) and before any input is read: an unknown format or language, xlsx to a
/// terminal, and what io::check_render_options refuses (--standalone, --table, latex's script).
OutputConfig output_config(const OutputOptions &options, const DataOptions &data);

/// Writes the output in the chosen format to stdout or, atomically, to -o.
void emit(const io::Output &output, const OutputConfig &config);
/// emit, with the sources of the reference data the output was computed from (shown on a
/// workbook's About sheet; the data documents stay as they are).
void emit(io::Output output, const OutputConfig &config, const std::vector<io::Source> &sources);
/// Writes text to stdout or, atomically, to `path` when not empty.
void emit_text(const std::string &text, const std::string &path);

} // namespace isukit::cli
