#include "graph/ingest.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/node_hash_map.h"
#include "absl/strings/str_cat.h"
#include "graph/records.h"
#include "graph/status_macros.h"
#include "graph/text_fold.h"
#include "graph/transaction.h"

namespace dossier::graph {
namespace {

// Catalog ids of the news schema. The Store creates an id the first time a
// name is asked for, so the ids depend on the order of the first requests;
// this only remembers the answers.
class Schema {
 public:
  explicit Schema(Store& store) : store_(store) {}
  absl::StatusOr<uint32_t> Label(std::string_view n) {
    return Get(CatalogKind::kLabel, n);
  }
  absl::StatusOr<uint32_t> Type(std::string_view n) {
    return Get(CatalogKind::kType, n);
  }
  absl::StatusOr<uint32_t> Key(std::string_view n) {
    return Get(CatalogKind::kPropKey, n);
  }

 private:
  absl::StatusOr<uint32_t> Get(CatalogKind kind, std::string_view n) {
    auto& ids = ids_[static_cast<int>(kind)];
    if (auto it = ids.find(absl::string_view(n.data(), n.size()));
        it != ids.end()) {
      return it->second;
    }
    DOSSIER_ASSIGN_OR_RETURN(uint32_t id, store_.GetOrCreate(kind, n));
    ids.emplace(std::string(n), id);
    return id;
  }

  Store& store_;
  absl::flat_hash_map<std::string, uint32_t> ids_[3];
};

// What is known of the entities: alias index entries and entity node
// records, exactly as stored.
struct EntityTables {
  absl::flat_hash_map<std::pair<LabelId, std::string>, NodeId> aliases;
  absl::node_hash_map<NodeId, NodeRecord> nodes;

  void MergeFrom(EntityTables&& other) {
    for (auto& [k, v] : other.aliases) aliases[k] = v;
    for (auto& [id, record] : other.nodes) nodes[id] = std::move(record);
  }
};

absl::Status AddString(Schema& schema, PropertyList* props,
                       std::string_view key, std::string_view value) {
  if (value.empty()) return absl::OkStatus();
  DOSSIER_ASSIGN_OR_RETURN(PropKeyId k, schema.Key(key));
  SetProperty(props, k, Value::String(value));
  return absl::OkStatus();
}

Value SortedStrings(const std::set<std::string>& strings) {
  ValueList list;
  list.reserve(strings.size());
  for (const std::string& s : strings) list.push_back(Value::String(s));
  return Value::List(std::move(list));
}

// Resolves the entities of one article inside its write transaction. Reads
// go to this article's own writes, then to what earlier articles left in
// `known`, then to the store; everything read or written lands in
// `pending`, which joins `known` only when the article commits.
class EntityResolver {
 public:
  // `folded` remembers FoldKey of the names met (a pure function).
  EntityResolver(Schema& schema, Transaction& t, const EntityTables& known,
                 absl::flat_hash_map<std::string, std::string>& folded)
      : schema_(schema), t_(t), known_(known), folded_(folded) {}

  // Finds or creates the node of `e`; returns its id.
  absl::StatusOr<NodeId> Resolve(const FactEntity& e, IngestReport* report);

  EntityTables& pending() { return pending_; }

 private:
  absl::StatusOr<std::optional<NodeId>> FindAlias(LabelId label,
                                                  std::string_view alias);
  absl::Status PutAlias(LabelId label, std::string_view alias, NodeId id);
  // The node's record; nullptr when the store does not have it.
  absl::StatusOr<const NodeRecord*> FindNode(NodeId id);

  const std::string& Folded(const std::string& name);

