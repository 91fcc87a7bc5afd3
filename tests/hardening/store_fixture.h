// A database of numbered batches for the damage and check tests: each batch
// is one write transaction adding a Batch node (with an indexed number and
// a payload), an alias and a docs entry, and a relationship to the previous
// batch's node.
#ifndef DOSSIER_TESTS_HARDENING_STORE_FIXTURE_H_
#define DOSSIER_TESTS_HARDENING_STORE_FIXTURE_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "graph/store.h"
#include "graph/transaction.h"

namespace dossier::testing {

// Writes batches [first, last) into `store`. Returns the status of the
// first failing step.
inline absl::Status WriteBatches(graph::Store& store, int first, int last) {
  using graph::CatalogKind;
  auto label = store.GetOrCreate(CatalogKind::kLabel, "Batch");
  auto key = store.GetOrCreate(CatalogKind::kPropKey, "batch");
  auto payload = store.GetOrCreate(CatalogKind::kPropKey, "payload");
  auto type = store.GetOrCreate(CatalogKind::kType, "NEXT");
  if (!label.ok() || !key.ok() || !payload.ok() || !type.ok()) {
    return absl::InternalError("catalog");
  }
  for (int i = first; i < last; ++i) {
    auto t = store.BeginWrite();
    if (!t.ok()) return t.status();
    graph::LabelId labels[] = {*label};
    graph::PropertyList props = {
        {*key, graph::Value::Int(i)},
        {*payload, graph::Value::String(absl::StrCat(
                       "batch ", i, " ", std::string(600, 'a' + i % 26)))}};
    auto node = (*t)->CreateNode(labels, props);
    if (!node.ok()) return node.status();
    absl::Status s = (*t)->PutAlias(*label, absl::StrCat("batch ", i), *node);
    if (!s.ok()) return s;
    s = (*t)->PutArticle(absl::StrCat("article-", i), *node);
    if (!s.ok()) return s;
    if (*node > 0) {
      auto e = (*t)->CreateEdge(*node - 1, *node, *type, {});
      if (!e.ok()) return e.status();
    }
    s = (*t)->Commit();
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

// Counts Batch nodes and reads every one of them back (record, docs entry).
inline absl::StatusOr<int> CountBatches(graph::Store& store) {
  auto label = store.catalog().Find(graph::CatalogKind::kLabel, "Batch");
  if (!label) return 0;
  auto t = store.BeginRead();
  int count = 0;
  absl::Status inner;
  absl::Status s = t->ScanNodes(*label, [&](graph::NodeId id) {
    auto node = t->GetNode(id);
    if (!node.ok()) {
      inner = node.status();
      return false;
    }
    ++count;
    return true;
  });
  if (!s.ok()) return s;
  if (!inner.ok()) return inner;
  for (int i = 0; i < count; ++i) {
    auto doc = t->LookupArticle(absl::StrCat("article-", i));
    if (!doc.ok()) return doc.status();
    if (!doc->has_value()) {
      return absl::DataLossError(absl::StrCat("article-", i, " missing"));
    }
  }
  return count;
}

}  // namespace dossier::testing

#endif  // DOSSIER_TESTS_HARDENING_STORE_FIXTURE_H_
