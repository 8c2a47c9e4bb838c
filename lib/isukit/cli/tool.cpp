#include <isukit/cli/tool.hpp>
#include <isukit/io/render.hpp>
#include <isukit/io/shape.hpp>
#include <isukit/util/atomic_file.hpp>
#include <isukit/util/decimal.hpp>
#include <isukit/util/error.hpp>
#include <isukit/util/money.hpp>
#include <isukit/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <fcntl.h>
#include <iostream>
#include <regex>
#include <unistd.h>

#ifndef ISUKIT_VERSION
#define ISUKIT_VERSION "unknown"
#endif
#ifndef ISUKIT_COPYRIGHT
#define ISUKIT_COPYRIGHT ""
#endif

namespace isukit::cli {

namespace fs = std::filesystem;
using util::Error;
using util::ExitCode;
using util::Position;

namespace {

/// The type name of a file option (file_option), as --help shows it.
constexpr const char *file_type = "FILE";

[[noreturn]] void usage_error(std::string message) {
  throw Error(ExitCode::usage, std::move(message));
}

using Runners = std::vector<std::pair<CLI::App *, Runner>>;

std::vector<std::string> subcommand_names(const std::vector<SubcommandSpec> &specs) {
  std::vector<std::string> names;
  names.reserve(specs.size());
  for (const auto &spec : specs) {
    names.push_back(spec.name);
  }
  return names;
}

/// The subcommand the command line names: the first word before `--` that is one of `names`
/// (`assess --lang fr status` names status, not the option's value fr); empty when none is.
std::string_view named_subcommand(int argc, char **argv, const std::vector<std::string> &names) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "--") {
      break;
    }
    if (std::find(names.begin(), names.end(), word) != names.end()) {
      return word;
    }
  }
  return {};
}

/// Whether `word` is an option of some subcommand of `subs` that takes a value (`--lang`,
/// `-o`), given apart (`--lang fr`, not `--lang=fr`).
bool takes_value(const std::vector<CLI::App *> &subs, std::string_view word) {
  if (!word.starts_with('-') || word.find('=') != std::string_view::npos) {
    return false;
  }
  return std::any_of(subs.begin(), subs.end(), [word](const CLI::App *sub) {
    const CLI::Option *option = sub->get_option_no_throw(std::string(word));
    return option && option->get_expected_min() > 0; // a flag expects none
  });
}

/// The word where the subcommand's name stands: the first that is neither an option nor an
/// option's value (`assess --lang fr statu`: statu, not fr; `budget --format table totals`:
/// totals, not the value table, though table is a subcommand too); empty when there is none. Which
/// options take a value is asked of every subcommand's options, built on a scratch App for this
/// message only (the call that failed built none of them).
std::string_view subcommand_word(int argc, char **argv, const std::vector<SubcommandSpec> &specs) {
  CLI::App scratch;
  std::vector<CLI::App *> subs;
  for (const auto &spec : specs) {
    subs.push_back(scratch.add_subcommand(spec.name));
    spec.setup(*subs.back());
  }
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (!word.starts_with('-')) {
      return word;
    }
    i += takes_value(subs, word) ? 1 : 0;
  }
  return {};
}

/// The words before the subcommand's name `named` (a word of argv), joined by spaces. The tool's
/// own options, --help and --version, end the call where they stand, so any such word is a
/// subcommand's option put before it.
std::string words_before(char **argv, std::string_view named) {
  std::vector<std::string_view> words;
  for (int i = 1; argv[i] != named.data(); ++i) {
    words.emplace_back(argv[i]);
  }
  return fmt::format("{}", fmt::join(words, " "));
}

/// A usage error in CLI11's own words, said as isukit says its others (lower case, the option
/// first, what to do): "--as-of: At Most 1 required but received 2" is "--as-of is given 2
/// times: give it once"; a check's message (a_whole_number) follows its option's name without
/// CLI11's colon. Other messages are CLI11's.
std::string plain_words(const CLI::ParseError &error) {
  static const std::regex at_most("(.+): At Most ([0-9]+) required but received ([0-9]+)");
  static const std::regex at_least("(.+): At least ([0-9]+) required but received ([0-9]+)");
  static const std::regex missing("(.+): ([0-9]+) required .+ missing");
  static const std::regex check("(-[^: ]+): (expects .+)");
  const std::string text = error.what();
  std::smatch m;
  if (std::regex_match(text, m, at_most)) {
    return fmt::format("{} is given {} times: give it {}", m.str(1), m.str(3),
                       m.str(2) == "1" ? std::string("once")
                                       : fmt::format("at most {} times", m.str(2)));
  }
  if (std::regex_match(text, m, at_least)) {
    return fmt::format("{} is given {} times: give it at least {} times", m.str(1), m.str(3),
                       m.str(2));
  }
  if (std::regex_match(text, m, missing)) {
    return m.str(2) == "1" ? fmt::format("{} expects a value, got none", m.str(1))
                           : fmt::format("{} expects {} values", m.str(1), m.str(2));
  }
  if (std::regex_match(text, m, check)) {
    return fmt::format("{} {}", m.str(1), m.str(2));
  }
  return text;
}