  Schema& schema_;
  Transaction& t_;
  const EntityTables& known_;
  absl::flat_hash_map<std::string, std::string>& folded_;
  EntityTables pending_;
};

const std::string& EntityResolver::Folded(const std::string& name) {
  auto it = folded_.find(name);
  if (it == folded_.end()) it = folded_.emplace(name, FoldKey(name)).first;
  return it->second;
}

absl::StatusOr<std::optional<NodeId>> EntityResolver::FindAlias(
    LabelId label, std::string_view alias) {
  std::pair<LabelId, std::string> key(label, alias);
  if (auto it = pending_.aliases.find(key); it != pending_.aliases.end()) {
    return it->second;
  }
  if (auto it = known_.aliases.find(key); it != known_.aliases.end()) {
    return it->second;
  }
  DOSSIER_ASSIGN_OR_RETURN(std::optional<NodeId> found,
                           t_.LookupAlias(label, alias));
  if (found) pending_.aliases.emplace(std::move(key), *found);
  return found;
}

absl::Status EntityResolver::PutAlias(LabelId label, std::string_view alias,
                                      NodeId id) {
  std::pair<LabelId, std::string> key(label, alias);
  if (auto it = pending_.aliases.find(key); it != pending_.aliases.end()) {
    if (it->second == id) return absl::OkStatus();
  } else if (auto k = known_.aliases.find(key);
             k != known_.aliases.end() && k->second == id) {
    return absl::OkStatus();
  }
  DOSSIER_RETURN_IF_ERROR(t_.PutAlias(label, alias, id));
  pending_.aliases[std::move(key)] = id;
  return absl::OkStatus();
}

absl::StatusOr<const NodeRecord*> EntityResolver::FindNode(NodeId id) {
  if (auto it = pending_.nodes.find(id); it != pending_.nodes.end()) {
    return &it->second;
  }
  if (auto it = known_.nodes.find(id); it != known_.nodes.end()) {
    return &it->second;
  }
  DOSSIER_ASSIGN_OR_RETURN(std::optional<NodeRecord> node, t_.GetNode(id));
  if (!node) return nullptr;
  return &pending_.nodes.emplace(id, *std::move(node)).first->second;
}

absl::StatusOr<NodeId> EntityResolver::Resolve(const FactEntity& e,
                                               IngestReport* report) {
  DOSSIER_ASSIGN_OR_RETURN(LabelId label, schema_.Label(e.label));
  const std::string key_alias = absl::StrCat("key:", e.key);
  const std::string& name_alias = Folded(e.name);
  DOSSIER_ASSIGN_OR_RETURN(std::optional<NodeId> found,
                           FindAlias(label, key_alias));
  if (!found) {
    DOSSIER_ASSIGN_OR_RETURN(found, FindAlias(label, name_alias));
  }
  DOSSIER_ASSIGN_OR_RETURN(PropKeyId k_name, schema_.Key("name"));
  DOSSIER_ASSIGN_OR_RETURN(PropKeyId k_aliases, schema_.Key("aliases"));
  std::set<std::string> aliases(e.aliases.begin(), e.aliases.end());
  NodeId id;
  if (found) {
    ++report->entities_merged;
    id = *found;
    DOSSIER_ASSIGN_OR_RETURN(const NodeRecord* node, FindNode(id));
    if (node == nullptr) {
      return absl::DataLossError("alias index names a missing node");
    }
    PropertyList props = node->props;
    if (const Value* old = FindProperty(props, k_aliases);
        old != nullptr && old->kind() == ValueKind::kList) {
      for (const Value& a : old->AsList()) {
        if (a.kind() == ValueKind::kString) aliases.insert(a.AsString());
      }
    }
    SetProperty(&props, k_aliases, SortedStrings(aliases));
    // Order-independent choice of the canonical name and optional fields.
    const Value* old_name = FindProperty(props, k_name);
    if (old_name == nullptr || (old_name->kind() == ValueKind::kString &&
                                e.name < old_name->AsString())) {
      SetProperty(&props, k_name, Value::String(e.name));
    }
    for (auto [field, value] : {std::pair<std::string_view, const std::string*>{
                                    "wikidata", &e.wikidata},
                                {"kind", &e.kind},
                                {"iso2", &e.iso2}}) {
      if (value->empty()) continue;
      DOSSIER_ASSIGN_OR_RETURN(PropKeyId k, schema_.Key(field));
      const Value* old = FindProperty(props, k);
      if (old == nullptr ||
          (old->kind() == ValueKind::kString && *value < old->AsString())) {
        SetProperty(&props, k, Value::String(*value));
      }
    }
    if (props != node->props) {
      NodeRecord updated{id, node->labels, props};
      DOSSIER_RETURN_IF_ERROR(t_.RewriteNode(*node, std::move(props)));
      pending_.nodes[id] = std::move(updated);
    }
  } else {
    ++report->entities_created;
    PropertyList props;
    DOSSIER_RETURN_IF_ERROR(AddString(schema_, &props, "name", e.name));
    DOSSIER_RETURN_IF_ERROR(AddString(schema_, &props, "key", e.key));
    DOSSIER_RETURN_IF_ERROR(AddString(schema_, &props, "wikidata", e.wikidata));
    DOSSIER_RETURN_IF_ERROR(AddString(schema_, &props, "kind", e.kind));
    DOSSIER_RETURN_IF_ERROR(AddString(schema_, &props, "iso2", e.iso2));
    SetProperty(&props, k_aliases, SortedStrings(aliases));
    LabelId labels[] = {label};
    NodeRecord created{0, {label}, props};
    DOSSIER_ASSIGN_OR_RETURN(id, t_.CreateNode(labels, std::move(props)));
    created.id = id;
    pending_.nodes[id] = std::move(created);
  }
  DOSSIER_RETURN_IF_ERROR(PutAlias(label, key_alias, id));
  DOSSIER_RETURN_IF_ERROR(PutAlias(label, name_alias, id));
  return id;
}

}  // namespace

struct Ingester::Memory {
  Schema schema;
  // `entities` is the state at store version `version`, when `valid`.
  bool valid = false;
  uint64_t version = 0;
  EntityTables entities;
  absl::flat_hash_map<std::string, std::string> folded_names;

