// The state behind dossier::Database (api/ internal).
#ifndef DOSSIER_API_DATABASE_IMPL_H_
#define DOSSIER_API_DATABASE_IMPL_H_

#include <memory>

#include "absl/synchronization/mutex.h"
#include "dossier/database.h"
#include "graph/store.h"
#include "loaders/extract.h"

namespace dossier {

struct Database::Impl {
  std::unique_ptr<graph::Store> store;
  DatabaseOptions options;
  // Created on the first load (compiling the gazetteer takes a moment).
  absl::Mutex extractor_mu;
  std::unique_ptr<loaders::Extractor> extractor ABSL_GUARDED_BY(extractor_mu);

  // The extractor, created when first needed.
  absl::StatusOr<const loaders::Extractor*> GetExtractor();
};

}  // namespace dossier

#endif  // DOSSIER_API_DATABASE_IMPL_H_
