// Writer half of the kill -9 test: appends batches to a database until
// killed. Batch b creates kNodesPerBatch nodes labelled Batch with property
// batch = b, chained by NEXT relationships, plus an alias entry "batch b".
// It prints "committed b" after each commit.
//
// Usage: dossier_crash_writer DB_DIR FIRST_BATCH LAST_BATCH
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "graph/store.h"
#include "graph/transaction.h"

namespace {
constexpr int kNodesPerBatch = 40;
}

int main(int argc, char** argv) {
  using namespace dossier::graph;
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s DB FIRST LAST\n", argv[0]);
    return 2;
  }
  auto store = Store::Open(argv[1]);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  auto label = (*store)->GetOrCreate(CatalogKind::kLabel, "Batch");
  auto type = (*store)->GetOrCreate(CatalogKind::kType, "NEXT");
  auto key = (*store)->GetOrCreate(CatalogKind::kPropKey, "batch");
  auto pad = (*store)->GetOrCreate(CatalogKind::kPropKey, "pad");
  if (!label.ok() || !type.ok() || !key.ok() || !pad.ok()) return 1;
  const std::string padding(200, 'p');
  for (int b = std::atoi(argv[2]); b <= std::atoi(argv[3]); ++b) {
    auto t = (*store)->BeginWrite();
    if (!t.ok()) return 1;
    std::vector<NodeId> ids;
    LabelId labels[] = {*label};
    for (int i = 0; i < kNodesPerBatch; ++i) {
      auto n = (*t)->CreateNode(labels, {{*key, Value::Int(b)},
                                         {*pad, Value::String(padding)}});
      if (!n.ok()) return 1;
      if (!ids.empty() && !(*t)->CreateEdge(ids.back(), *n, *type, {}).ok()) {
        return 1;
      }
      ids.push_back(*n);
    }
    if (!(*t)->PutAlias(*label, "batch " + std::to_string(b), ids[0]).ok()) {
      return 1;
    }
    absl::Status s = (*t)->Commit();
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.ToString().c_str());
      return 1;
    }
    std::printf("committed %d\n", b);
    std::fflush(stdout);
  }
  return 0;
}