  explicit Memory(Store& store) : schema(store) {}
};

Ingester::Ingester(Store& store)
    : store_(store), memory_(std::make_unique<Memory>(store)) {}

Ingester::~Ingester() = default;

size_t Ingester::cached_entities() const {
  return memory_->entities.nodes.size();
}

absl::StatusOr<IngestReport> Ingester::Ingest(const Facts& facts) {
  IngestReport report;
  Schema& schema = memory_->schema;
  DOSSIER_ASSIGN_OR_RETURN(std::unique_ptr<Transaction> t, store_.BeginWrite());
  if (!memory_->valid || memory_->version != t->version()) {
    // Another writer committed since: what is in memory may be stale.
    memory_->entities = EntityTables();
    memory_->valid = true;
    memory_->version = t->version();
  }
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
  for (auto [key, value] :
       {std::pair<std::string_view, const std::string*>{"id", &m.id},
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
  DOSSIER_ASSIGN_OR_RETURN(
      report.article_node,
      t->CreateNode(article_labels, std::move(article_props)));
  DOSSIER_RETURN_IF_ERROR(t->PutArticle(m.id, report.article_node));

  // Entities, and the Article's MENTIONS edges. Every endpoint below was
  // just created or resolved in this transaction.
  EntityResolver resolver(schema, *t, memory_->entities, memory_->folded_names);
  DOSSIER_ASSIGN_OR_RETURN(TypeId mentions, schema.Type("MENTIONS"));
  std::map<std::string, NodeId> nodes;
  for (const FactEntity& e : facts.entities) {
    if (nodes.contains(e.key)) continue;
    DOSSIER_ASSIGN_OR_RETURN(NodeId id, resolver.Resolve(e, &report));
    nodes[e.key] = id;
    DOSSIER_RETURN_IF_ERROR(
        t->CreateEdgeKnownEndpoints(report.article_node, id, mentions, {})
            .status());
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
  DOSSIER_ASSIGN_OR_RETURN(LabelId accusation_label,
                           schema.Label("Accusation"));
  auto make_accusation =
      [&](const FactRelation& r,
          const std::string& accuser_key) -> absl::StatusOr<AccusationNode> {
    PropertyList p = fact_props(r);
    DOSSIER_RETURN_IF_ERROR(AddString(schema, &p, "date", m.date));
    DOSSIER_RETURN_IF_ERROR(AddString(schema, &p, "lang", m.lang));
    DOSSIER_RETURN_IF_ERROR(AddString(
        schema, &p, "key", absl::StrCat(m.id, "#", accusations.size())));
    LabelId labels[] = {accusation_label};
    DOSSIER_ASSIGN_OR_RETURN(NodeId a, t->CreateNode(labels, std::move(p)));
    DOSSIER_ASSIGN_OR_RETURN(TypeId makes, schema.Type("MAKES"));
    DOSSIER_RETURN_IF_ERROR(t->CreateEdgeKnownEndpoints(nodes.at(accuser_key),
                                                        a, makes, fact_props(r))
                                .status());
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
        DOSSIER_ASSIGN_OR_RETURN(AccusationNode a,
                                 make_accusation(r, r.source));
        DOSSIER_ASSIGN_OR_RETURN(TypeId against, schema.Type("AGAINST"));
        DOSSIER_RETURN_IF_ERROR(
            t->CreateEdgeKnownEndpoints(a.node, dst, against, fact_props(r))
                .status());
        PropertyList p = fact_props(r);
        DOSSIER_RETURN_IF_ERROR(
            AddString(schema, &p, "accusation",
                      absl::StrCat(m.id, "#", accusations.size() - 1)));
        DOSSIER_RETURN_IF_ERROR(
            t->CreateEdgeKnownEndpoints(src, dst, type, std::move(p)).status());
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
            t->CreateEdgeKnownEndpoints(src, target->node, type, fact_props(r))
                .status());
      } else {
        DOSSIER_RETURN_IF_ERROR(
            t->CreateEdgeKnownEndpoints(src, dst, type, fact_props(r))
                .status());
      }
      ++report.relations_written;
    }
  }
  const uint64_t base_version = t->version();
  DOSSIER_RETURN_IF_ERROR(t->Commit());
  // The commit is the only one since `base_version` (the writer lock was
  // held), so the store is now at base_version + 1.
  memory_->entities.MergeFrom(std::move(resolver.pending()));
  memory_->version = base_version + 1;
  return report;
}

absl::StatusOr<IngestReport> IngestFacts(Store& store, const Facts& facts) {
  Ingester ingester(store);
  return ingester.Ingest(facts);
}

}  // namespace dossier::graph
