#include "graph/check.h"

#include <memory>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "graph/key_codec.h"
#include "graph/records.h"
#include "graph/status_macros.h"
#include "graph/transaction.h"
#include "rocksdb/db.h"

namespace dossier::graph {
namespace {

std::string_view View(const rocksdb::Slice& s) { return {s.data(), s.size()}; }

std::string Hex(std::string_view bytes) {
  return absl::BytesToHexString(absl::string_view(bytes.data(), bytes.size()));
}

class Checker {
 public:
  explicit Checker(Store& store) : store_(store), db_(store.db()) {}
  ~Checker() {
    if (snapshot_ != nullptr) db_->ReleaseSnapshot(snapshot_);
  }

  absl::StatusOr<CheckReport> Run();

 private:
  void Problem(std::string line) {
    if (report_.problems.size() < CheckReport::kMaxListed) {
      report_.problems.push_back(std::move(line));
    }
    ++report_.problem_count;
  }
  // Scans one family; fn(key, value). Corruption becomes a problem; other
  // errors are returned.
  template <typename Fn>
  absl::Status Scan(Cf cf, const char* name, Fn fn);
  bool KnownId(CatalogKind kind, uint32_t id) const {
    return id < names_[static_cast<int>(kind)].size() &&
           !names_[static_cast<int>(kind)][id].empty();
  }

  absl::Status CheckNodes();
  absl::Status CheckEdges();
  absl::Status CheckIndexFamily(Cf cf, const char* name,
                                absl::flat_hash_set<std::string>* expected,
                                int64_t* count);
  absl::Status CheckAliasAndDocs();
  absl::Status CheckCounters();
  void CheckCsr(const Csr& csr);

