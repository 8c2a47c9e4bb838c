#include <isukit/sponsor/selection.hpp>
#include <isukit/util/date.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace isukit::sponsor {

namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

const std::string *param(const Params &params, std::string_view name) {
  const auto it =
      std::find_if(params.begin(), params.end(), [name](const auto &p) { return p.first == name; });
  return it == params.end() ? nullptr : &it->second;
}

/// What passed over an application not selected under one delegate per State: a delegate of
/// its State sponsored ("state_sponsored") or on the waiting list ("state_waiting"); empty when
/// neither (the fund is exhausted).
std::string_view one_per_state_reason(const Reason &reason) {
  for (const std::string_view why : {"state_sponsored", "state_waiting"}) {
    const auto *flag = param(reason.params, why);
    if (flag && *flag == "true") {
      return why;
    }
  }
  return {};
}

/// "State Party, least developed country, first-time participant".
std::string profile(const Params &params, const util::Lang &lang) {
  std::string text = lang.text(fmt::format("party_status.{}", *param(params, "status")));
  if (const auto *ldc = param(params, "ldc"); ldc && *ldc == "true") {
    text += lang.text("profile.ldc");
  }
  if (const auto *first = param(params, "first_time"); first && *first == "true") {
    text += lang.text("profile.first_time");
  }
  return text;
}

/// A parameter as people read it in `lang`, by its name (see render_reason).
std::string render_param(const std::string &name, const std::string &value, const util::Lang &lang,
                         const model::StateTable &states) {
  if (name == "state") {
    const auto id = states.find(value);
    return id ? states[*id].name(lang) : value;
  }
  if (name == "group") {
    // Mid-sentence ("not covered by the programme: no regional group"): not the label's capital.
    if (value == model::regional_group_code(model::RegionalGroup::none)) {
      return lang.text("reason.no_regional_group");
    }
    const auto group = model::parse_regional_group(value);
    return group ? model::regional_group_name(*group, lang) : value;
  }
  if (name == "status") {
    return lang.text(fmt::format("party_status.{}", value));
  }
  if (name == "remaining" || name == "cost") {
    return util::group_digits(value, lang);
  }
  if (name == "share" || name == "target") {
    return util::localize_decimal(value, lang);
  }
  if (name == "received" || name == "end") {
    const auto date = util::Date::parse(value);
    return date ? util::long_date(*date, lang) : value;
  }
  return value;
}

/// `number` (a parameter's text) in the catalogue's plural `id` ("1 eligible woman applied"), or
/// as written when it is no whole number (a document edited by hand).
std::string counted(const std::string &id, const std::string &number, const util::Lang &lang) {
  std::int64_t count = 0;
  const char *end = number.data() + number.size();
  const auto [stop, error] = std::from_chars(number.data(), end, count);
  return error == std::errc() && stop == end ? lang.plural(id, count) : number;
}

/// A target note's counts, `{sponsored_count}` ("1 parrainé") and `{eligible_count}`, then its
/// `{outcome}`: met, or not met with how many eligible applications there were
/// (`{eligible_count}`: the catalogue's plural `count.eligible.CODE`, "1 eligible woman applied").
std::string outcome(std::string_view prefix, const Reason &reason, const std::string &met,
                    std::vector<util::Arg> &args, const util::Lang &lang) {
  if (const auto *sponsored = param(reason.params, "sponsored")) {
    args.emplace_back("sponsored_count", counted("count.sponsored", *sponsored, lang));
  }
  if (met == "true") {
    return lang.text("target.met");
  }
  if (const auto *eligible = param(reason.params, "eligible")) {
    args.emplace_back("eligible_count",
                      counted(fmt::format("count.eligible.{}", reason.code), *eligible, lang));
  }
  return lang.text(fmt::format("{}.{}.not_met", prefix, reason.code),
                   std::span<const util::Arg>(args));
}

} // namespace

std::string render_reason(std::string_view prefix, const Reason &reason, const util::Lang &lang,
                          const model::StateTable &states, std::string_view currency) {
  std::vector<util::Arg> args;
  args.emplace_back("currency", std::string(currency));
  for (const auto &[name, value] : reason.params) {
    args.emplace_back(name, render_param(name, value, lang, states));
  }
  if (const auto *state = param(reason.params, "state")) {
    const auto id = states.find(*state);
    args.emplace_back(
        "of_state",
        lang.phrase("grammar.of_state", {{"name", id ? states[*id].formal_name(lang) : *state}}));
  }
  if (param(reason.params, "status")) {
    args.emplace_back("profile", profile(reason.params, lang));
  }
  if (param(reason.params, "remaining")) {
    const std::string fund_left = lang.text("reason.fund_left", std::span<const util::Arg>(args));
    args.emplace_back("fund_left", fund_left);
    const std::string_view why = one_per_state_reason(reason);
    args.emplace_back("left", why.empty() ? fund_left
                                          : lang.text(fmt::format("reason.{}", why),
                                                      std::span<const util::Arg>(args)));
  }
  if (const auto *met = param(reason.params, "met")) {
    std::string words = outcome(prefix, reason, *met, args, lang);
    args.emplace_back("outcome", std::move(words));
  }
  return lang.text(fmt::format("{}.{}", prefix, reason.code), std::span<const util::Arg>(args));
}

Reason for_applicant(const Reason &reason) {
  const std::string_view why = one_per_state_reason(reason);
  if (reason.code == "fund_exhausted" && !why.empty()) {
    return Reason{std::string(why), reason.params};
  }
  return reason;
}

io::Node reason_node(const Reason &reason) {
  io::Node node = io::Node::mapping();
  node.add("code", io::Node::string(reason.code));
  for (const auto &[name, value] : reason.params) {
    node.add(name, value == "true" || value == "false" ? io::Node::boolean(value == "true")
                   : util::is_plain_decimal(value)     ? io::Node::number(value)
                                                       : io::Node::string(value));
  }
  return node;
}

Reason reason_from_node(const io::Node &node) {
  Reason reason{node.at("code").as_text(), {}};
  for (const auto &entry : node.as_mapping().entries()) {
    if (entry.key != "code") {
      reason.params.emplace_back(entry.key, entry.value.as_any_text());
    }
  }
  return reason;
}

} // namespace isukit::sponsor
