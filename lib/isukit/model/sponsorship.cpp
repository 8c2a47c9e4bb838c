#include <isukit/io/shape.hpp>
#include <isukit/model/catalogue.hpp>
#include <isukit/model/documents.hpp>
#include <isukit/model/sponsorship.hpp>
#include <isukit/util/fold.hpp>
#include <isukit/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

namespace isukit::model {

using io::Node;

std::string_view party_status_code(PartyStatus status) {
  switch (status) {
  case PartyStatus::party:
    return "party";
  case PartyStatus::signatory:
    return "signatory";
  case PartyStatus::non_party:
    return "non_party";
  }
  return "";
}

const Meeting *Programme::find_meeting(std::string_view id) const {
  for (const auto &meeting : meetings) {
    if (meeting.id == id) {
      return &meeting;
    }
  }
  return nullptr;
}

namespace {

/// The meetings the programme sponsors, each with its dates and daily subsistence allowance.
std::vector<Meeting> read_meetings(const Node &list, const util::Currency &currency) {
  std::vector<Meeting> meetings;
  for (const auto &record : list.as_sequence()) {
    Meeting m{record.at("id").as_text(),
              read_local_text(record, "name"),
              read_local_text(record, "city"),
              record.at("start").as_date(),
              record.at("end").as_date(),
              record.at("dsa").as_nonnegative_money(currency, "a daily subsistence allowance")};
    m.names.set_default(record.at("name_en").as_text());
    m.city.set_default(record.at("city").as_text());
    if (m.end < m.start) {
      record.at("end").fail("the meeting ends before it starts");
    }
    meetings.push_back(std::move(m));
  }
  return meetings;
}

// A list of the programme's (regional groups, States left out, party statuses, priorities)
// names each item once (io::require_each_once): a repeat would be reported, and its minimum
// counted, twice.

std::vector<RegionalGroup> read_regional_groups(const Node &list) {
  io::require_each_once(list, "regional group", "'regional_groups'");
  std::vector<RegionalGroup> groups;
  for (const auto &group : list.as_sequence()) {
    const auto parsed = parse_regional_group(group.as_text());
    if (!parsed) {
      group.fail(fmt::format("unknown regional group '{}'", group.text()));
    }
    groups.push_back(*parsed);
  }
  return groups;
}

std::vector<PartyStatus> read_party_statuses(const Node &list) {
  io::require_each_once(list, "party status", "'party_status'");
  std::vector<PartyStatus> statuses;
  for (const auto &status : list.as_sequence()) {
    bool known = false;
    for (auto s : {PartyStatus::party, PartyStatus::signatory, PartyStatus::non_party}) {
      if (party_status_code(s) == status.as_text()) {
        statuses.push_back(s);
        known = true;
      }
    }
    if (!known) {
      status.fail(fmt::format("expected party, signatory or non_party, got '{}'", status.text()));
    }
  }
  return statuses;
}

/// Who may be sponsored: the regional groups, the States left out, the party statuses.
void read_eligibility(const Node &eligibility, const StateTable &states, Programme &p) {
  p.eligible_groups = read_regional_groups(eligibility.at("regional_groups"));
  if (const Node *excluded = eligibility.find("exclude_states")) {
    io::require_each_once(*excluded, "State", "'exclude_states'");
    for (const auto &code : excluded->as_sequence()) {
      p.excluded_states.push_back(states.require(code));
    }
  }
  p.eligible_status = read_party_statuses(eligibility.at("party_status"));
}

std::vector<Priority> read_priorities(const Node &list) {
  io::require_each_once(list, "priority", "'priorities'");
  std::vector<Priority> priorities;
  for (const auto &priority : list.as_sequence()) {
    const std::string &text = priority.as_text();
    if (text == "party_status") {
      priorities.push_back(Priority::party_status);
    } else if (text == "ldc") {
      priorities.push_back(Priority::ldc);
    } else if (text == "first_time") {
      priorities.push_back(Priority::first_time);
    } else {
      priority.fail(fmt::format("expected party_status, ldc or first_time, got '{}'", text));
    }
  }
  return priorities;
}

/// The optional settings, each kept at its default when not given.
void read_settings(const Node &root, Programme &p) {
  if (const Node *one = root.find("one_per_state")) {
    p.one_per_state = one->as_bool();
  }
  if (const Node *targets = root.find("targets")) {
    if (const Node *women = targets->find("women_share")) {
      p.women_share = women->as_decimal();
      if (*p.women_share < 0 || *p.women_share > 100) {
        women->fail(
            fmt::format("a share of women is a per cent from 0 to 100, got {}", women->text()));
      }
    }
    if (const Node *minimum = targets->find("min_per_group")) {
      p.min_per_group = minimum->as_int();
    }
  }
  if (const Node *waiting = root.find("waiting_list")) {
    p.waiting_list = waiting->as_int();
  }
}

} // namespace

const std::string &programme_id(const Node &id) {
  const std::string &text = id.as_text();
  const auto control = std::find_if(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == '\x7F';
  });
  if (control != text.end()) {
    id.fail(fmt::format("a programme id holds control character U+{:04X}: an id is one line of "
                        "text without tabs (it names the programme's batch of letters)",
                        static_cast<unsigned char>(*control)));
  }
  return text;
}

