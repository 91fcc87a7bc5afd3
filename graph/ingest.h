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
#include <memory>

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

// Ingests a stream of articles into one store. Between articles it keeps in
// memory what it read and wrote of the entities (their alias index entries
// and node records), so entity resolution reads the store only for entities
// it has not met yet, and writes only what changes (a merge that brings no
// new alias or name writes nothing but the MENTIONS edge). The memory is
// trusted only while the store's version shows that every commit since the
// last article came from this Ingester; any other commit drops it. The
// stored graph is the same as with IngestFacts.
//
// Thread safety: one thread at a time. Other threads may use the Store.
class Ingester {
 public:
  // REQUIRES: `store` outlives the Ingester.
  explicit Ingester(Store& store);
  ~Ingester();
  Ingester(const Ingester&) = delete;
  Ingester& operator=(const Ingester&) = delete;

  // Writes `facts` in one write transaction. Errors: InvalidArgument for
  // facts that break the schema (a relation naming an unknown entity key);
  // store errors as Store returns them. On error nothing is written and the
  // memory of entities stays as it was before the call.
  absl::StatusOr<IngestReport> Ingest(const Facts& facts);

  // Entities held in memory (for tests and statistics).
  size_t cached_entities() const;

 private:
  struct Memory;
  Store& store_;
  std::unique_ptr<Memory> memory_;
};

// One article with a fresh Ingester: same contract as Ingester::Ingest.
absl::StatusOr<IngestReport> IngestFacts(Store& store, const Facts& facts);

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_INGEST_H_