/// What a parse error says. CLI11 says "A subcommand is required" when no word is a subcommand
/// (`assess statu`): the word where the subcommand stands is named, with the subcommand nearest
/// to it. Options before the subcommand (`assess --lang fr status`), which CLI11 lists as
/// unexpected in reverse order, are named as written, with where they go.
std::string parse_error_message(const CLI::ParseError &error, const std::string &tool, int argc,
                                char **argv, const std::vector<SubcommandSpec> &specs) {
  const std::vector<std::string> names = subcommand_names(specs);
  // Past option values: in `budget --format table totals`, table is --format's value.
  const std::string_view word = subcommand_word(argc, argv, specs);
  if (std::find(names.begin(), names.end(), word) != names.end()) {
    const std::string before = words_before(argv, word);
    return before.empty() ? plain_words(error)
                          : fmt::format("'{}' stands before the subcommand: options follow it "
                                        "({} {} {} ...)",
                                        before, tool, word, before);
  }
  return word.empty()
             ? plain_words(error)
             : fmt::format("unknown subcommand '{}' ({})", word, io::suggestion(word, names));
}

/// How a place that names standard input is named: `--template -`, `the inputs ('-')`, or
/// `the inputs (none named: standard input)`.
std::string stdin_place(const CLI::Option &option, bool dash) {
  if (!option.get_positional()) {
    return option.get_name() + " -";
  }
  return fmt::format("the {} ({})", option.get_name(), dash ? "'-'" : "none named: standard input");
}

/// Standard input holds one text: two places of the subcommand `sub` naming it (file_option)
/// would read it twice, the second time as nothing. A usage error naming them, before any
/// input is read. One option naming `-` twice reads it once (io::SeenFiles).
void refuse_stdin_named_twice(const CLI::App &sub) {
  std::vector<std::string> places;
  for (const CLI::Option *option :
       sub.get_options([](const CLI::Option *o) { return o->get_type_name() == file_type; })) {
    const auto &results = option->results();
    const bool dash = std::find(results.begin(), results.end(), "-") != results.end();
    if (dash || (option->get_positional() && !option->get_required() && results.empty())) {
      places.push_back(stdin_place(*option, dash));
    }
  }
  if (places.size() > 1) {
    usage_error(fmt::format("standard input (-) can be read only once, but {} name it: give all "
                            "but one of them a file",
                            fmt::join(places, " and ")));
  }
}

/// `--` ends the options: every word after it is a file name, `-x.yaml` too. CLI11 2.1 reads
/// them so only while the subcommand still awaits a positional (`sub a.yaml -- -x.yaml` handed
/// `-x.yaml` back to the tool, which refused it), so they are kept from it: the words before
/// `--` are parsed with the subcommand's positionals not yet required, then the words after it
/// are given to those positionals in order (inputs; budget compare's estimates and actuals).
class AfterMark {
public:
  AfterMark(int argc, char **argv) : m_head(argc) {
    for (int i = 1; i < argc; ++i) {
      if (std::string_view(argv[i]) == "--") {
        m_head = i;
        m_marked = true;
        m_words.assign(argv + i + 1, argv + argc);
        break;
      }
    }
  }
  /// The words CLI11 parses: those before `--`.
  int head() const { return m_head; }

  /// Before parsing: with `--`, `sub`'s required positionals are checked once given the words.
  void defer_required(CLI::App &sub) {
    for (CLI::Option *opt :
         sub.get_options([](const CLI::Option *o) { return o->get_positional(); })) {
      if (m_marked && opt->get_required()) {
        opt->required(false);
        m_required.push_back(opt);
      }
    }
  }