  Store& store_;
  rocksdb::DB* db_;
  const rocksdb::Snapshot* snapshot_ = nullptr;
  CheckReport report_;
  std::vector<std::string> names_[3];
  absl::flat_hash_map<NodeId, std::vector<LabelId>> node_labels_;
  struct EdgeEnds {
    NodeId src;
    NodeId dst;
    TypeId type;
  };
  absl::flat_hash_map<EdgeId, EdgeEnds> edges_;
  absl::flat_hash_set<std::string> want_label_, want_prop_, want_out_, want_in_;
  NodeId max_node_ = 0;
  EdgeId max_edge_ = 0;
};

template <typename Fn>
absl::Status Checker::Scan(Cf cf, const char* name, Fn fn) {
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot_;
  ro.verify_checksums = true;
  ro.fill_cache = false;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, store_.cf(cf)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    fn(View(it->key()), View(it->value()));
  }
  if (it->status().IsCorruption()) {
    Problem(absl::StrCat("checksums: reading the ", name,
                         " family: ", it->status().ToString()));
    return absl::OkStatus();
  }
  return FromRocks(it->status(), absl::StrCat("scanning the ", name, " family"));
}

absl::Status Checker::CheckNodes() {
  return Scan(Cf::kNodes, "nodes", [&](std::string_view k, std::string_view v) {
    if (k.size() != 8) {
      Problem(absl::StrCat("records: malformed node key ", Hex(k)));
      return;
    }
    NodeId id = ReadU64(k);
    ++report_.nodes;
    max_node_ = std::max(max_node_, id);
    absl::StatusOr<NodeRecord> node = DecodeNodeRecord(id, v);
    if (!node.ok()) {
      node_labels_[id];
      Problem(absl::StrCat("records: node ", id, ": ", node.status().message()));
      return;
    }
    node_labels_[id] = node->labels;
    for (LabelId label : node->labels) {
      if (!KnownId(CatalogKind::kLabel, label)) {
        Problem(absl::StrCat("catalog: node ", id, " has label id ", label,
                             ", which the catalog does not hold"));
      }
      want_label_.insert(LabelKey(label, id));
      for (const auto& [key, value] : node->props) {
        std::string pk = PropPrefix(label, key);
        if (!AppendOrderedValue(value, &pk)) continue;
        AppendU64(id, &pk);
        want_prop_.insert(std::move(pk));
      }
    }
    for (const auto& [key, value] : node->props) {
      if (!KnownId(CatalogKind::kPropKey, key)) {
        Problem(absl::StrCat("catalog: node ", id, " has property key id ",
                             key, ", which the catalog does not hold"));
      }
    }
  });
}

absl::Status Checker::CheckEdges() {
  return Scan(Cf::kEdges, "edges", [&](std::string_view k, std::string_view v) {
    if (k.size() != 8) {
      Problem(absl::StrCat("records: malformed relationship key ", Hex(k)));
      return;
    }
    EdgeId id = ReadU64(k);
    ++report_.edges;
    max_edge_ = std::max(max_edge_, id);
    absl::StatusOr<EdgeRecord> edge = DecodeEdgeRecord(id, v);
    if (!edge.ok()) {
      Problem(absl::StrCat("records: relationship ", id, ": ",
                           edge.status().message()));
      return;
    }
    edges_[id] = EdgeEnds{edge->src, edge->dst, edge->type};
    if (!KnownId(CatalogKind::kType, edge->type)) {
      Problem(absl::StrCat("catalog: relationship ", id, " has type id ",
                           edge->type, ", which the catalog does not hold"));
    }
    for (const auto& [key, value] : edge->props) {
      if (!KnownId(CatalogKind::kPropKey, key)) {
        Problem(absl::StrCat("catalog: relationship ", id,
                             " has property key id ", key,
                             ", which the catalog does not hold"));
      }
    }
    for (NodeId end : {edge->src, edge->dst}) {
      if (!node_labels_.contains(end)) {
        Problem(absl::StrCat("edges: relationship ", id,
                             " points at node ", end, ", which does not exist"));
      }
    }
    want_out_.insert(AdjKey(edge->src, edge->type, edge->dst, id));
    want_in_.insert(AdjKey(edge->dst, edge->type, edge->src, id));
  });
}

// Each key of the family must be expected; each expected key must be there.
absl::Status Checker::CheckIndexFamily(
    Cf cf, const char* name, absl::flat_hash_set<std::string>* expected,
    int64_t* count) {
  std::vector<std::string> stale;
  DOSSIER_RETURN_IF_ERROR(
      Scan(cf, name, [&](std::string_view k, std::string_view) {
        ++*count;
        auto it = expected->find(absl::string_view(k.data(), k.size()));
        if (it == expected->end()) {
          stale.emplace_back(k);
        } else {
          expected->erase(it);
        }
      }));
  auto describe = [&](std::string_view k) {
    if ((cf == Cf::kOut || cf == Cf::kIn) && k.size() == 28) {
      AdjEntry e = DecodeAdjKey(k);
      return absl::StrCat("(node ", e.from, ", type ", e.type, ", node ", e.to,
                          ", relationship ", e.id, ")");
    }
    if (cf == Cf::kLabel && k.size() == 12) {
      return absl::StrCat("(label ", ReadU32(k), ", node ", ReadU64(k, 4), ")");
    }
    if (cf == Cf::kProp && k.size() >= 17) {
      return absl::StrCat("(label ", ReadU32(k), ", key ", ReadU32(k, 4),
                          ", node ", ReadU64(k, k.size() - 8), ")");
    }
    return Hex(k);
  };
  for (const std::string& k : stale) {
    Problem(absl::StrCat("indexes: ", name, " entry ", describe(k),
                         " has no matching record"));
  }
  std::vector<std::string> missing(expected->begin(), expected->end());
  std::sort(missing.begin(), missing.end());
  for (const std::string& k : missing) {
    Problem(absl::StrCat("indexes: ", name, " entry ", describe(k),
                         " is missing"));
  }
  expected->clear();
  return absl::OkStatus();
}

absl::Status Checker::CheckAliasAndDocs() {
  DOSSIER_RETURN_IF_ERROR(
      Scan(Cf::kAlias, "alias", [&](std::string_view k, std::string_view v) {
        ++report_.alias_entries;
        if (k.size() < 4 || v.size() != 8) {
          Problem(absl::StrCat("indexes: malformed alias entry ", Hex(k)));
          return;
        }
        LabelId label = ReadU32(k);
        NodeId node = ReadU64(v);
        std::string name(k.substr(4));
        auto it = node_labels_.find(node);
        if (it == node_labels_.end()) {
          Problem(absl::StrCat("indexes: alias '", name, "' points at node ",
                               node, ", which does not exist"));
        } else if (std::find(it->second.begin(), it->second.end(), label) ==
                   it->second.end()) {
          Problem(absl::StrCat("indexes: alias '", name, "' of label id ",
                               label, " points at node ", node,
                               ", which lacks that label"));
        }
      }));
  return Scan(Cf::kDocs, "docs", [&](std::string_view k, std::string_view v) {
    ++report_.docs_entries;
    if (v.size() != 8) {
      Problem(absl::StrCat("indexes: malformed docs entry ", std::string(k)));
      return;
    }
    NodeId node = ReadU64(v);
    if (!node_labels_.contains(node)) {
      Problem(absl::StrCat("indexes: article ", std::string(k),
                           " points at node ", node, ", which does not exist"));
    }
  });
}

absl::Status Checker::CheckCounters() {
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot_;
  for (auto [key, max] : {std::pair{"next_node", max_node_},
                          std::pair{"next_edge", max_edge_}}) {
    std::string value;
    rocksdb::Status s = db_->Get(ro, store_.cf(Cf::kMeta), key, &value);
    if (s.IsNotFound()) {
      value = std::string(8, '\0');
    } else if (s.IsCorruption()) {
      Problem(absl::StrCat("checksums: reading ", key, ": ", s.ToString()));
      continue;
    } else if (!s.ok()) {
      return FromRocks(s, "reading the counters");
    }
    bool used = std::string_view(key) == "next_node" ? report_.nodes > 0
                                                     : report_.edges > 0;
    if (value.size() != 8) {
      Problem(absl::StrCat("catalog: malformed counter ", key));
    } else if (used && ReadU64(value) <= max) {
      Problem(absl::StrCat("catalog: counter ", key, " is ", ReadU64(value),
                           " but id ", max, " is in use"));
    }
  }
  return absl::OkStatus();
}

void Checker::CheckCsr(const Csr& csr) {
  if (csr.num_vertices() != node_labels_.size()) {
    Problem(absl::StrCat("adjacency: the CSR has ", csr.num_vertices(),
                         " vertices, the store ", node_labels_.size(),
                         " nodes"));
  }
  if (csr.num_edges() != edges_.size()) {
    Problem(absl::StrCat("adjacency: the CSR has ", csr.num_edges(),
                         " relationships, the store ", edges_.size()));
  }
  int listed = 0;
  auto mismatch = [&](std::string what) {
    if (++listed <= 100) Problem(absl::StrCat("adjacency: ", what));
  };
  for (Csr::Vertex v = 0; v < csr.num_vertices(); ++v) {
    NodeId node = csr.NodeOf(v);
    if (!node_labels_.contains(node)) {
      mismatch(absl::StrCat("vertex of node ", node, ", which does not exist"));
    }
    for (uint64_t o = csr.OutBegin(v); o < csr.OutEnd(v); ++o) {
      EdgeId id = csr.EdgeOf(o);
      auto it = edges_.find(id);
      if (it == edges_.end() || it->second.src != node ||
          it->second.dst != csr.NodeOf(csr.Target(o)) ||
          it->second.type != csr.Type(o)) {
        mismatch(absl::StrCat("out-edge ", id, " of node ", node,
                              " does not match the stored relationship"));
      }
    }
    for (uint64_t slot = csr.InBegin(v); slot < csr.InEnd(v); ++slot) {
      uint64_t o = csr.InOrdinal(slot);
      if (o >= csr.num_edges() || csr.Target(o) != v ||
          csr.SourceOfOrdinal(o) != csr.InSource(slot)) {
        mismatch(absl::StrCat("in-edge slot ", slot, " of node ", node,
                              " does not match its out-edge"));
      }
    }
  }
}

absl::StatusOr<CheckReport> Checker::Run() {
  for (CatalogKind kind :
       {CatalogKind::kLabel, CatalogKind::kType, CatalogKind::kPropKey}) {
    names_[static_cast<int>(kind)] = store_.catalog().Names(kind);
  }
  // The Csr and the scans read the same state: take both before any write.
  std::unique_ptr<Transaction> read = store_.BeginRead();
  snapshot_ = db_->GetSnapshot();

  rocksdb::ReadOptions verify;
  verify.fill_cache = false;
  rocksdb::Status s = db_->VerifyChecksum(verify);
  if (s.IsCorruption()) {
    Problem(absl::StrCat("checksums: ", s.ToString()));
  } else if (!s.ok()) {
    return FromRocks(s, "verifying checksums");
  }

  DOSSIER_RETURN_IF_ERROR(CheckNodes());
  DOSSIER_RETURN_IF_ERROR(CheckEdges());
  DOSSIER_RETURN_IF_ERROR(
      CheckIndexFamily(Cf::kLabel, "label", &want_label_, &report_.label_entries));
  DOSSIER_RETURN_IF_ERROR(
      CheckIndexFamily(Cf::kProp, "prop", &want_prop_, &report_.prop_entries));
  DOSSIER_RETURN_IF_ERROR(CheckIndexFamily(Cf::kOut, "out", &want_out_,
                                           &report_.adjacency_entries));
  DOSSIER_RETURN_IF_ERROR(CheckIndexFamily(Cf::kIn, "in", &want_in_,
                                           &report_.adjacency_entries));
  DOSSIER_RETURN_IF_ERROR(CheckAliasAndDocs());
  DOSSIER_RETURN_IF_ERROR(CheckCounters());

  absl::StatusOr<std::shared_ptr<const Csr>> csr = read->GetCsr();
  if (!csr.ok()) {
    Problem(absl::StrCat("adjacency: cannot build the CSR: ",
                         csr.status().message()));
  } else {
    CheckCsr(**csr);
  }
  return std::move(report_);
}

}  // namespace

absl::StatusOr<CheckReport> CheckStore(Store& store) {
  Checker checker(store);
  return checker.Run();
}

}  // namespace dossier::graph
