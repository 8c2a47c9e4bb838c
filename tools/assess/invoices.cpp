// assess invoices: one invoice per state with something to pay, from the shipped (or a given)
// Mustache template.
#include <isukit/assess/invoices.hpp>
#include <isukit/model/documents.hpp>

#include <fmt/format.h>

#include <iostream>
#include <map>

#include "subcommands.hpp"

namespace assess_tool {

using namespace isukit;

namespace {

/// The notes on stderr that a batch of invoices needs: who got none, and a letter that does
/// not say where to pay.
void note_batch(const assess::InvoiceBatch &batch, const model::LetterKit &kit) {
  if (!batch.nothing_to_pay.empty()) {
    std::cerr << fmt::format(
        "assess: no invoice for {} state(s) with nothing to pay (--include-zero writes them): {}\n",
        batch.nothing_to_pay.size(), fmt::join(batch.nothing_to_pay, ", "));
  }
  if (!batch.letters.empty()) {
    warn_without_payment(kit, "invoices");
  }
}

} // namespace

void warn_without_payment(const model::LetterKit &kit, std::string_view noun) {
  if (!kit.isu.payment.complete()) {
    std::cerr << fmt::format(
        "assess: warning: the {} give no payment instructions (no bank and account in the "
        "treaty file's isu.payment; give them with --isu FILE)\n",
        noun);
  }
}

namespace {

struct InvoiceOptions {
  cli::DataOptions data;
  cli::LetterOptions letters;
  std::string issued;
  std::string due;
  std::vector<std::string> ledger;
  int year = 0; // 0: the one year the inputs assess
  bool include_zero = false;
  std::vector<std::string> inputs;
};

/// --issued (default today), --due (default the treaty's rule) and --include-zero, checked: a due
/// date before the date of issue is a usage error (64).
assess::InvoiceSettings invoice_settings(const InvoiceOptions &options) {
  const auto issued = options.issued.empty() ? cli::parse_as_of("")
                                             : cli::parse_date_option("--issued", options.issued);
  const assess::InvoiceSettings settings{
      issued,
      options.due.empty() ? std::nullopt
                          : std::optional(cli::parse_date_option("--due", options.due)),
      options.include_zero};
  if (settings.due && *settings.due < issued) {
    throw util::Error(
        util::ExitCode::usage,
        fmt::format(
            "--due {} is before --issued {}: an invoice falls due on or after its date of issue",
            settings.due->iso(), issued.iso()));
  }
  return settings;
}

/// The letter kit of `treaty` (cli::letter_kit) from `kits`, read there the first time a
/// document of the treaty is invoiced: its inputs are read, and their notes said, once a run
/// (the note on the account's currency once for each pair of currencies in `noted`).
const model::LetterKit &kit_of(std::map<std::string, model::LetterKit> &kits,
                               model::NotedCurrencies &noted, const cli::LetterOptions &options,
                               const cli::DataOptions &data, const model::Reference &reference,
                               const model::Treaty &treaty) {
  auto found = kits.find(treaty.id());
  if (found == kits.end()) {
    found = kits.emplace(treaty.id(),
                         cli::letter_kit(options, data, reference, treaty, "invoice", noted))
                .first;
  }
  return found->second;
}

/// The invoices of the inputs' assessments of one year (assess::invoiced_documents), each
/// document in its treaty's letters (its treaty unless --treaty names one), then the batch's
/// notes on stderr.
void write_invoices(const InvoiceOptions &options, const assess::InvoiceSettings &settings) {
  const auto reference = model::Reference::load(cli::resolve_data_dir(options.data));
  std::optional<assess::ContributionsStatus> balances;
  if (!options.ledger.empty()) {
    balances = assess::compute_status(model::Ledger::read(options.ledger, reference.states,
                                                          settings.issued, false, {},
                                                          &reference.languages),
                                      reference.states, settings.issued);
  }
  assess::InvoiceBatch all;
  std::map<std::string, model::LetterKit> kits; // by treaty: its letter inputs read once
  model::NotedCurrencies noted;                 // (account, letters) currencies noted once
  const model::LetterKit *kit = nullptr;
  std::set<std::string> covers; // "ccm 2026": the batch's name, so other years' invoices stay
  const auto documents = model::read_documents(options.inputs, {"assessments", "payments"});
  for (const io::Document *document : assess::invoiced_documents(
           documents, options.year ? std::optional(options.year) : std::nullopt,
           reference.states)) {
    cli::DataOptions data = options.data;
    if (data.treaty.empty()) {
      data.treaty = model::treaty_id(document->root.at("treaty"));
    }
    const auto treaty = reference.load_treaty(cli::resolve_treaty_file(data));
    if (const io::Node *named = document->root.find("treaty")) {
      require_assessments_of(treaty, model::treaty_id(*named), named->position());
    }
    kit = &kit_of(kits, noted, options.letters, data, reference, treaty);
    covers.insert(fmt::format("{} {}", treaty.id(), document->root.at("year").as_text()));
    auto batch = assess::make_invoices(document->root, treaty, reference.states, *kit, settings,
                                       balances ? &*balances : nullptr);
    std::move(batch.letters.begin(), batch.letters.end(), std::back_inserter(all.letters));
    all.nothing_to_pay.insert(all.nothing_to_pay.end(), batch.nothing_to_pay.begin(),
                              batch.nothing_to_pay.end());
  }
  cli::write_letter_batch("assess", *kit, all.letters, options.letters, "invoice",
                          fmt::format("{}", fmt::join(covers, ", ")));
  note_batch(all, *kit);
}

} // namespace

cli::Runner setup_invoices(CLI::App &app) {
  auto options = std::make_shared<InvoiceOptions>();
  cli::add_data_options(app, options->data, false);
  cli::add_letter_options(app, options->letters, "invoice");
  app.add_option("--issued", options->issued, "The date of issue, YYYY-MM-DD (default: today)");
  app.add_option("--due", options->due,
                 "The due date (default: the treaty file's rule, see DUE DATES)");
  cli::file_option(app.add_option("--ledger", options->ledger,
                                  "The accounts (assessments, payments; repeatable): each invoice "
                                  "adds the arrears and credit as of its date"))
      ->allow_extra_args(false);
  app.add_option("--year", options->year,
                 "Invoice the assessments of this year (needed when the inputs assess several)");
  app.add_flag("--include-zero", options->include_zero,
               "Also write invoices for states with nothing to pay");
  cli::add_inputs(app, options->inputs, "Assessments files");
  return [options] {
    write_invoices(*options, invoice_settings(*options));
    return 0;
  };
}

} // namespace assess_tool