  /// After parsing: the words to `sub`'s positionals, each filled up to what it takes; a word
  /// none takes, or a required positional still empty, is CLI11's usage error.
  void give(CLI::App &sub) const {
    auto word = m_words.begin();
    for (CLI::Option *opt :
         sub.get_options([](const CLI::Option *o) { return o->get_positional(); })) {
      const bool taken = word != m_words.end();
      for (;
           word != m_words.end() && static_cast<int>(opt->count()) < opt->get_items_expected_max();
           ++word) {
        opt->add_result(*word);
      }
      if (taken) {
        opt->run_callback();
      }
    }
    if (word != m_words.end()) {
      throw CLI::ExtrasError(
          std::vector<std::string>(m_words.rbegin(), std::make_reverse_iterator(word)));
    }
    for (const CLI::Option *opt : m_required) {
      if (opt->count() == 0) {
        throw CLI::RequiredError(opt->get_name());
      }
    }
  }

private:
  int m_head;
  bool m_marked = false;
  std::vector<std::string> m_words;      // after `--`
  std::vector<CLI::Option *> m_required; // required positionals, checked by give
};

/// Parses the command line and runs the subcommand it names; --help and --version are CLI11's.
int parse_and_run(CLI::App &app, const Runners &runners, const std::vector<SubcommandSpec> &specs,
                  const std::string &tool, int argc, char **argv) {
  AfterMark mark(argc, argv);
  const Runner *chosen = nullptr;
  for (const auto &[sub, run] : runners) {
    if (run) { // the subcommand the command line names (run_tool)
      mark.defer_required(*sub);
    }
  }
  try {
    app.parse(mark.head(), argv);
    for (const auto &[sub, run] : runners) {
      if (sub->parsed()) {
        mark.give(*sub);
        refuse_stdin_named_twice(*sub);
        chosen = &run;
      }
    }
  } catch (const CLI::CallForHelp &e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp &e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion &e) {
    return app.exit(e);
  } catch (const CLI::ParseError &e) {
    // CLI11's own codes start at 100; every usage error is 64 here.
    std::cerr << tool << ": " << parse_error_message(e, tool, mark.head(), argv, specs) << "\n"
              << "Run '" << tool << " --help' for usage.\n";
    return static_cast<int>(ExitCode::usage);
  }
  return chosen ? (*chosen)() : static_cast<int>(ExitCode::usage);
}

} // namespace

int run_tool(const std::string &tool, const std::string &description, int argc, char **argv,
             const std::vector<SubcommandSpec> &subcommands) {
  CLI::App app(description, tool);
  util::set_note_prefix(tool);
  app.set_version_flag("--version",
                       fmt::format("{} (isukit) {}\n{}", tool, ISUKIT_VERSION, ISUKIT_COPYRIGHT));
  app.require_subcommand(1);
  app.fallthrough(false);
  // Only the subcommand the command line names gets its options (the others are listed by
  // --help with their descriptions alone, which is all it shows of them): building every
  // subcommand's options cost each call about 2 M instructions, a third of its start-up.
  const std::string_view named = named_subcommand(argc, argv, subcommand_names(subcommands));
  Runners runners;
  for (const auto &spec : subcommands) {
    CLI::App *sub = app.add_subcommand(spec.name, spec.description);
    runners.emplace_back(sub, spec.name == named ? spec.setup(*sub) : Runner());
  }
  try {
    return parse_and_run(app, runners, subcommands, tool, argc, argv);
  } catch (const Error &e) {
    std::cerr << tool << ": " << e.located_message() << '\n';
    for (const auto &more : e.also()) {
      std::cerr << tool << ": " << more << '\n';
    }
    return static_cast<int>(e.code());
  } catch (const std::bad_alloc &) {
    std::cerr << tool << ": out of memory\n";
    return static_cast<int>(ExitCode::software);
  } catch (const std::exception &e) {
    std::cerr << tool << ": internal error: " << e.what() << '\n';
    return static_cast<int>(ExitCode::software);
  }
}

std::string language_list() {
  std::vector<std::string> codes;
  std::error_code ec;
  for (const auto &entry : fs::directory_iterator(resolve_data_dir(DataOptions{}) / "i18n", ec)) {
    if (entry.path().extension() == ".yaml") {
      codes.push_back(entry.path().stem().string());
    }
  }
  std::sort(codes.begin(), codes.end());
  return fmt::format("{}", fmt::join(codes, ", "));
}

