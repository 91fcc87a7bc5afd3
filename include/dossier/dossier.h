// The Dossier embedding API: include this one header.
#ifndef DOSSIER_DOSSIER_H_
#define DOSSIER_DOSSIER_H_

#include "dossier/database.h"
#include "dossier/result.h"
#include "dossier/value.h"

#endif  // DOSSIER_DOSSIER_H_
