// Letters about a state's account with the treaty: its statement of account (assess statement
// -o DIR) and the letter to a state in arrears (assess remind).
#pragma once

#include <isukit/assess/statement.hpp>
#include <isukit/assess/status.hpp>
#include <isukit/io/letters.hpp>
#include <isukit/model/letter_kit.hpp>
#include <isukit/model/treaty.hpp>

#include <vector>

namespace isukit::assess {

/// One statement of account per statement, named CODE-statement plus the template's extension
/// (FRA-statement.md), dated the as-of date, in each state's letter language. The context:
/// LetterKit::to_state's fields, `as_of_long`, `currency`, `lines` [{date_long, entry ("Payment
/// REF", in the letter's language), year, assessed, paid (each false where it has none),
/// balance, parts [{what ("credited to 2024", "held as credit"), amount}]}] and the closing
/// position as in account_position with every year outstanding. Amounts are grouped in the
/// letter's language; a balance below zero is a credit.
std::vector<io::Letter> statement_letters(const std::vector<Statement> &statements,
                                          const ContributionsStatus &status,
                                          const model::Treaty &treaty,
                                          const model::StateTable &states,
                                          const model::LetterKit &kit);

/// One letter per state of `arrears` (select_arrears), named CODE-arrears plus the template's
/// extension, dated the as-of date, in each state's letter language. The context:
/// LetterKit::to_state's fields, `as_of_long`, `currency`, the position (account_position) of
/// the years selected, and `article_19`: {consequence, basis} when the state meets the test of
/// Article 19 of the UN Charter (StateBalance::article_19) and the treaty file gives the
/// consequence (model::ArrearsConsequence), else false: no letter states a consequence the
/// treaty does not give.
std::vector<io::Letter> arrears_letters(const std::vector<StateArrears> &arrears,
                                        const ContributionsStatus &status,
                                        const model::Treaty &treaty,
                                        const model::StateTable &states,
                                        const model::LetterKit &kit);

/// The position of an account as a letter states it, added to `context`: `outstanding` [{year,
/// amount}] (false when nothing is), `total` (their sum), `credit` (false when none),
/// `unapplied` (whether there is both a total and a credit: the letter then says the credit was
/// not applied to the amounts outstanding), `net` (total less credit when the credit covers
/// only part of it, else false: what would remain if it were applied), `to_pay` (whether total
/// is above zero). `years` ascending, minor units. The money of every letter is grouped in
/// its language, a negative amount with U+2212.
void account_position(io::Node &context, const std::vector<const YearBalance *> &years,
                      std::int64_t credit, const util::Currency &currency, const util::Lang &lang);

} // namespace isukit::assess
