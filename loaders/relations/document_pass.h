// The document pass of the relation extractor: one walk over the sentences
// of a document that turns trigger matches into relations, keeping what the
// later sentences need (the relations found so far, the accusations for the
// denials, the last actor for pronouns, mention counts for the focus).
//
// Its methods are split by concern: document_pass.cc (the walk, subjects,
// kinds, anaphora, emission), document_pass_verbs.cc (verbal triggers,
// passives, measures, ellipsis), document_pass_claims.cc (nominal forms,
// claims, report frames), document_pass_denials.cc (denials).
//
// Not thread-safe; one DocumentPass per document.
#ifndef DOSSIER_LOADERS_RELATIONS_DOCUMENT_PASS_H_
#define DOSSIER_LOADERS_RELATIONS_DOCUMENT_PASS_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "loaders/relations/context.h"
#include "loaders/relations/tables.h"

namespace dossier::loaders {

// One trigger occurrence.
struct Hit {
  size_t begin = 0;
  size_t end = 0;
  const TriggerRow* row = nullptr;
};

// What one trigger produced: the parties on each side.
struct Event {
  RelationType type;
  std::vector<int> sources;
  std::vector<int> targets;
  std::string kind;
  size_t sentence = 0;
};

// True when mentions `a` and `b` name the same entity.
inline bool SameEntity(const RelationContext& ctx, int a, int b) {
  return ctx.mentions()[a].key == ctx.mentions()[b].key;
}

// True when one of the mentions `v` names the entity of mention `m`.
inline bool Contains(const RelationContext& ctx, const std::vector<int>& v,
                     int m) {
  for (int x : v) {
    if (SameEntity(ctx, x, m)) return true;
  }
  return false;
}

// How many sentences back a denial looks for the accusation it answers.
constexpr size_t kDenialReach = 4;

// Walks one document; Run() returns every relation found, duplicates
// included (ExtractRelations removes them).
class DocumentPass {
 public:
  explicit DocumentPass(const RelationContext& ctx) : ctx_(ctx) {}

  std::vector<FoundRelation> Run();

 private:
  std::vector<Hit> Triggers(size_t s) const;

  void Sentence(size_t s);

  // True when an accusation verb stands as a noun with its author after it:
  // "các cáo buộc của Washington", "the charges of X".
  bool NominalUse(size_t s, const Hit& hit) const;

  void Trigger(size_t s, const Hit& hit, bool object_of_denial);

  // The subject of a trigger, falling back on the document's last actor
  // when the subject is a pronoun ("Il a aussi mis en cause", "Ông còn
  // gọi").
  std::vector<int> Subject(size_t s, size_t at);

  // An authority named by its function only, right before token `at` in
  // its clause ("Federal prosecutors indicted", "la justice a inculpé",
  // "các công tố viên liên bang ở X công bố"): the body of that function
  // named earlier (the police → a police force), else the State of the
  // latest public body named before it (GUIDELINES §4: an unnamed body is
  // the State), as one of that State's mentions, else as that body's
  // mention with stand_in_ set. -1 when there is none.
  int UnnamedAuthority(size_t s, size_t at);

  // The kind of an accusation, from its wording: the act complement after
  // the accused ("accuse X de piratage", "charged X with hacking", "blamed
  // X for the hack") when there is one, else the first kind cue after the
  // trigger, else the trigger's own kind, else "other".
  static bool IsAdverb(std::string_view f);

  std::string Kind(size_t s, const Hit& hit,
                   const std::vector<int>& targets = {}) const;

  // Resolves an anaphor at token `i` ("la société", "the gang", "nhóm
  // này", "ces entités", "cette dernière") to earlier parties: a plural one
  // to the targets of the latest relation, a singular one to the latest
  // organisation (a person for "ce dernier"/"the latter") named before it
  // that is not among `exclude`.
  std::vector<int> Anaphor(size_t i, const std::vector<int>& exclude) const;

  // The first anaphor within `window` words after `from` in the clause.
  std::vector<int> AnaphorAfter(size_t s, size_t from, size_t window,
                                const std::vector<int>& exclude) const;

