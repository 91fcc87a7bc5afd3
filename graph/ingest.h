// Ingest: writes one article's Facts into the store as one atomic batch.
//
// Entities resolve through the alias index: first by their key ("wd:Q30" or
// "Label:folded name"), then by their folded canonical name, within their
// label; a resolved entity gains the new aliases (kept sorted and unique),
// otherwise a node is created. Each ACCUSES relation also becomes an
// Accusation node (accuser -MAKES-> Accusation -AGAINST-> accused); a DENIES
// relation points at the Accusation of the denied accuser in the same
// article (made when the article has none). Every fact edge carries
// `article` and `evidence`; the Article node MENTIONS every entity.
//
// Ingest is idempotent by article id, and the resulting graph does not depend
// on the order in which articles are ingested (ignoring internal ids).
#ifndef DOSSIER_GRAPH_INGEST_H_
#define DOSSIER_GRAPH_INGEST_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "graph/facts.h"
#include "graph/store.h"

namespace dossier::graph {

struct IngestReport {
  bool already_loaded = false;  // The article was in the store: no change.
  NodeId article_node = 0;
  int64_t entities_created = 0;
  int64_t entities_merged = 0;
  int64_t relations_written = 0;
};

// Writes `facts` in one write transaction. Errors: InvalidArgument for facts
// that break the schema (a relation naming an unknown entity key); store
// errors as Store returns them. On error nothing is written.
absl::StatusOr<IngestReport> IngestFacts(Store& store, const Facts& facts);

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_INGEST_H_
