#include "graph/ingest.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "graph/records.h"
#include "graph/status_macros.h"
#include "graph/text_fold.h"
#include "graph/transaction.h"

namespace dossier::graph {
namespace {

// Catalog ids of the news schema, resolved once per ingest.
struct Schema {
  Store& store;
  absl::StatusOr<uint32_t> Label(std::string_view n) {
    return store.GetOrCreate(CatalogKind::kLabel, n);
  }
  absl::StatusOr<uint32_t> Type(std::string_view n) {
    return store.GetOrCreate(CatalogKind::kType, n);
  }
  absl::StatusOr<uint32_t> Key(std::string_view n) {
    return store.GetOrCreate(CatalogKind::kPropKey, n);
  }
};

absl::Status AddString(Schema& schema, PropertyList* props,
                       std::string_view key, std::string_view value) {
  if (value.empty()) return absl::OkStatus();
  DOSSIER_ASSIGN_OR_RETURN(PropKeyId k, schema.Key(key));
  SetProperty(props, k, Value::String(value));
  return absl::OkStatus();
}

Value SortedStrings(std::set<std::string> strings) {
  ValueList list;
  for (const std::string& s : strings) list.push_back(Value::String(s));
  return Value::List(std::move(list));
}

// Finds or creates the node of `e`; returns its id.
absl::StatusOr<NodeId> ResolveEntity(Schema& schema, Transaction& t,
                                     const FactEntity& e, IngestReport* report) {
  DOSSIER_ASSIGN_OR_RETURN(LabelId label, schema.Label(e.label));
  const std::string key_alias = absl::StrCat("key:", e.key);
  const std::string name_alias = FoldKey(e.name);
  DOSSIER_ASSIGN_OR_RETURN(std::optional<NodeId> found,
                           t.LookupAlias(label, key_alias));
  if (!found) {
    DOSSIER_ASSIGN_OR_RETURN(found, t.LookupAlias(label, name_alias));
  }
  DOSSIER_ASSIGN_OR_RETURN(PropKeyId k_name, schema.Key("name"));
  DOSSIER_ASSIGN_OR_RETURN(PropKeyId k_aliases, schema.Key("aliases"));
  std::set<std::string> aliases(e.aliases.begin(), e.aliases.end());
  NodeId id;
  if (found) {
    ++report->entities_merged;
    id = *found;
    DOSSIER_ASSIGN_OR_RETURN(std::optional<NodeRecord> node, t.GetNode(id));
    if (!node) return absl::DataLossError("alias index names a missing node");
    if (const Value* old = FindProperty(node->props, k_aliases);
        old != nullptr && old->kind() == ValueKind::kList) {
      for (const Value& a : old->AsList()) {
        if (a.kind() == ValueKind::kString) aliases.insert(a.AsString());
      }
    }
    DOSSIER_RETURN_IF_ERROR(
        t.SetNodeProperty(id, k_aliases, SortedStrings(aliases)));
    // Order-independent choice of the canonical name and optional fields.
    const Value* old_name = FindProperty(node->props, k_name);
    if (old_name == nullptr || (old_name->kind() == ValueKind::kString &&
                                e.name < old_name->AsString())) {
      DOSSIER_RETURN_IF_ERROR(t.SetNodeProperty(id, k_name, Value::String(e.name)));
    }
    for (auto [field, value] :
         {std::pair<std::string_view, const std::string*>{"wikidata", &e.wikidata},
          {"kind", &e.kind},
          {"iso2", &e.iso2}}) {
      if (value->empty()) continue;
      DOSSIER_ASSIGN_OR_RETURN(PropKeyId k, schema.Key(field));
      const Value* old = FindProperty(node->props, k);
      if (old == nullptr || (old->kind() == ValueKind::kString &&
                             *value < old->AsString())) {
        DOSSIER_RETURN_IF_ERROR(t.SetNodeProperty(id, k, Value::String(*value)));
      }
    }
  } else {
    ++report->entities_created;
    PropertyList props;
    DOSSIER_RETURN_IF_ERROR(AddString(schema, &props, "name", e.name));
    DOSSIER_RETURN_IF_ERROR(AddString(schema, &props, "key", e.key));
    DOSSIER_RETURN_IF_ERROR(AddString(schema, &props, "wikidata", e.wikidata));
    DOSSIER_RETURN_IF_ERROR(AddString(schema, &props, "kind", e.kind));
    DOSSIER_RETURN_IF_ERROR(AddString(schema, &props, "iso2", e.iso2));
    SetProperty(&props, k_aliases, SortedStrings(aliases));
    LabelId labels[] = {label};
    DOSSIER_ASSIGN_OR_RETURN(id, t.CreateNode(labels, std::move(props)));
  }
  DOSSIER_RETURN_IF_ERROR(t.PutAlias(label, key_alias, id));
  DOSSIER_RETURN_IF_ERROR(t.PutAlias(label, name_alias, id));
  return id;
}

}  // namespace

absl::StatusOr<IngestReport> IngestFacts(Store& store, const Facts& facts) {
  IngestReport report;
  Schema schema{store};
  DOSSIER_ASSIGN_OR_RETURN(std::unique_ptr<Transaction> t, store.BeginWrite());
  DOSSIER_ASSIGN_OR_RETURN(std::optional<NodeId> existing,
                           t->LookupArticle(facts.article.id));
  if (existing) {
    report.already_loaded = true;
    report.article_node = *existing;
    return report;
  }

  // The Article node.
  const ArticleMeta& m = facts.article;
  PropertyList article_props;
  for (auto [key, value] : {std::pair<std::string_view, const std::string*>{"id", &m.id},
                            {"source_id", &m.source_id},
                            {"title", &m.title},
                            {"source", &m.source},
                            {"date", &m.date},
                            {"lang", &m.lang},
                            {"path", &m.path}}) {
    DOSSIER_RETURN_IF_ERROR(AddString(schema, &article_props, key, *value));
  }
  for (const auto& [key, value] : m.extra) {
    DOSSIER_RETURN_IF_ERROR(AddString(schema, &article_props, key, value));
  }
  DOSSIER_ASSIGN_OR_RETURN(LabelId article_label, schema.Label("Article"));
  LabelId article_labels[] = {article_label};
  DOSSIER_ASSIGN_OR_RETURN(report.article_node,
                           t->CreateNode(article_labels, std::move(article_props)));
  DOSSIER_RETURN_IF_ERROR(t->PutArticle(m.id, report.article_node));

  // Entities, and the Article's MENTIONS edges.
  DOSSIER_ASSIGN_OR_RETURN(TypeId mentions, schema.Type("MENTIONS"));
  std::map<std::string, NodeId> nodes;
  for (const FactEntity& e : facts.entities) {
    if (nodes.contains(e.key)) continue;
    DOSSIER_ASSIGN_OR_RETURN(NodeId id, ResolveEntity(schema, *t, e, &report));
    nodes[e.key] = id;
    DOSSIER_RETURN_IF_ERROR(
        t->CreateEdge(report.article_node, id, mentions, {}).status());
  }

  DOSSIER_ASSIGN_OR_RETURN(PropKeyId k_article, schema.Key("article"));
  DOSSIER_ASSIGN_OR_RETURN(PropKeyId k_evidence, schema.Key("evidence"));
  DOSSIER_ASSIGN_OR_RETURN(PropKeyId k_kind, schema.Key("kind"));
  auto fact_props = [&](const FactRelation& r) {
    PropertyList p;
    SetProperty(&p, k_article, Value::String(m.id));
    SetProperty(&p, k_evidence, Value::String(r.evidence));
    if (!r.kind.empty()) SetProperty(&p, k_kind, Value::String(r.kind));
    return p;
  };

  // Accusations first, so that denials can point at them.
  struct AccusationNode {
    NodeId node;
    std::string accuser;
    std::string kind;
  };
  std::vector<AccusationNode> accusations;
  DOSSIER_ASSIGN_OR_RETURN(LabelId accusation_label, schema.Label("Accusation"));
  auto make_accusation = [&](const FactRelation& r,
                             const std::string& accuser_key)
      -> absl::StatusOr<AccusationNode> {
    PropertyList p = fact_props(r);
    DOSSIER_RETURN_IF_ERROR(AddString(schema, &p, "date", m.date));
    DOSSIER_RETURN_IF_ERROR(AddString(schema, &p, "lang", m.lang));
    DOSSIER_RETURN_IF_ERROR(AddString(
        schema, &p, "key", absl::StrCat(m.id, "#", accusations.size())));
    LabelId labels[] = {accusation_label};
    DOSSIER_ASSIGN_OR_RETURN(NodeId a, t->CreateNode(labels, std::move(p)));
    DOSSIER_ASSIGN_OR_RETURN(TypeId makes, schema.Type("MAKES"));
    DOSSIER_RETURN_IF_ERROR(
        t->CreateEdge(nodes.at(accuser_key), a, makes, fact_props(r)).status());
    AccusationNode made{a, accuser_key, r.kind};
    accusations.push_back(made);
    return made;
  };

  std::set<std::tuple<std::string, std::string, std::string, std::string>> seen;
  for (int pass = 0; pass < 2; ++pass) {
    for (const FactRelation& r : facts.relations) {
      bool is_accuses = r.type == "ACCUSES";
      if ((pass == 0) != is_accuses) continue;
      if (!nodes.contains(r.source) || !nodes.contains(r.target)) {
        return absl::InvalidArgumentError(absl::StrCat(
            "article ", m.id, ": a ", r.type,
            " relation names an entity the article does not define"));
      }
      if (!seen.insert({r.type, r.source, r.target, r.kind}).second) continue;
      DOSSIER_ASSIGN_OR_RETURN(TypeId type, schema.Type(r.type));
      NodeId src = nodes.at(r.source);
      NodeId dst = nodes.at(r.target);
      if (is_accuses) {
        DOSSIER_ASSIGN_OR_RETURN(AccusationNode a, make_accusation(r, r.source));
        DOSSIER_ASSIGN_OR_RETURN(TypeId against, schema.Type("AGAINST"));
        DOSSIER_RETURN_IF_ERROR(
            t->CreateEdge(a.node, dst, against, fact_props(r)).status());
        PropertyList p = fact_props(r);
        DOSSIER_RETURN_IF_ERROR(AddString(
            schema, &p, "accusation", absl::StrCat(m.id, "#", accusations.size() - 1)));
        DOSSIER_RETURN_IF_ERROR(t->CreateEdge(src, dst, type, std::move(p)).status());
      } else if (r.type == "DENIES") {
        // The gold writes denier -> accuser; the graph points at the
        // accuser's Accusation (same kind first, else any).
        const AccusationNode* target = nullptr;
        for (const AccusationNode& a : accusations) {
          if (a.accuser == r.target && a.kind == r.kind) target = &a;
        }
        for (const AccusationNode& a : accusations) {
          if (target == nullptr && a.accuser == r.target) target = &a;
        }
        AccusationNode made;
        if (target == nullptr) {
          DOSSIER_ASSIGN_OR_RETURN(made, make_accusation(r, r.target));
          target = &made;
        }
        DOSSIER_RETURN_IF_ERROR(
            t->CreateEdge(src, target->node, type, fact_props(r)).status());
      } else {
        DOSSIER_RETURN_IF_ERROR(
            t->CreateEdge(src, dst, type, fact_props(r)).status());
      }
      ++report.relations_written;
    }
  }
  DOSSIER_RETURN_IF_ERROR(t->Commit());
  return report;
}

}  // namespace dossier::graph