  void Emit(RelationType type, const std::vector<int>& sources,
            const std::vector<int>& targets, std::string kind, size_t s);

  bool Admissible(RelationType type, int src, int tgt) const;

  // Vietnamese passive with its agent inside: "bị X cáo buộc", "được X
  // hậu thuẫn" → the agent X; "bị cáo buộc" (no agent) → nothing.
  bool VietnamesePassive(size_t s, const Hit& hit, std::vector<int>* agent);

  void Active(size_t s, const Hit& hit);

  // "X, which it blamed for ...", "X, qu'il accuse de ...": the mention
  // before a relative pronoun followed by a subject pronoun, or -1.
  int RelativeAntecedent(size_t s, const Hit& hit) const;

  // The agent preposition at most two words before `hit` ("visée par des
  // sanctions"), or 0.
  size_t AgentBefore(size_t s, const Hit& hit) const;

  size_t AgentEnd(size_t s, const Hit& hit) const;

  // "Accusée de ... par X, Y": a participle opening the sentence.
  bool AtClauseStart(size_t s, const Hit& hit) const;

  // The referent of an object pronoun: the latest person named before the
  // trigger (l', lui, him, her, anh, ông, bà), else the document's focus.
  int PronounReferent(size_t s, const Hit& hit,
                      const std::vector<int>& sources) const;

  bool HasObjectPronoun(size_t s, const Hit& hit) const;

  // A measure's source is the institution, never the person announcing it:
  // a Person source gives way to the State or body named with it.
  std::vector<int> Institutions(size_t s, const std::vector<int>& sources);

  void Agentive(size_t s, const Hit& hit);

  // A warning whose content is a claim ("warned that X had hacked ...",
  // "a averti que X espionne ...", "cảnh báo X đã tấn công ..."): an
  // accusation when the content names a wrongdoing (ClaimContent) and
  // holds no hypothesis ("warned that X could ...").
  void WarningContent(size_t s, const Hit& hit,
                      const std::vector<int>& sources);

  // "accusé deux officiers du GRU, le renseignement militaire russe, X et
  // Y, d'avoir ...", "charged two officers of the X, A and B, with ...":
  // when the object `org` follows a counted noun and a genitive, the
  // persons named after it in the clause (before the act complement);
  // empty otherwise.
  std::vector<int> CountedMembers(size_t s, int org) const;

  // OPERATES: the operator (subject, agent of "run by / cogérés par / do X
  // vận hành", or the subject of a relative "le centre que le groupe
  // ouvre") and the Facility it runs; a place between an opening verb and
  // the facility ("a inauguré à Bruxelles un centre") locates it.
  void Operates(size_t s, const Hit& hit);

  // MEMBER_OF by creation or by seat: "X a été créée par des agences
  // émiratie, saoudienne et tunisienne", "founded by A and B" (founding
  // States are members); "des agences d'Iran et d'Égypte composent le
  // conseil", "l'agence d'Oman préside l'organisation" (seated States or
  // bodies are members of the organisation named or referred to).
  void MemberOf(size_t s, const Hit& hit);

  // The States listed from token `from` on ("des agences de cybersécurité
  // émiratie, saoudienne et pakistanaise", "France, Germany and Italy"),
  // after at most four words of head noun.
  std::vector<int> StatesAfter(size_t s, size_t from) const;

  // The States listed right before token `at` in its clause ("des agences
  // des Émirats arabes unis, d'Iran et de Malaisie composent").
  std::vector<int> StatesBefore(size_t s, size_t at) const;

  // "une équipe ... connue sous le nom d'OIC-CERT", "a team known as X",
  // "nhóm còn gọi là X": the mention so named within 16 tokens after
  // `from` in the clause, or -1.
  int KnownAs(size_t s, size_t from) const;

  // "plusieurs entreprises chinoises", "several Chinese firms", "các công
  // ty Trung Quốc" right after a measure or an accusation with no named
  // target: the organisations of that state named earlier in the document
  // (by their home state or a BASED_IN found), when there are two or more.
  std::vector<int> DemonymGroup(size_t s, size_t from) const;

