// A sponsorship programme and the applications to it.
#pragma once

#include <isukit/model/treaty.hpp>

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace isukit::model {

enum class PartyStatus { party, signatory, non_party };
std::string_view party_status_code(PartyStatus status); // "party", "signatory", "non_party"

/// The criteria that order eligible applications, in the programme's order.
enum class Priority { party_status, ldc, first_time };

struct Meeting {
  std::string id;
  util::LocalText names; // name_en stands for a language not given
  util::LocalText city;  // city_CODE; `city` stands for a language not given
  util::Date start, end;
  util::Money dsa; // daily subsistence allowance per day in the meeting's city

  const std::string &name(const util::Lang &lang) const { return names.in(lang); }
};

struct Programme {
  std::string id;
  util::LocalText names; // name_en stands for a language not given
  std::string treaty;
  util::Currency currency;
  util::Money fund;
  std::vector<Meeting> meetings;
  std::vector<RegionalGroup> eligible_groups;
  std::vector<StateId> excluded_states;
  std::vector<PartyStatus> eligible_status;
  std::vector<Priority> priorities;
  bool one_per_state = true;
  // The targets, each only when the programme sets it: one it never set is not reported as met.
  std::optional<util::Rational> women_share; // per cent target among the sponsored
  std::optional<int> min_per_group;          // per eligible regional group
  int waiting_list = 5;

  static Programme from_document(const io::Node &root, const StateTable &states);
  const Meeting *find_meeting(std::string_view id) const;
  const std::string &name(const util::Lang &lang) const { return names.in(lang); }
};

/// The genders an application may state: the catalogues' gender.* words and the letters'
/// salutations are for these.
inline const std::vector<std::string> genders = {"female", "male", "other"};

struct Application {
  std::string id;
  std::string name;
  std::optional<StateId> state; // unset when the code is missing (an unknown one is an error)
  std::string state_code;
  std::string gender; // female, male, other
  std::string function;
  std::string meeting;
  int days = 0;
  std::optional<util::Money> ticket;
  std::optional<util::Date> received;
  bool first_time = false;
  std::string notes;
  std::vector<std::string> missing; // required fields absent or malformed
  std::string duplicate_of; // the id of an earlier application of the same person, State, meeting
  io::Mark mark;
};

/// An application's days are days of its meeting: more than `meeting` lasts (start to end, both
/// included) is a typo (a DSA paid for days nobody attends). Fails at `days` (exit 65) when
/// `count` is more.
void require_days_within(const Meeting &meeting, int count, const io::Node &days);

/// What the programme pays for a delegate: the ticket and `days` daily subsistence allowances
/// (`dsa` per day), exactly, in the ticket's currency. Fails at `mark` (exit 65) when the sum is
/// past what util::Money holds, never a wrapped value.
util::Money sponsorship_cost(const util::Money &ticket, const util::Money &dsa, int days,
                             const io::Mark &mark);

/// The application ids read so far: an id names an application in the selection and in its
/// letter, so one is given once, in the applications as in a selection.
class ApplicationIds {
public:
  /// Fails at the record's `id` when an earlier record has the same id (whatever the case of its
  /// letters: it names a letter file), naming where that one is (both positions; exit 65), or
  /// when the id is no plain file name (it names a letter:
  /// ASCII letters, digits, '-', '_' and '.', not first). A missing or non-text id is left to
  /// the caller to report.
  void require_new(const io::Node &record);

private:
  // By the id in lower case: where it was first given, and as what.
  std::unordered_map<std::string, std::pair<io::Mark, std::string>> m_seen;
};

/// A programme's id (the programme's `id`, the `programme` an applications or selection
/// document names): text on one line, as it names the programme's batch of letters. A tab or line
/// break in it is an error at the value (exit 65) naming the character.
const std::string &programme_id(const io::Node &id);

/// An application's `days`: a whole number at least 1. Below that is an error at the value
/// (exit 65), as a negative ticket is, whether written 0 or -1.
int read_days(const io::Node &days);

/// Reads the `applications` documents. An incomplete or malformed application is kept, with
/// what is wrong in `missing`, so that `sponsor check` can report every one; but one without an
/// `id` or a `name` (or with an empty one) is an error at the record or the value (exit 65): the
/// id names its record and letter, which select writes and letters reads back, and the name
/// is whom the letter addresses. An application of
/// a person who has applied for the same State to the same meeting earlier (received earlier,
/// or the same day with a smaller id; names compared by util::fold_name: case, spacing and
/// accents aside) is kept with `duplicate_of` set, and both positions are named on stderr. The
/// result is in id order, so that the same applications in any order of files give the same. A
/// State, gender or meeting the data does not know is an error at its value (exit 65) naming the
/// nearest known one (io::suggestion, StateTable::require).
std::vector<Application> read_applications(const std::vector<io::Node> &documents,
                                           const Programme &programme, const StateTable &states);

} // namespace isukit::model