CLI::Validator a_whole_number(int min, int max) {
  return CLI::Validator(
      [min, max](std::string &text) {
        int value = 0;
        const char *end = text.data() + text.size();
        const auto [stop, error] = std::from_chars(text.data(), end, value);
        const bool whole = error == std::errc() && stop == end && !text.empty();
        return whole && value >= min && value <= max
                   ? std::string()
                   : fmt::format("expects a whole number from {} to {}, got '{}'", min, max, text);
      },
      fmt::format("INT in [{} - {}]", min, max));
}

/// -o '' names nothing: a usage error (64), not standard output by accident (a shell variable
/// that was empty).
const CLI::Validator &a_path() {
  static const CLI::Validator validator(
      [](std::string &text) {
        return text.empty() ? std::string("an empty name names no file (say - for standard output)")
                            : std::string();
      },
      "PATH");
  return validator;
}

void add_output_options(CLI::App &app, OutputOptions &options) {
  app.add_option("--format,-f", options.format, "Output format: " + io::format_names())
      ->default_str("yaml");
  app.add_option("-o,--output", options.output, "Write to FILE (atomically) instead of stdout")
      ->check(a_path());
  app.add_option("--lang", options.lang, "Language of labels and numbers: " + language_list())
      ->default_str("en");
  app.add_option("--table", options.table,
                 "Write only the table NAME (the TABLES section of the man page lists them); "
                 "csv and tsv write one table, the first listed unless this names another");
  app.add_flag(
      "--standalone", options.standalone,
      "With --format html or latex: a complete, printable page or document, not a fragment");
}

void add_data_options(CLI::App &app, DataOptions &options, bool treaty_required) {
  app.add_option("--data", options.data_dir,
                 "Reference data directory (default: $ISUKIT_DATA, else the installed data)");
  auto *treaty = app.add_option("--treaty", options.treaty,
                                "Treaty: a name in DATA/treaties (ccw, ccm) or a file");
  if (treaty_required) {
    treaty->required();
  }
}

void add_as_of_option(CLI::App &app, std::string &as_of) {
  app.add_option("--as-of", as_of, "The date of the report, YYYY-MM-DD (default: today)");
}

void add_inputs(CLI::App &app, std::vector<std::string> &inputs, const std::string &what) {
  file_option(app.add_option("inputs", inputs, what + " (files, directories, or - for stdin)"));
}

CLI::Option *file_option(CLI::Option *option) {
  return option->type_name(file_type);
}

io::Format parse_format_option(const std::string &text) {
  const auto format = io::parse_format(text);
  if (!format) {
    usage_error(fmt::format("unknown format '{}' (expected one of: {})", text, io::format_names()));
  }
  return *format;
}

util::Lang parse_lang_option(const std::string &text, const model::Languages &languages) {
  const auto lang = languages.find(util::ascii_lower(text));
  if (!lang) {
    usage_error(fmt::format("unknown language '{}' (expected one of: {})", text,
                            fmt::join(languages.codes(), ", ")));
  }
  return *lang;
}

util::Date parse_date_option(const std::string &name, const std::string &text) {
  const auto date = util::Date::parse(text);
  if (!date) {
    const auto why = util::impossible_date(text);
    usage_error(why ? fmt::format("{}: {}", name, *why)
                    : fmt::format("{} expects a date YYYY-MM-DD, got '{}'", name, text));
  }
  if (!util::is_working_year(date->year())) {
    usage_error(fmt::format("{}: {}", name, util::outside_working_years(text)));
  }
  return *date;
}

AmountOption parse_amount_option(std::string name, std::string text,
                                 std::string_view why_not_negative, bool positive) {
  if (text.empty()) {
    return AmountOption{std::move(name), {}};
  }
  const auto value = util::parse_decimal(text);
  if (!value) {
    usage_error(fmt::format("{}: expected an amount such as 1234.50, got '{}'", name, text));
  }
  if (*value < 0) {
    usage_error(fmt::format("{}: {} is below zero; {}", name, text, why_not_negative));
  }
  if (positive && *value == 0) {
    usage_error(fmt::format("{}: {} is zero; {}", name, text, why_not_negative));
  }
  return AmountOption{std::move(name), std::move(text)};
}

util::Money AmountOption::in(const util::Currency &currency) const {
  const auto parsed = util::parse_money(text, currency);
  if (!parsed.money) {
    usage_error(fmt::format("{}: {}", name, parsed.error));
  }
  return *parsed.money;
}

