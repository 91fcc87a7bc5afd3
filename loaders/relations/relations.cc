#include "loaders/relations/relations.h"

#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "loaders/relations/context.h"
#include "loaders/relations/document_pass.h"

namespace dossier::loaders {

namespace {

std::vector<graph::FactRelation> Collect(
    const RelationContext& ctx, std::string_view text,
    std::span<const Sentence> sentences, std::span<const Mention> mentions);

}  // namespace

std::vector<graph::FactRelation> ExtractRelations(
    std::string_view text, std::string_view lang,
    std::span<const Sentence> sentences, std::span<const Mention> mentions,
    const Gazetteer* gazetteer) {
  RelationContext ctx(text, lang, sentences, mentions, gazetteer);
  return Collect(ctx, text, sentences, mentions);
}

std::vector<graph::FactRelation> ExtractRelations(
    std::string_view text, std::string_view lang,
    std::span<const Sentence> sentences, std::span<const Mention> mentions,
    const Gazetteer* gazetteer, FoldedText folded) {
  RelationContext ctx(text, lang, sentences, mentions, gazetteer,
                      std::move(folded));
  return Collect(ctx, text, sentences, mentions);
}

namespace {

// The relations the document pass finds over `ctx`, once each.
std::vector<graph::FactRelation> Collect(
    const RelationContext& ctx, std::string_view text,
    std::span<const Sentence> sentences, std::span<const Mention> mentions) {
  std::vector<FoundRelation> found = DocumentPass(ctx).Run();
  std::vector<graph::FactRelation> out;
  std::set<std::tuple<std::string, std::string, std::string, std::string>> seen;
  for (const FoundRelation& f : found) {
    const std::string& src_key =
        f.source_key.empty() ? mentions[f.source].key : f.source_key;
    const std::string& tgt_key =
        f.target_key.empty() ? mentions[f.target].key : f.target_key;
    if (src_key == tgt_key) continue;
    std::string type(RelationTypeName(f.type));
    if (!seen.insert({type, src_key, tgt_key, f.kind}).second) continue;
    const Sentence& sent = sentences[f.sentence];
    graph::FactRelation r;
    r.type = std::move(type);
    r.source = src_key;
    r.target = tgt_key;
    r.kind = f.kind;
    r.evidence = std::string(text.substr(sent.begin, sent.end - sent.begin));
    r.start = static_cast<int64_t>(sent.begin);
    r.end = static_cast<int64_t>(sent.end);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

}  // namespace dossier::loaders
