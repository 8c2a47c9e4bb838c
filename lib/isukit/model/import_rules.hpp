// The `import-rules` kind: how one bank's or finance system's export of receipts is read
// (assess.1, IMPORT RULES, documents every field). One document per bank, kept by the user.
#pragma once

#include <isukit/io/node.hpp>
#include <isukit/model/states.hpp>
#include <isukit/util/money.hpp>
#include <isukit/util/text_encoding.hpp>

#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace isukit::model {

/// A column of a CSV export: by its header cell (`name`) or its 1-based `position`; neither
/// when the rules do not use the column.
struct ColumnRef {
  std::string name;
  int position = 0;
  io::Mark mark; // where the rules name it

  bool is_set() const { return position > 0 || !name.empty(); }
  /// `'Betrag'` or `column 4`, for messages.
  std::string describe() const;
};

/// The fields a row of an export yields; each may be read from a column, and leave-out rules
/// may test any of them.
enum class ExportField {
  date,
  amount,
  credit,
  debit,
  currency,
  reference,
  remittance,
  payer,
  year,
  indicator,
  count
};
/// The rules' spelling of a field: "date", ..., "indicator".
std::string_view export_field_name(ExportField field);

/// What to do with money going out of the account (debits) or coming back out of it
/// (reversals of credits): refuse the export (the default), leave the row out (counted in the
/// summary), or keep it as a negative payment.
enum class OutgoingRule { refuse, leave_out, keep };

/// A pattern of the rules (leave_out's, year_pattern): ECMAScript, found anywhere in the
/// text, ignoring case in every script ("CONTRIBUTION", "Contribution" and "contribution" are
/// one).
struct FoldedPattern {
  std::regex regex; // over case-folded text (util::fold_case), written case-folded itself

  /// Whether the UTF-8 `text` holds a match of the pattern, whatever the case of its letters.
  bool matches(const std::string &text) const;
  /// The first match in the UTF-8 `text`, whatever the case of its letters: the text of its
  /// first group when the pattern has one, else the whole match (case-folded); none when none.
  std::optional<std::string> find(const std::string &text) const;
};

/// Rows to leave out: those whose field or column matches `pattern`. `name` labels the count
/// in the summary ("bank fees").
struct LeaveOutRule {
  std::string name;
  std::optional<ExportField> field; // else `column`
  ColumnRef column;
  FoldedPattern pattern;
};

enum class ExportFormat { csv, camt };

struct ImportRules {
  ExportFormat format = ExportFormat::csv;
  util::Encoding encoding = util::Encoding::utf8;
  // CSV: the layout.
  char separator = ',';
  char quote = '"';
  int header_line = 0;                   // 1-based; 0 when found by header_cells
  std::vector<std::string> header_cells; // the first line holding all of them is the header
  io::Mark header_mark;
  ColumnRef columns[static_cast<int>(ExportField::count)];
  std::string indicator_credit = "CRDT";
  std::string indicator_debit = "DBIT";
  // Values.
  std::optional<util::Currency> currency; // when no currency column
  std::string date_format = "%Y-%m-%d";
  util::AmountStyle amount_style;
  OutgoingRule debits = OutgoingRule::refuse;
  OutgoingRule reversals = OutgoingRule::refuse;
  std::vector<LeaveOutRule> leave_out;
  std::optional<FoldedPattern> year_pattern; // over the remittance; its first group is the year
  // Payers.
  std::vector<std::pair<std::string, StateId>> aliases; // payer text as written, state
  std::vector<std::string> drop_words;
  // camt.053/054.
  std::string account;     // IBAN or other account id; empty for any (one account only)
  bool value_date = false; // the value date instead of the booking date
  bool end_to_end = false; // the end-to-end id instead of the account servicer's reference

  const ColumnRef &column(ExportField field) const { return columns[static_cast<int>(field)]; }

  /// Reads and checks a rules document: unknown keys, a date format, separator, decimal mark
  /// or grouping that cannot work, an alias to an unknown state, amount given both as one
  /// column and as credit and debit columns: each a data error at its node.
  static ImportRules from_document(const io::Node &root, const StateTable &states);
};

} // namespace isukit::model