Programme Programme::from_document(const Node &root, const StateTable &states) {
  Programme p;
  p.id = programme_id(root.at("id"));
  p.names = read_local_text(root, "name");
  p.names.set_default(root.at("name_en").as_text());
  p.treaty = treaty_id(root.at("treaty"));
  p.currency = root.at("currency").as_currency();
  p.fund = root.at("fund").as_nonnegative_money(p.currency, "a sponsorship fund");
  p.meetings = read_meetings(root.at("meetings"), p.currency);
  read_eligibility(root.at("eligibility"), states, p);
  p.priorities = read_priorities(root.at("priorities"));
  read_settings(root, p);
  return p;
}

namespace {

/// The applications seen so far, by person, State and meeting: one person may apply to each
/// meeting of a programme (the intersessional and the Meeting of States Parties), once. Names
/// compare as util::fold_name folds them: "José Martínez" and "JOSE  MARTINEZ" are one person.
class ApplicantRegister {
public:
  /// Sets `a.duplicate_of` when the person has applied already for the State to the same
  /// meeting, and names both applications on stderr.
  void check(Application &a) {
    if (a.state_code.empty()) {
      return; // reported as missing
    }
    const auto [seen, inserted] = m_seen.emplace(
        util::fold_name(a.name) + '|' + a.state_code + '|' + a.meeting, First{a.id, a.mark});
    if (!inserted) {
      a.duplicate_of = seen->second.id;
      util::note(
          a.mark.position(),
          fmt::format(
              "application {} ('{}' of {}) repeats application {} at {}: not eligible (names are "
              "compared without regard to case, spacing and accents)",
              a.id, a.name, a.state_code, seen->second.id, seen->second.mark.located()));
    }
  }

private:
  struct First {
    std::string id;
    io::Mark mark;
  };
  std::unordered_map<std::string, First> m_seen;
};

/// An application's days are days of its meeting (require_days_within).
void require_days_within_meeting(const Programme &programme, const Application &a,
                                 const Node &days) {
  if (const Meeting *meeting = programme.find_meeting(a.meeting)) {
    require_days_within(*meeting, a.days, days);
  }
}

} // namespace

void require_days_within(const Meeting &meeting, int count, const Node &days) {
  const int length = meeting.end.days_since(meeting.start) + 1;
  if (count > length) {
    days.fail(fmt::format("{} days, but meeting '{}' lasts {} days ({} to {})", count, meeting.id,
                          length, meeting.start.iso(), meeting.end.iso()));
  }
}

util::Money sponsorship_cost(const util::Money &ticket, const util::Money &dsa, int days,
                             const io::Mark &mark) {
  std::int64_t allowance = 0;
  std::int64_t cost = 0;
  if (__builtin_mul_overflow(dsa.minor_units(), std::int64_t{days}, &allowance) ||
      __builtin_add_overflow(ticket.minor_units(), allowance, &cost)) {
    util::fail_data(mark.position(),
                    "the cost of this application (ticket and daily allowances) is larger than "
                    "the largest amount isukit holds");
  }
  return util::Money(cost, ticket.currency());
}

namespace {

/// An application id names its letter's file (`A01.md`): ASCII letters, digits, '-', '_' and
/// '.', not first, and at most 200 of them (a file name holds 255 bytes, with the letter's
/// extension). Checked as applications are read, so that `sponsor select` refuses what
/// `sponsor letters` could not write ("../../x", "A 01", ".hidden", 300 letters).
void require_file_name(const Node &id) {
  const std::string &text = id.text();
  constexpr std::size_t longest = 200;
  if (text.size() > longest) {
    id.fail(fmt::format("application id of {} characters: it names the applicant's letter file, "
                        "so it has at most {}",
                        text.size(), longest));
  }
  const bool plain =
      !text.empty() && text.front() != '.' && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_' || c == '.';
      });
  if (!plain) {
    id.fail(fmt::format("application id '{}' is not a plain name: it names the applicant's "
                        "letter file, so it holds only ASCII letters, digits, '-', '_' and '.' "
                        "(not first)",
                        text));
  }
}

} // namespace

