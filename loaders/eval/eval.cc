#include "loaders/eval/eval.h"

#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "graph/text_fold.h"
#include "loaders/eval/gold.h"
#include "loaders/read/articles.h"

namespace dossier::loaders {
namespace {

using Tuple = std::tuple<std::string, std::string, std::string, std::string>;

// Folded name without a leading article, for matching names.
std::string NameKey(std::string_view name) {
  std::string f = graph::FoldKey(name);
  for (std::string_view art :
       {"the ", "le ", "la ", "les ", "l'", "l ", "des ", "du "}) {
    if (f.size() > art.size() && f.compare(0, art.size(), art) == 0) {
      return f.substr(art.size());
    }
  }
  return f;
}

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Maps each predicted entity key to a gold entity name ("" when none).
std::map<std::string, std::string> MapEntities(
    const std::vector<graph::FactEntity>& predicted,
    const std::vector<GoldEntity>& gold) {
  std::map<std::string, std::string> by_name;  // NameKey → gold name.
  std::map<std::string, std::string> by_wd;
  for (const GoldEntity& g : gold) {
    if (!g.wikidata.empty()) by_wd[g.wikidata] = g.name;
  }
  for (const GoldEntity& g : gold) by_name.emplace(NameKey(g.name), g.name);
  for (const GoldEntity& g : gold) {
    for (const std::string& a : g.aliases) by_name.emplace(NameKey(a), g.name);
  }
  std::map<std::string, std::string> out;
  for (const graph::FactEntity& e : predicted) {
    std::string match;
    if (!e.wikidata.empty()) {
      if (auto it = by_wd.find(e.wikidata); it != by_wd.end()) {
        match = it->second;
      }
    }
    if (match.empty()) {
      if (auto it = by_name.find(NameKey(e.name)); it != by_name.end()) {
        match = it->second;
      }
    }
    if (match.empty()) {
      for (const std::string& a : e.aliases) {
        if (auto it = by_name.find(NameKey(a)); it != by_name.end()) {
          match = it->second;
          break;
        }
      }
    }
    out[e.key] = match.empty() ? absl::StrCat("?", e.name) : match;
  }
  return out;
}

bool HasKind(std::string_view type) {
  return type == "ACCUSES" || type == "DENIES";
}

void Count(const std::set<Tuple>& pred, const std::set<Tuple>& gold,
           Score* score) {
  for (const Tuple& t : pred) {
    if (gold.count(t))
      ++score->tp;
    else
      ++score->fp;
  }
  for (const Tuple& t : gold) {
    if (!pred.count(t)) ++score->fn;
  }
}

}  // namespace

absl::StatusOr<EvalReport> Evaluate(const Extractor& extractor,
                                    std::string_view gold_path,
                                    std::string_view articles_dir) {
  absl::StatusOr<std::string> content = ReadFile(std::string(gold_path));
  if (!content.ok()) return content.status();
  absl::StatusOr<std::vector<GoldDocument>> gold = ParseGold(*content);
  if (!gold.ok()) return gold.status();
  std::string dir =
      articles_dir.empty() ? "data/seeds" : std::string(articles_dir);

  EvalReport report;
  for (const GoldDocument& g : *gold) {
    ++report.documents;
    std::string name = !g.doc.empty()  ? g.doc
                       : !g.id.empty() ? g.id
                                       : absl::StrCat("#", report.documents);
    // The document.
    Document doc;
    bool ok = true;
    if (!g.text.empty()) {
      doc.text = graph::NormalizeNfc(g.text);
      doc.meta.lang = g.lang;
      doc.meta.path = name;
    } else {
      std::string path = absl::StrCat(dir, "/", g.doc);
      absl::StatusOr<ReadResult> read = ReadPath(path);
      if (!read.ok() || read->docs.empty()) {
        report.problems.push_back(absl::StrCat(
            name, ": ",
            read.ok() ? "no article" : std::string(read.status().message())));
        ok = false;
      } else {
        doc = std::move(read->docs.front());
      }
    }
    graph::Facts facts;
    if (ok) {
      absl::StatusOr<graph::Facts> f = extractor.Extract(doc);
      if (!f.ok()) {
        report.problems.push_back(
            absl::StrCat(name, ": ", std::string(f.status().message())));
      } else {
        facts = std::move(*f);
      }
    }
    // Gold and predicted tuples.
    std::map<std::string, std::string> names =
        MapEntities(facts.entities, g.entities);
    std::set<Tuple> gold_all, pred_all;
    std::map<Tuple, std::string> evidence;
    std::set<Tuple> gold_pairs, pred_pairs, gold_kind, pred_kind;
    for (const GoldRelation& r : g.relations) {
      Tuple t{r.type, r.source, r.target, HasKind(r.type) ? r.kind : ""};
      gold_all.insert(t);
      evidence.emplace(t, r.evidence);
      if (r.type == "ACCUSES") {
        gold_pairs.insert({"", r.source, r.target, ""});
        gold_kind.insert({"", r.source, r.target, r.kind});
      }
    }
    for (const graph::FactRelation& r : facts.relations) {
      Tuple t{r.type, names[r.source], names[r.target],
              HasKind(r.type) ? r.kind : ""};
      if (std::get<1>(t) == std::get<2>(t)) continue;
      pred_all.insert(t);
      evidence.emplace(t, r.evidence);
      if (r.type == "ACCUSES") {
        pred_pairs.insert({"", std::get<1>(t), std::get<2>(t), ""});
        pred_kind.insert({"", std::get<1>(t), std::get<2>(t), r.kind});
      }
    }
    Count(pred_all, gold_all, &report.overall);
    Count(pred_pairs, gold_pairs, &report.accuses_pairs);
    Count(pred_kind, gold_kind, &report.accuses_with_kind);
    std::set<std::string> types;
    for (const Tuple& t : gold_all) types.insert(std::get<0>(t));
    for (const Tuple& t : pred_all) types.insert(std::get<0>(t));
    for (const std::string& type : types) {
      std::set<Tuple> p, q;
      for (const Tuple& t : pred_all)
        if (std::get<0>(t) == type) p.insert(t);
      for (const Tuple& t : gold_all)
        if (std::get<0>(t) == type) q.insert(t);
      Count(p, q, &report.by_type[type]);
    }
    for (const Tuple& t : pred_all) {
      if (!gold_all.count(t)) {
        report.false_positives.push_back({name, std::get<0>(t), std::get<1>(t),
                                          std::get<2>(t), std::get<3>(t),
                                          evidence[t]});
      }
    }
    for (const Tuple& t : gold_all) {
      if (!pred_all.count(t)) {
        report.false_negatives.push_back({name, std::get<0>(t), std::get<1>(t),
                                          std::get<2>(t), std::get<3>(t),
                                          evidence[t]});
      }
    }
  }
  return report;
}

std::string FormatReport(const EvalReport& report, bool verbose) {
  std::string out;
  auto line = [&](std::string_view what, const Score& s) {
    absl::StrAppend(
        &out,
        absl::StrFormat("%-24s P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)\n",
                        std::string(what), s.Precision(), s.Recall(), s.F1(),
                        s.tp, s.fp, s.fn));
  };
  absl::StrAppend(&out, "documents: ", report.documents, "\n");
  for (const std::string& p : report.problems) {
    absl::StrAppend(&out, "problem: ", p, "\n");
  }
  for (const auto& [type, s] : report.by_type) line(type, s);
  line("overall", report.overall);
  line("who-accused-whom", report.accuses_pairs);
  line("who-accused-whom+kind", report.accuses_with_kind);
  if (verbose) {
    auto list = [&](std::string_view title, const std::vector<EvalError>& v) {
      absl::StrAppend(&out, std::string(title), ":\n");
      for (const EvalError& e : v) {
        absl::StrAppend(&out, "  [", e.doc, "] ", e.type, " ", e.source, " -> ",
                        e.target, e.kind.empty() ? "" : " (", e.kind,
                        e.kind.empty() ? "" : ")", "\n      | ",
                        e.evidence.substr(0, 300), "\n");
      }
    };
    list("false positives", report.false_positives);
    list("false negatives", report.false_negatives);
  }
  return out;
}

}  // namespace dossier::loaders