util::Date parse_as_of(const std::string &text) {
  if (!text.empty()) {
    return parse_date_option("--as-of", text);
  }
  return util::Date::today();
}

fs::path resolve_data_dir(const DataOptions &options) {
  if (!options.data_dir.empty()) {
    return options.data_dir;
  }
  if (const char *env = std::getenv("ISUKIT_DATA"); env && *env) {
    return env;
  }
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / ISUKIT_INSTALL_DATADIR_REL;
    if (fs::is_directory(installed / "treaties", ec)) {
      return installed;
    }
  }
  return ISUKIT_SOURCE_DATADIR;
}

fs::path resolve_treaty_file(const DataOptions &options) {
  if (options.treaty.empty()) {
    usage_error("--treaty is required (ccw, ccm, or a treaty file) when the inputs do not name "
                "their treaty");
  }
  if (options.treaty.find('/') != std::string::npos || options.treaty.ends_with(".yaml")) {
    return options.treaty;
  }
  return resolve_data_dir(options) / "treaties" / (util::ascii_lower(options.treaty) + ".yaml");
}

namespace {

/// A folder for letters: "-" is not one (letters are files, never standard output), so it is a
/// usage error rather than a folder named "-".
const CLI::Validator &a_letters_folder() {
  static const CLI::Validator validator(
      [](std::string &text) {
        if (text.empty()) {
          return std::string("an empty name names no folder");
        }
        return text == "-" ? std::string("letters are written to a folder, one file each, never "
                                         "to standard output: give a folder (-o letters)")
                           : std::string();
      },
      "DIR");
  return validator;
}

} // namespace

void add_letter_options(CLI::App &app, LetterOptions &options, std::string_view name) {
  app.add_option("-o,--output", options.output_dir,
                 "The directory to write the letters into (one file each)")
      ->required()
      ->check(a_letters_folder());
  app.add_option("--lang", options.lang,
                 "Language of the letters, their words and numbers: " + language_list())
      ->default_str("en");
  add_letter_source_options(app, options, name);
}

void add_letter_source_options(CLI::App &app, LetterOptions &options, std::string_view name) {
  file_option(app.add_option(
      "--template", options.template_file,
      fmt::format("A Mustache template instead of DATA/templates/{}.LANG.md.mustache", name)));
  file_option(app.add_option("--contacts", options.contacts,
                             "A file or directory of 'contacts' documents: addressee, address, "
                             "salutation, language (repeatable)"))
      ->allow_extra_args(false); // one value each time, so the inputs that follow stay inputs
  file_option(app.add_option(
      "--isu", options.isu_file,
      "An 'isu' document: letterhead, signatory, payment instructions over the treaty file's"));
  app.add_flag("--contact-lang", options.contact_language,
               "Write to each state in its contact's language (else --lang)");
}

namespace {

/// The fields the shipped templates named `name` use, in every language there is one for.
std::set<std::string> shipped_template_fields(const fs::path &data_dir, std::string_view name,
                                              const std::vector<std::string> &codes) {
  std::set<std::string> fields;
  for (const auto &code : codes) {
    const fs::path file = data_dir / "templates" / fmt::format("{}.{}.md.mustache", name, code);
    if (fs::exists(file)) {
      fields.merge(io::LetterTemplate::load(file).field_names());
    }
  }
  return fields;
}

} // namespace

model::LetterKit letter_kit(const LetterOptions &options, const DataOptions &data,
                            const model::Reference &reference, const model::Treaty &treaty,
                            std::string_view name) {
  model::NotedCurrencies noted;
  return letter_kit(options, data, reference, treaty, name, noted);
}

