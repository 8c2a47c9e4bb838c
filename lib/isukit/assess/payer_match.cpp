#include <isukit/assess/payer_match.hpp>
#include <isukit/io/shape.hpp>
#include <isukit/model/catalogue.hpp>
#include <isukit/util/text_fold.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

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

/// Where `name` occurs in `text` as whole words: each occurrence's first and past-the-last word.
std::vector<std::pair<std::size_t, std::size_t>> occurrences(const std::vector<std::string> &text,
                                                             const std::vector<std::string> &name) {
  std::vector<std::pair<std::size_t, std::size_t>> found;
  for (std::size_t at = 0; !name.empty() && at + name.size() <= text.size(); ++at) {
    if (std::equal(name.begin(), name.end(), text.begin() + static_cast<std::ptrdiff_t>(at))) {
      found.emplace_back(at, at + name.size());
    }
  }
  return found;
}

/// The words found in the names of more states than this are generic (republic, république,
/// kingdom, democratic, república...): sharing one says nothing of which state it is.
constexpr std::size_t generic_word_states = 5;

/// A formal name without its leading article, as payers write it: "the French Republic" ->
/// "French Republic", "la République française", "l'État plurinational de Bolivie" (folded).
std::string without_article(const std::string &folded) {
  for (std::string_view article : {"the ", "la ", "le ", "les ", "l ", "el ", "los ", "las "}) {
    if (folded.size() > article.size() && folded.starts_with(article)) {
      return folded.substr(article.size());
    }
  }
  return folded;
}

} // namespace

/// How close a name that does not occur whole in the text is: the words it shares with it (of
/// four letters or more, generic words aside). A formal name counts only whole: its other words
/// are adjectives (French, Swiss, Hellenic) that companies' names share (Swiss Re).
int PayerMatcher::shared_words(const std::vector<std::string> &text_words, const Key &name) const {
  if (name.how.starts_with("formal_")) {
    return 0;
  }
  int shared = 0;
  for (const auto &word : name.words) {
    if (word.size() >= 4 && !m_generic.contains(word) &&
        std::find(text_words.begin(), text_words.end(), word) != text_words.end()) {
      ++shared;
    }
  }
  return shared;
}

/// The states a name of which occurs whole in the text, but for an occurrence within a longer
/// name of another state that occurs there: "guinea" in "republic of guinea bissau" is part of
/// Guinea-Bissau's name, not Guinea's; in "guinea bissau and guinea" both states are named, and
/// in "papua new guinea bissau" the two names overlap, neither holding the other: both stay.
std::set<model::StateId>
PayerMatcher::named_whole(const std::vector<std::string> &text_words) const {
  struct Span {
    std::size_t first, last;
    model::StateId state;
  };
  std::vector<Span> spans;
  for (const auto &key : m_names) {
    if (key.how == "code") {
      continue; // "png", "gin": payers' words as often as codes
    }
    for (const auto &[first, last] : occurrences(text_words, key.words)) {
      spans.push_back({first, last, key.state});
    }
  }
  std::set<model::StateId> named;
  for (const auto &span : spans) {
    const bool within_longer = std::any_of(spans.begin(), spans.end(), [&](const Span &other) {
      return other.state != span.state && other.first <= span.first && span.last <= other.last &&
             other.last - other.first > span.last - span.first;
    });
    if (!within_longer) {
      named.insert(span.state);
    }
  }
  return named;
}

PayerMatcher::PayerMatcher(const model::StateTable &states,
                           const std::vector<std::pair<std::string, model::StateId>> &aliases,
                           const std::vector<std::string> &drop_words) {
  for (const auto &word : drop_words) {
    m_drop_words.push_back(util::fold_text(word));
  }
  std::stable_sort(m_drop_words.begin(), m_drop_words.end(),
                   [](const std::string &a, const std::string &b) { return a.size() > b.size(); });
  for (const auto &[text, state] : aliases) {
    m_aliases.push_back({normalize(text), state, "alias", {}});
  }
  for (std::size_t i = 0; i < states.size(); ++i) {
    add_names(states[static_cast<model::StateId>(i)], static_cast<model::StateId>(i));
  }
  for (std::size_t i = 0; i < m_names.size(); ++i) {
    m_exact[m_names[i].folded].push_back(i);
    m_names[i].words = words_of(m_names[i].folded);
  }
  find_generic_words();
}

/// A state's code, its names and its formal names (with and without their article) in every
/// language of the data.
void PayerMatcher::add_names(const model::State &state, model::StateId id) {
  m_names.push_back({util::fold_text(state.code), id, "code", {}});
  const util::LocalText names = state.names(); // all() refers into it
  for (const auto &[code, name] : names.all()) {
    m_names.push_back({util::fold_text(name), id, "name_" + code, {}});
  }
  if (!state.record) {
    return;
  }
  const util::LocalText formal = model::read_local_text(*state.record, "formal");
  for (const auto &[code, name] : formal.all()) {
    std::string folded = util::fold_text(name);
    std::string bare = without_article(folded);
    if (bare != folded) {
      m_names.push_back({std::move(folded), id, "formal_" + code, {}});
    }
    m_names.push_back({std::move(bare), id, "formal_" + code, {}});
  }
}

void PayerMatcher::find_generic_words() {
  std::unordered_map<std::string, std::pair<model::StateId, std::size_t>> seen; // last, states
  for (const auto &key : m_names) {
    for (auto &word : words_of(key.folded)) {
      auto [it, fresh] = seen.try_emplace(std::move(word), key.state, 1);
      if (!fresh && it->second.first != key.state) {
        it->second = {key.state, it->second.second + 1};
      }
    }
  }
  for (const auto &[word, use] : seen) {
    if (use.second > generic_word_states) {
      m_generic.insert(word);
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
  std::vector<const Key *> found;
  for (const auto &key : m_aliases) {
    if (!text.empty() && key.folded == text) {
      found.push_back(&key);
    }
  }
  if (const auto names = m_exact.find(text); found.empty() && names != m_exact.end()) {
    for (const std::size_t i : names->second) {
      found.push_back(&m_names[i]);
    }
  }
  std::set<model::StateId> states;
  for (const Key *key : found) {
    states.insert(key->state);
  }
  if (states.size() == 1) {
    return {PayerMatch::Outcome::matched, found.front()->state, found.front()->how, {}, 0};
  }
  if (states.size() > 1) {
    return {PayerMatch::Outcome::ambiguous, 0, {}, {states.begin(), states.end()}, states.size()};
  }
  return closest(text);
}

PayerMatch PayerMatcher::closest(const std::string &text) const {
  PayerMatch result;
  const auto text_words = words_of(text);
  const std::set<model::StateId> named = named_whole(text_words);
  std::map<model::StateId, int> best;
  for (const auto &key : m_names) {
    // A name occurring whole outweighs any count of shared words.
    const int score = named.contains(key.state) ? 1000
                      : key.how == "code"       ? 0
                                                : shared_words(text_words, key);
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
  if (const auto guess = ranked.empty() ? misspelt(text_words) : std::nullopt) {
    ranked.emplace_back(-1, *guess);
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

std::optional<model::StateId>
PayerMatcher::misspelt(const std::vector<std::string> &text_words) const {
  const auto nearly = [](const std::string &word, const std::string &name_word) {
    return word == name_word || !io::nearest(word, {name_word}).empty();
  };
  for (const auto &key : m_names) {
    if (key.how != "code" && key.words.size() == text_words.size() &&
        std::equal(text_words.begin(), text_words.end(), key.words.begin(), nearly)) {
      return key.state;
    }
  }
  return std::nullopt;
}

} // namespace isukit::assess