void ApplicationIds::require_new(const Node &record) {
  const Node *id = record.find("id");
  if (!id || !id->is_scalar()) {
    return;
  }
  require_file_name(*id);
  // Compared without regard to case: an id names a letter file, and X1.md and x1.md are one
  // file on the file systems that do not tell case apart (macOS, Windows).
  const auto [first, inserted] =
      m_seen.try_emplace(util::ascii_lower(id->text()), id->mark(), id->text());
  if (!inserted) {
    const auto &[mark, spelling] = first->second;
    id->fail(spelling == id->text()
                 ? fmt::format("application id '{}' is given twice (also at {})", id->text(),
                               mark.located())
                 : fmt::format("application id '{}' is given twice (also at {} as '{}': ids "
                               "name letter files, which some file systems do not tell apart "
                               "by case)",
                               id->text(), mark.located(), spelling));
  }
}

namespace {

/// The State, gender and meeting an application names are values of the ISU's own data: one the
/// data does not know (`Female`, a misspelt meeting id) is a typo, an error at its value (exit 65)
/// with the nearest known value, never an applicant turned down as incomplete.
void require_known_names(const Node &record, Application &a, const Programme &programme,
                         const StateTable &states) {
  if (const Node *state = record.find("state")) {
    a.state = states.require(*state);
  }
  if (const Node *gender = record.find("gender")) {
    io::require_one_of(*gender, "gender", genders);
  }
  if (const Node *meeting = record.find("meeting")) {
    std::vector<std::string> ids;
    for (const auto &m : programme.meetings) {
      ids.push_back(m.id);
    }
    io::require_one_of(*meeting, "meeting", ids);
  }
}

} // namespace

int read_days(const Node &days) {
  const bool negative = days.is_scalar() && !days.text().empty() && days.text().front() == '-';
  if (negative || days.as_int() < 1) {
    days.fail(fmt::format("days must be at least 1, got {}", days.text()));
  }
  return days.as_int();
}

namespace {

/// The days, the ticket, the date received and whether it is a first time, each where given.
void read_costs_and_dates(const Node &record, const Programme &programme, Application &a) {
  if (const Node *days = record.find("days")) {
    a.days = read_days(*days);
    require_days_within_meeting(programme, a, *days);
  }
  if (const Node *ticket = record.find("ticket")) {
    a.ticket = ticket->as_nonnegative_money(programme.currency, "a ticket");
  }
  if (const Node *received = record.find("received")) {
    a.received = received->as_date();
  }
  if (const Node *first = record.find("first_time")) {
    a.first_time = first->as_bool();
  }
}

Application read_application(const Node &record, const Programme &programme,
                             const StateTable &states) {
  Application a;
  a.mark = record.mark();
  // Required, never "incomplete": the id names the letter file and the selection's record that
  // sponsor letters and report read back, the name is the letter's addressee.
  a.id = record.at("id").as_text();
  a.name = record.at("name").as_text();
  a.state_code = record.text_or("state");
  a.gender = record.text_or("gender");
  a.function = record.text_or("function");
  a.meeting = record.text_or("meeting");
  a.notes = record.text_or("notes");
  for (const char *field : {"state", "gender", "meeting", "days", "ticket", "received"}) {
    if (!record.find(field)) {
      a.missing.push_back(fmt::format("no {}", field));
    }
  }
  require_known_names(record, a, programme, states);
  read_costs_and_dates(record, programme, a);
  return a;
}

/// An applications document names the programme it applies to: last year's applications (or
/// another fund's) must not be selected into this programme, as meeting ids like `msp` recur.
void require_programme(const Node &named, const Programme &programme) {
  if (programme_id(named) != programme.id) {
    named.fail(fmt::format("applications for '{}', but the programme is '{}'", named.text(),
                           programme.id));
  }
}

} // namespace

std::vector<Application> read_applications(const std::vector<Node> &documents,
                                           const Programme &programme, const StateTable &states) {
  std::vector<Application> result;
  ApplicantRegister applicants;
  ApplicationIds ids;
  for (const auto &root : documents) {
    require_programme(root.at("programme"), programme);
    for (const auto &record : root.at("applications").as_sequence()) {
      ids.require_new(record); // a missing id is an error in read_application
      result.push_back(read_application(record, programme, states));
    }
  }
  // Which of a person's repeated applications counts is the data's, never the order of the
  // files: the one received first, then the smaller id (one without a date last: false < true).
  std::stable_sort(result.begin(), result.end(), [](const Application &x, const Application &y) {
    return std::forward_as_tuple(!x.received, x.received, x.id) <
           std::forward_as_tuple(!y.received, y.received, y.id);
  });
  for (auto &a : result) {
    applicants.check(a);
  }
  std::stable_sort(result.begin(), result.end(),
                   [](const Application &x, const Application &y) { return x.id < y.id; });
  return result;
}

} // namespace isukit::model