model::LetterKit letter_kit(const LetterOptions &options, const DataOptions &data,
                            const model::Reference &reference, const model::Treaty &treaty,
                            std::string_view name, model::NotedCurrencies &noted) {
  model::LetterKit kit(parse_lang_option(options.lang, reference.languages));
  kit.isu = treaty.isu();
  const auto &codes = reference.languages.codes();
  if (!options.isu_file.empty()) {
    const io::Node isu_document = model::read_single_document(options.isu_file, "isu");
    kit.isu = model::read_isu(isu_document, codes, kit.isu);
  }
  kit.contacts = model::Contacts::read(options.contacts, reference.states, codes);
  kit.contact_language = options.contact_language;
  for (const auto &code : codes) {
    const fs::path file =
        options.template_file.empty()
            ? resolve_data_dir(data) / "templates" / fmt::format("{}.{}.md.mustache", name, code)
            : fs::path(options.template_file);
    // A contact's language whose letter is not written yet gets the --lang letter
    // (LetterKit::lang_for); a language no letter is in is not read at all.
    const bool contacts_ask = kit.contact_language && kit.contacts.names_language(code);
    if (code != kit.lang.code() && (!contacts_ask || !fs::exists(file))) {
      continue;
    }
    kit.languages.push_back(*reference.languages.find(code));
    kit.templates.emplace_back(code, io::LetterTemplate::load(file));
  }
  kit.shipped_fields = shipped_template_fields(resolve_data_dir(data), name, codes);
  if (kit.shipped_fields.contains("payment")) {
    model::note_payment_currency(kit.isu.payment, treaty.currency(), noted);
  }
  return kit;
}

void write_letter_batch(const std::string &tool, const model::LetterKit &kit,
                        const std::vector<io::Letter> &letters, const LetterOptions &options,
                        std::string_view noun, std::string_view covers) {
  kit.check_fields(letters);
  io::write_letters(options.output_dir, fmt::format("{} {}s {}", tool, noun, covers), letters,
                    options.run);
  std::cerr << fmt::format("{}: wrote {} {}{} to {}\n", tool, letters.size(), noun,
                           letters.size() == 1 ? "" : "s", options.output_dir);
}

TreatyContext load_treaty_context(const DataOptions &options) {
  const fs::path treaty_file = resolve_treaty_file(options);
  if (!fs::exists(treaty_file)) {
    throw Error(ExitCode::no_input, Position{treaty_file.string(), 0, 0},
                fmt::format("no such treaty file (is '{}' a treaty in {}?)", options.treaty,
                            (resolve_data_dir(options) / "treaties").string()));
  }
  model::Reference reference = model::Reference::load(resolve_data_dir(options));
  model::Treaty treaty = reference.load_treaty(treaty_file);
  return TreatyContext{std::move(reference), std::move(treaty)};
}

void emit_text(const std::string &text, const std::string &path) {
  if (path.empty() || path == "-") {
    std::cout << text;
    std::cout.flush();
    if (!std::cout) {
      throw Error(ExitCode::io, "cannot write to standard output");
    }
    return;
  }
  util::write_file_atomically(path, text);
}

namespace {

/// Whether -o PATH (stdout when empty or "-") is a terminal: /dev/stdout and /dev/tty are too.
/// Only a character device is opened to ask (never a file, whose bytes -o must not touch, nor
/// a FIFO, which would block).
bool writes_to_terminal(const std::string &path) {
  if (path.empty() || path == "-") {
    return ::isatty(STDOUT_FILENO) != 0;
  }
  std::error_code error;
  if (!std::filesystem::is_character_file(path, error)) {
    return false;
  }
  const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  const bool terminal = fd >= 0 && ::isatty(fd) != 0;
  if (fd >= 0) {
    ::close(fd);
  }
  return terminal;
}

} // namespace

OutputConfig output_config(const OutputOptions &options, const DataOptions &data) {
  const auto format = parse_format_option(options.format);
  if (format == io::Format::xlsx && writes_to_terminal(options.output)) {
    usage_error(
        "--format xlsx writes a binary workbook: give -o FILE (or redirect standard output)");
  }
  const auto languages = model::Languages::load(resolve_data_dir(data));
  OutputConfig config{format, options.output, parse_lang_option(options.lang, languages),
                      io::RenderOptions{options.table, options.standalone}};
  io::check_render_options(config.format, config.render, config.lang);
  return config;
}

void emit(const io::Output &output, const OutputConfig &config) {
  emit_text(io::render(output, config.format, config.lang, config.render), config.path);
}

void emit(io::Output output, const OutputConfig &config, const std::vector<io::Source> &sources) {
  for (const auto &source : sources) {
    io::add_source(output.sources, source);
  }
  output.build_tables_for(config.format);
  emit(output, config);
}

std::vector<io::Source> TreatyContext::sources(std::string_view scale_id) const {
  std::vector<io::Source> sources{reference.states.source(), treaty.source()};
  if (const model::Scale *scale = scale_id.empty() ? nullptr : reference.find_scale(scale_id)) {
    sources.push_back(scale->source());
  }
  return sources;
}

} // namespace isukit::cli
