#include <isukit/model/catalogue.hpp>
#include <isukit/model/sponsorship.hpp>
#include <isukit/util/fold.hpp>

#include <fmt/format.h>

#include <algorithm>
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

Programme Programme::from_document(const Node &root, const StateTable &states) {
  Programme p;
  p.id = root.at("id").as_text();
  p.names = read_local_text(root, "name");
  p.names.set_default(root.at("name_en").as_text());
  p.treaty = root.at("treaty").as_text();
  p.currency = root.at("currency").as_currency();
  p.fund = root.at("fund").as_nonnegative_money(p.currency, "a sponsorship fund");
  for (const auto &record : root.at("meetings").as_sequence()) {
    Meeting m{record.at("id").as_text(),
              read_local_text(record, "name"),
              read_local_text(record, "city"),
              record.at("start").as_date(),
              record.at("end").as_date(),
              record.at("dsa").as_nonnegative_money(p.currency, "a daily subsistence allowance")};
    m.names.set_default(record.at("name_en").as_text());
    m.city.set_default(record.at("city").as_text());
    if (m.end < m.start) {
      record.at("end").fail("the meeting ends before it starts");
    }
    p.meetings.push_back(std::move(m));
  }
  const Node &eligibility = root.at("eligibility");
  for (const auto &group : eligibility.at("regional_groups").as_sequence()) {
    const auto parsed = parse_regional_group(group.as_text());
    if (!parsed) {
      group.fail(fmt::format("unknown regional group '{}'", group.text()));
    }
    p.eligible_groups.push_back(*parsed);
  }
  if (const Node *excluded = eligibility.find("exclude_states")) {
    for (const auto &code : excluded->as_sequence()) {
      p.excluded_states.push_back(states.require(code));
    }
  }
  for (const auto &status : eligibility.at("party_status").as_sequence()) {
    bool known = false;
    for (auto s : {PartyStatus::party, PartyStatus::signatory, PartyStatus::non_party}) {
      if (party_status_code(s) == status.as_text()) {
        p.eligible_status.push_back(s);
        known = true;
      }
    }
    if (!known) {
      status.fail(fmt::format("expected party, signatory or non_party, got '{}'", status.text()));
    }
  }
  for (const auto &priority : root.at("priorities").as_sequence()) {
    const std::string &text = priority.as_text();
    if (text == "party_status") {
      p.priorities.push_back(Priority::party_status);
    } else if (text == "ldc") {
      p.priorities.push_back(Priority::ldc);
    } else if (text == "first_time") {
      p.priorities.push_back(Priority::first_time);
    } else {
      priority.fail(fmt::format("expected party_status, ldc or first_time, got '{}'", text));
    }
  }
  if (const Node *one = root.find("one_per_state")) {
    p.one_per_state = one->as_bool();
  }
  if (const Node *targets = root.find("targets")) {
    if (const Node *women = targets->find("women_share")) {
      p.women_share = women->as_decimal();
    }
    if (const Node *minimum = targets->find("min_per_group")) {
      p.min_per_group = minimum->as_int();
    }
  }
  if (const Node *waiting = root.find("waiting_list")) {
    p.waiting_list = waiting->as_int();
  }
  return p;
}

namespace {

/// The applicants seen so far, by person and State. Names compare as util::fold_name folds
/// them: "José Martínez" and "JOSE  MARTINEZ" are one person.
class ApplicantRegister {
public:
  /// Sets `a.duplicate_of` when the person has applied already for the State, and names both
  /// applications on stderr.
  void check(Application &a) {
    if (a.name.empty() || a.state_code.empty()) {
      return; // reported as missing
    }
    const auto [seen, inserted] =
        m_seen.emplace(util::fold_name(a.name) + '|' + a.state_code, First{a.id, a.mark});
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

/// An application's days are days of its meeting: more than the meeting lasts is a typo (a DSA
/// paid for days nobody attends), an error at the value.
void require_days_within_meeting(const Programme &programme, const Application &a,
                                 const Node &days) {
  if (const Meeting *meeting = programme.find_meeting(a.meeting)) {
    const int length = meeting->end.days_since(meeting->start) + 1;
    if (a.days > length) {
      days.fail(fmt::format("{} days, but meeting '{}' lasts {} days ({} to {})", a.days,
                            meeting->id, length, meeting->start.iso(), meeting->end.iso()));
    }
  }
}

} // namespace

void ApplicationIds::require_new(const Node &record) {
  const Node *id = record.find("id");
  if (!id || !id->is_scalar()) {
    return;
  }
  const auto [first, inserted] = m_seen.emplace(id->text(), id->mark());
  if (!inserted) {
    id->fail(fmt::format("application id '{}' is given twice (also at {})", id->text(),
                         first->second.located()));
  }
}

std::vector<Application> read_applications(const std::vector<Node> &documents,
                                           const Programme &programme, const StateTable &states) {
  std::vector<Application> result;
  ApplicantRegister applicants;
  ApplicationIds ids;
  for (const auto &root : documents) {
    for (const auto &record : root.at("applications").as_sequence()) {
      ids.require_new(record); // a missing id is reported as missing
      Application a;
      a.mark = record.mark();
      a.id = record.text_or("id");
      a.name = record.text_or("name");
      a.state_code = record.text_or("state");
      a.gender = record.text_or("gender");
      a.function = record.text_or("function");
      a.meeting = record.text_or("meeting");
      a.notes = record.text_or("notes");
      for (const char *field :
           {"id", "name", "state", "gender", "meeting", "days", "ticket", "received"}) {
        if (!record.find(field)) {
          a.missing.push_back(fmt::format("no {}", field));
        }
      }
      if (!a.state_code.empty()) {
        a.state = states.find(a.state_code);
        if (!a.state) {
          a.missing.push_back(fmt::format("unknown state code '{}'", a.state_code));
        }
      }
      if (!a.gender.empty() && a.gender != "female" && a.gender != "male" && a.gender != "other") {
        a.missing.push_back(fmt::format("gender '{}' is not female, male or other", a.gender));
      }
      if (!a.meeting.empty() && !programme.find_meeting(a.meeting)) {
        a.missing.push_back(fmt::format("unknown meeting '{}'", a.meeting));
      }
      if (const Node *days = record.find("days")) {
        a.days = days->as_int();
        if (a.days < 1) {
          a.missing.push_back("days must be at least 1");
        }
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
      applicants.check(a);
      result.push_back(std::move(a));
    }
  }
  return result;
}

} // namespace isukit::model
