// The assess tool's subcommands: each registers its options and returns its runner.
#pragma once

#include <isukit/assess/account_letters.hpp>
#include <isukit/assess/statement.hpp>
#include <isukit/assess/status.hpp>
#include <isukit/cli/tool.hpp>

namespace assess_tool {

isukit::cli::Runner setup_scale(CLI::App &app);
isukit::cli::Runner setup_apportion(CLI::App &app);
isukit::cli::Runner setup_invoices(CLI::App &app);
isukit::cli::Runner setup_status(CLI::App &app);
isukit::cli::Runner setup_arrears(CLI::App &app);
isukit::cli::Runner setup_fund(CLI::App &app);
isukit::cli::Runner setup_statement(CLI::App &app);
isukit::cli::Runner setup_import(CLI::App &app);
isukit::cli::Runner setup_remind(CLI::App &app);

/// The assessment year: --year, else the year of --as-of, else this year. --as-of is checked
/// (64) even when --year is given.
int resolve_year(int year, const std::string &as_of);

/// The options of the subcommands that read a ledger (status, arrears, fund).
struct LedgerOptions {
  isukit::cli::OutputOptions output;
  isukit::cli::DataOptions data;
  std::string as_of;
  std::vector<std::string> inputs;
};
void add_ledger_options(CLI::App &app, LedgerOptions &options);

struct LoadedLedger {
  isukit::cli::OutputConfig output;
  isukit::model::Reference reference;
  isukit::model::Ledger ledger;
  isukit::util::Date as_of;
  /// The states' source and that of each treaty file read to check the assessments.
  std::vector<isukit::io::Source> sources;
};
/// Reads the ledger as of --as-of and checks that each state its assessments assess is a paying
/// party of their treaty: that of --treaty (a name or a file, whose id must be the one the
/// assessments name), else the treaty in DATA/treaties they name.
/// `keep_payments` keeps each payment (for statements of account).
/// Reads the ledger; fails (model::require_kinds) unless the inputs held each kind of `needs`.
LoadedLedger load_ledger(const LedgerOptions &options,
                         std::initializer_list<std::string_view> needs, bool keep_payments = false);
/// Assessments that name the treaty `named` (empty: none), at `where`, are read by `treaty`
/// (--treaty's, a name or a file) only if it has that id; else bad data (65).
void require_assessments_of(const isukit::model::Treaty &treaty, const std::string &named,
                            const isukit::util::Position &where);
/// The status of the ledger's contributions as of its date (assess::compute_status), with a
/// note on stderr when some state owes closed years but the Article 19 test cannot be made.
isukit::assess::ContributionsStatus ledger_status(const LoadedLedger &loaded);
/// The options that select the states in arrears, spelled once for arrears and remind.
struct ArrearsSelection {
  bool closed_only = false;
  int min_years = 1;
  std::string min_amount; // --min-amount as given: read in the accounts' currency
};
void add_arrears_options(CLI::App &app, ArrearsSelection &selection);
/// The selection, checked when the options are read (a --min-amount that is no amount, or below
/// zero, is a usage error, 64); --min-amount is read in the accounts' currency by `in`.
struct ArrearsQuery {
  bool closed_only = false;
  int min_years = 1;
  isukit::cli::AmountOption min_amount;
  isukit::assess::ArrearsOptions in(const isukit::util::Currency &currency) const;
};
ArrearsQuery parse_arrears_selection(const ArrearsSelection &selection);

/// Warns on stderr when the letters (`noun`: "invoices") cannot say where to pay: the kit's
/// payment instructions name no bank and account.
void warn_without_payment(const isukit::model::LetterKit &kit, std::string_view noun);

/// The treaty of the accounts, for letters: --treaty, else the one their assessments name
/// (`ledger_treaty_id`, ContributionsStatus::treaty); neither is a usage error (64).
isukit::model::Treaty ledger_treaty(const LoadedLedger &loaded, isukit::cli::DataOptions data,
                                    const std::string &ledger_treaty_id);

} // namespace assess_tool
