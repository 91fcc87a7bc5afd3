#include "loaders/entities/coreference.h"

#include <algorithm>

#include "loaders/entities/folded_text.h"

namespace dossier::loaders {
namespace {

// Folded descriptions of an organisation. Longer ones first.
constexpr std::string_view kDescriptions[] = {
    "le géant", "la firme", "la société", "le groupe", "l'entreprise",
    "le fabricant", "l'opérateur", "l'équipementier", "le constructeur",
    "l'éditeur", "la start-up", "l'application", "la plateforme",
    "cette société", "cette entreprise", "ce groupe", "cette firme",
    "tập đoàn này", "công ty này", "hãng này", "nhóm này", "tổ chức này",
    "cơ quan này", "ứng dụng này", "nhóm tin tặc này", "hãng",
    "the company", "the firm", "the group", "the agency", "the gang",
    "the chipmaker", "the vendor", "the app", "the platform",
    "the manufacturer", "the operator", "the giant", "the carrier"};

}  // namespace

std::vector<Mention> ResolveDescriptions(std::string_view text,
                                         std::span<const Mention> mentions) {
  std::vector<Mention> out;
  FoldedText ft = FoldWithOffsets(text);
  std::string_view f = ft.folded;
  for (std::string_view description : kDescriptions) {
    // Folded like the text, whatever graph::FoldKey keeps.
    std::string folded_description = FoldWithOffsets(description).folded;
    std::string_view d = folded_description;
    size_t pos = 0;
    while ((pos = f.find(d, pos)) != std::string_view::npos) {
      size_t fe = pos + d.size();
      size_t at = pos;
      pos = fe;
      if (AlnumBefore(f, at) || AlnumAfter(f, fe)) continue;
      size_t b = ft.OriginalBegin(at), e = ft.OriginalEnd(fe);
      bool taken = false;
      for (const Mention& m : mentions) {
        if (b < m.end && m.begin < e) taken = true;
      }
      for (const Mention& m : out) {
        if (b < m.end && m.begin < e) taken = true;
      }
      if (taken) continue;
      // "la société Yealink": a cue, not a description.
      size_t next = e;
      while (next < text.size() && text[next] == ' ') ++next;
      if (next < text.size() && next > e) {
        size_t p = next;
        char32_t c = DecodeUtf8(text, &p);
        if (c < 0x80 && c >= 'A' && c <= 'Z') continue;
      }
      // A demonym right after restricts the antecedent.
      std::string state_key;
      for (const Mention& m : mentions) {
        if (m.is_demonym && m.begin >= e && m.begin <= e + 2) state_key = m.key;
      }
      const Mention* best = nullptr;
      for (const Mention& m : mentions) {
        if (m.begin >= b) break;
        if (m.label != "Organisation" || m.kind == "portfolio" ||
            !m.place_key.empty()) {
          continue;
        }
        if (!state_key.empty() && !m.home_state_key.empty() &&
            m.home_state_key != state_key) {
          continue;
        }
        best = &m;
      }
      if (best == nullptr) continue;
      Mention m = *best;
      m.begin = b;
      m.end = e;
      m.is_demonym = false;
      m.source = MentionSource::kCoreference;
      out.push_back(std::move(m));
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace dossier::loaders
