#include <isukit/assess/payer_match.hpp>
#include <isukit/util/text_fold.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace isukit::assess {

namespace {

std::vector<std::string> words_of(std::string_view folded) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < folded.size()) {
    const auto end = std::min(folded.find(' ', start), folded.size());
    words.emplace_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

bool occurs_as_words(std::string_view text, std::string_view phrase) {
  return (" " + std::string(text) + " ").find(" " + std::string(phrase) + " ") != std::string::npos;
}

/// How close a name is: its occurring whole in the text outweighs any count of shared words.
int closeness(std::string_view text, const std::vector<std::string> &text_words,
              std::string_view name) {
  if (occurs_as_words(text, name)) {
    return 1000;
  }
  int shared = 0;
  for (const auto &word : words_of(name)) {
    if (word.size() >= 4 &&
        std::find(text_words.begin(), text_words.end(), word) != text_words.end()) {
      ++shared;
    }
  }
  return shared;
}

} // namespace

PayerMatcher::PayerMatcher(const model::StateTable &states,
                           const std::vector<std::pair<std::string, model::StateId>> &aliases,
                           const std::vector<std::string> &drop_words) {
  for (const auto &word : drop_words) {
    m_drop_words.push_back(util::fold_text(word));
  }
  std::stable_sort(m_drop_words.begin(), m_drop_words.end(),
                   [](const std::string &a, const std::string &b) { return a.size() > b.size(); });
  for (const auto &[text, state] : aliases) {
    m_aliases.push_back({normalize(text), state, "alias"});
  }
  for (std::size_t i = 0; i < states.size(); ++i) {
    const auto id = static_cast<model::StateId>(i);
    m_names.push_back({util::fold_text(states[id].code), id, "code"});
    const util::LocalText names = states[id].names();
    for (const auto &[code, name] : names.all()) {
      m_names.push_back({util::fold_text(name), id, "name_" + code});
    }
  }
}

std::string PayerMatcher::normalize(std::string_view payer) const {
  std::string text = util::fold_text(payer);
  for (const auto &word : m_drop_words) {
    text = util::drop_phrase(text, word);
  }
  return text;
}

PayerMatch PayerMatcher::match(std::string_view payer) const {
  const std::string text = normalize(payer);
  for (const auto *keys : {&m_aliases, &m_names}) {
    std::set<model::StateId> states;
    const Key *first = nullptr;
    for (const auto &key : *keys) {
      if (!text.empty() && key.folded == text) {
        states.insert(key.state);
        first = first ? first : &key;
      }
    }
    if (states.size() == 1) {
      return {PayerMatch::Outcome::matched, first->state, first->how, {}, 0};
    }
    if (states.size() > 1) {
      return {PayerMatch::Outcome::ambiguous, 0, {}, {states.begin(), states.end()}, states.size()};
    }
  }
  return closest(text);
}

PayerMatch PayerMatcher::closest(const std::string &text) const {
  PayerMatch result;
  const auto text_words = words_of(text);
  std::map<model::StateId, int> best;
  for (const auto &key : m_names) {
    const int score = key.how == "code" ? 0 : closeness(text, text_words, key.folded);
    if (score > 0 && score > best[key.state]) {
      best[key.state] = score;
    }
  }
  std::vector<std::pair<int, model::StateId>> ranked;
  for (const auto &[state, score] : best) {
    if (score > 0) {
      ranked.emplace_back(-score, state);
    }
  }
  std::sort(ranked.begin(), ranked.end());
  for (std::size_t i = 0; i < ranked.size() && i < 5; ++i) {
    result.candidates.push_back(ranked[i].second);
  }
  result.tied =
      static_cast<std::size_t>(std::count_if(ranked.begin(), ranked.end(), [&](const auto &r) {
        return r.first == ranked.front().first;
      }));
  result.outcome =
      result.tied > 1 ? PayerMatch::Outcome::ambiguous : PayerMatch::Outcome::unmatched;
  return result;
}

} // namespace isukit::assess