  // The Facility mention ending within `window` tokens before token `at`
  // in sentence `s`, or -1.
  int FacilityBefore(size_t s, size_t at, size_t window) const;

  void UsedBy(size_t s, const Hit& hit);

  // The author of a nominal accusation: "accusations d'espionnage des
  // États-Unis", "cáo buộc của Washington", "formulées par Vantalie",
  // "Washington's allegations".
  std::vector<int> NominalAuthor(size_t s, const Hit& hit) const;

  void Nominal(size_t s, const Hit& hit, bool object_of_denial);

  // A nominal accusation without an author inside a participle clause:
  // "X a rompu avec Y, invoquant de forts soupçons ...", "X dropped Y,
  // citing allegations of ..." → X accuses Y.
  void ParticipleNominal(size_t s, const Hit& hit);

  // A claim whose content names a wrongdoing: "X affirme que Y ...", "X
  // cho rằng Y ...", "X said Y was responsible for the hack".
  void Claim(size_t s, const Hit& hit);

  void ClaimContent(size_t s, size_t from, const std::vector<int>& sources,
                    const Hit& hit);

  // True when tokens [from, to) say that someone works for an
  // intelligence service ("had been working for Russia's FSB", "travaille
  // pour le MSS", "làm việc cho FSB"): espionage (GUIDELINES §5).
  bool WorksForIntelligence(size_t from, size_t to) const;

  // «...», a-t-il dit / "...", said X / "...", X said: the speaker after
  // (or the document's last actor for a pronoun), the claim before. Returns
  // false when `hit` is not a postposed speech verb.
  bool PostposedClaim(size_t s, const Hit& hit);

  // A sponsor or beneficiary modifier: "do Bắc Kinh hậu thuẫn", "được
  // nhà nước Nga bảo trợ", "sponsored by X", "parrainé par X".
  bool IsSponsor(size_t s, int m) const;

  // "Selon X, Y aurait ...", "Theo X, Y ...", "According to X, Y ...".
  // A report frame opens its clause: "Selon X, ...", "..., theo X".
  bool FrameAtClauseStart(size_t s, const Hit& hit) const;

  void ReportFrame(size_t s, const Hit& hit);

  void Ellipsis(size_t s, const Hit& hit);

  void Denial(size_t s, const Hit& hit);

  bool Related(const Event& ev, const std::vector<int>& deniers) const;

  bool NamesAccusation(size_t s, const Hit& hit) const;

  // True when the clause after token `from` names the author of what is
  // denied as a common noun, not a party ("fabrications by journalists",
  // "des rumeurs lancées par la presse").
  bool UnnamedAuthorAfter(size_t s, size_t from) const;

  // The document's focus for an accusation without an explicit target:
  // the actor (other than the sources) mentioned most often so far.
  int Focus(const std::vector<int>& sources) const;

  void NoteActors(size_t s);

  const RelationContext& ctx_;
  std::vector<FoundRelation> found_;
  std::vector<Event> events_;
  std::vector<Event> accused_;  // Accusations, named accusers or not.
  std::vector<Hit> hits_;       // The triggers of the current sentence.
  int last_actor_ = -1;
  int previous_actor_ = -1;  // last_actor_ when the sentence began.
  // The grammatical subject of the sentence's last event when it is not
  // the event's source (a passive: "X a été créée par Y" → X), or -1.
  int sentence_subject_ = -1;
  size_t limit_ = 0;  // Where the current trigger's claim content ends.
  std::vector<int> explicit_accusers_;  // Authors named by this sentence.
  // A public body's mention standing for the State of an unnamed authority
  // when no mention names that State, and the State's key; -1 otherwise.
  int stand_in_ = -1;
  std::string stand_in_key_;
  std::map<std::string, std::pair<int, int>> counts_;  // key → (mention, n)
};

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_RELATIONS_DOCUMENT_PASS_H_
