// French relation patterns on invented sentences (GUIDELINES §5-§7).
#include "relations_fixture.h"

namespace dossier::loaders {
namespace {

using testing::RelationsOf;
using Set = std::set<std::string>;

TEST_CASE("fr: accuse X de espionnage; the beneficiary is no target") {
  CHECK(RelationsOf("L'Ardenza accuse le groupe Nexacom d'espionnage au "
                    "profit de la Borduria.",
                    "fr", "ACCUSES") ==
        Set{"ACCUSES Ardenza -> Nexacom (espionage)"});
}

TEST_CASE("fr: agentless passive and a denial without accuser give nothing") {
  CHECK(RelationsOf("Nexacom a été accusé de fraude, ce que le groupe dément.",
                    "fr", "ACCUSES")
            .empty());
  CHECK(RelationsOf("Nexacom a été accusé de fraude, ce que le groupe dément.",
                    "fr", "DENIES")
            .empty());
}

TEST_CASE("fr: passive with agent is active") {
  CHECK(RelationsOf("Vantel a été accusée de piratage par la Vantalie.", "fr",
                    "ACCUSES") ==
        Set{"ACCUSES Vantalia -> Vantel (cyberattack)"});
}

TEST_CASE("fr: negation and hypothesis give nothing") {
  CHECK(RelationsOf("L'Arcadie n'accuse pas Kestrel Systems d'espionnage.",
                    "fr", "ACCUSES")
            .empty());
  CHECK(RelationsOf("Si un risque est avéré, l'Ardenza pourrait interdire "
                    "Nexacom.",
                    "fr", "BANS")
            .empty());
}

TEST_CASE("fr: coordination gives one edge per party") {
  CHECK(RelationsOf("L'Ardenza et la Vantalie ont accusé Red Lynx de "
                    "cyberattaques.",
                    "fr", "ACCUSES") ==
        Set{"ACCUSES Ardenza -> Red Lynx (cyberattack)",
            "ACCUSES Vantalia -> Red Lynx (cyberattack)"});
  CHECK(RelationsOf("La Borduria interdit Nexacom, Vantel et Orin.", "fr",
                    "BANS") == Set{"BANS Borduria -> Nexacom",
                                   "BANS Borduria -> Vantel",
                                   "BANS Borduria -> Orin"});
}

TEST_CASE("fr: a denial links the denier to the accuser, with the kind") {
  Set rel = testing::Relations(
      "L'Arcadie accuse Ostrava Labs de piratage. Ostrava Labs dément "
      "fermement ces accusations.",
      "fr");
  CHECK(rel.count("ACCUSES Arcadia -> Ostrava Labs (cyberattack)") == 1);
  CHECK(rel.count("DENIES Ostrava Labs -> Arcadia (cyberattack)") == 1);
}

TEST_CASE("fr: nominal accusation with its author") {
  Set rel = RelationsOf(
      "Les accusations de piratage formulées par la Vantalie contre Ostrava "
      "Labs sont « infondées », a répondu Ostrava Labs.",
      "fr", "ACCUSES");
  CHECK(rel == Set{"ACCUSES Vantalia -> Ostrava Labs (cyberattack)"});
}

TEST_CASE("fr: an elliptical clause repeats the measure") {
  Set rel = RelationsOf(
      "L'Arcadie a exclu Nexacom de son réseau. Par la "
      "suite, l'Ardenza et la Borduria ont fait de même.",
      "fr", "BANS");
  CHECK(rel == Set{"BANS Arcadia -> Nexacom", "BANS Ardenza -> Nexacom",
                   "BANS Borduria -> Nexacom"});
}

TEST_CASE("fr: concern is not an accusation") {
  CHECK(RelationsOf("L'Ardenza exprime des inquiétudes au sujet de Vantel.",
                    "fr", "ACCUSES")
            .empty());
}

TEST_CASE("fr: a suspicion cited in a participle clause accuses the partner") {
  CHECK(RelationsOf("Le club Vantel a rompu son contrat avec Kestrel Systems, "
                    "invoquant de « forts soupçons » de fraude.",
                    "fr", "ACCUSES") ==
        Set{"ACCUSES Vantel -> Kestrel Systems (fraud)"});
}

TEST_CASE("fr: postposed speaker, relative antecedent of the wrongdoing") {
  Set rel = RelationsOf(
      "Ostrava Labs a publié un rapport. « L'Ardenza achète les produits de "
      "Kestrel Systems, dont il a été prouvé qu'elle pratique l'espionnage "
      "», a-t-il dit.",
      "fr", "ACCUSES");
  CHECK(rel.count("ACCUSES Ostrava Labs -> Kestrel Systems (espionage)") == 1);
}

TEST_CASE("fr: a denial naming another kind answers no accusation") {
  Set rel = testing::Relations(
      "L'Arcadie accuse Vantel d'espionnage. Vantel nie toute fraude.", "fr");
  CHECK(rel.count("ACCUSES Arcadia -> Vantel (espionage)") == 1);
  CHECK(RelationsOf("L'Arcadie accuse Vantel d'espionnage. Vantel nie toute "
                    "fraude.",
                    "fr", "DENIES")
            .empty());
}

TEST_CASE("fr: passive measure with a demonym agent") {
  CHECK(RelationsOf("Nexacom est visée par des sanctions ardenzaises depuis "
                    "2019.",
                    "fr", "SANCTIONS") == Set{"SANCTIONS Ardenza -> Nexacom"});
}

TEST_CASE("fr: gifts to officials are corruption") {
  CHECK(testing::RelationsOf("L'Ardenza soupçonne Nexacom d'avoir offert des "
                             "cadeaux à des députés.",
                             "fr", "ACCUSES") ==
        std::set<std::string>{"ACCUSES Ardenza -> Nexacom (corruption)"});
}

TEST_CASE("fr: la justice et les procureurs sans État nommé") {
  // Only the ministry names the state: the State is its home state.
  CHECK(RelationsOf("Le ministère ardenzais de la Justice a ouvert une "
                    "enquête sur Orin. Les procureurs ont ensuite inculpé "
                    "Orin de fraude bancaire.",
                    "fr", "ACCUSES") == Set{"ACCUSES Ardenza -> Orin (fraud)"});
  // No public body, no State: nobody.
  CHECK(
      RelationsOf("Les enquêteurs soupçonnent Orin de fraude.", "fr", "ACCUSES")
          .empty());
}

TEST_CASE("fr: un participe après une mesure parle de sa cible") {
  CHECK(RelationsOf("L'Ardenza a sanctionné Nexacom, estimant qu'elle avait "
                    "piraté les réseaux du gouvernement.",
                    "fr", "ACCUSES") ==
        Set{"ACCUSES Ardenza -> Nexacom (cyberattack)"});
}

TEST_CASE("fr: l'illégalité est « other » sauf méfait nommé") {
  CHECK(RelationsOf("La Vantalie a affirmé qu'Orin était entrée illégalement "
                    "dans ses eaux.",
                    "fr",
                    "ACCUSES") == Set{"ACCUSES Vantalia -> Orin (other)"});
  CHECK(RelationsOf("La Vantalie affirme qu'Orin a vendu sans licence "
                    "d'exportation des logiciels à la Borduria.",
                    "fr", "ACCUSES") ==
        Set{"ACCUSES Vantalia -> Orin (sanctions_violation)"});
}

TEST_CASE("fr: récuser, propos calomnieux") {
  std::string text =
      "L'Arcadie accuse Kestrel Systems d'espionnage. Kestrel Systems récuse "
      "ces accusations.";
  CHECK(RelationsOf(text, "fr", "DENIES") ==
        Set{"DENIES Kestrel Systems -> Arcadia (espionage)"});
}

TEST_CASE("fr: le client de X est fourni par X") {
  CHECK(RelationsOf("Orin, cliente de Nexacom depuis 2019, a signalé une "
                    "panne.",
                    "fr", "SUPPLIES") == Set{"SUPPLIES Nexacom -> Orin"});
}

TEST_CASE("fr: un titre d'État sans l'État : le seul État qui agit") {
  CHECK(RelationsOf("L'Ardenza a interdit Orin lundi. Le Premier ministre Lena "
                    "Ortiz a salué la décision.",
                    "fr",
                    "WORKS_FOR") == Set{"WORKS_FOR Lena Ortiz -> Ardenza"});
}

TEST_CASE("fr: le mot distinctif d'un nom de société la désigne ensuite") {
  CHECK(RelationsOf("L'Ardenza a sanctionné la société Velmora Robotique en "
                    "mai. En juin, la Vantalie a interdit Velmora.",
                    "fr", "BANS") == Set{"BANS Vantalia -> Velmora Robotique"});
}

TEST_CASE("fr: coopérer dans le contenu d'une affirmation en fait partie") {
  CHECK(RelationsOf("L'Arcadie a mis en garde contre Nexacom et Vantel, "
                    "estimant que les lois borduriennes obligent ces sociétés "
                    "à coopérer avec les services de renseignement.",
                    "fr",
                    "ACCUSES") == Set{"ACCUSES Arcadia -> Nexacom (espionage)",
                                      "ACCUSES Arcadia -> Vantel (espionage)"});
}

TEST_CASE("fr: a bloqué, une interdiction") {
  CHECK(RelationsOf("Le 3 mai, l'Ardenza a bloqué Orin et Kestrel Systems.",
                    "fr", "BANS") ==
        Set{"BANS Ardenza -> Orin", "BANS Ardenza -> Kestrel Systems"});
}

TEST_CASE("fr: « deux officiers du X, A et B » ; l'État bordurien") {
  CHECK(RelationsOf(
            "Le procureur arcadien Ivo Marn a accusé deux ingénieurs de "
            "Nexacom, la firme bordurienne, Karel Novak et Jan Dvorak, "
            "d'espionnage.",
            "fr",
            "ACCUSES") == Set{"ACCUSES Ivo Marn -> Karel Novak (espionage)",
                              "ACCUSES Ivo Marn -> Jan Dvorak (espionage)"});
  CHECK(RelationsOf("L'Arcadie a mis en cause des « structures de l'État "
                    "bordurien » dans le piratage.",
                    "fr", "ACCUSES") ==
        Set{"ACCUSES Arcadia -> Borduria (cyberattack)"});
}

TEST_CASE("fr: un avertissement qui nomme un méfait accuse") {
  CHECK(RelationsOf("L'Arcadie a averti que Red Lynx avait piraté son réseau "
                    "électrique.",
                    "fr", "ACCUSES") ==
        Set{"ACCUSES Arcadia -> Red Lynx (cyberattack)"});
  CHECK(RelationsOf("L'Arcadie a averti que Red Lynx pourrait pirater son "
                    "réseau électrique.",
                    "fr", "ACCUSES")
            .empty());
}

TEST_CASE("fr: la victime qui nomme l'auteur du piratage accuse") {
  CHECK(RelationsOf("Kestrel Systems affirme avoir été piratée par Red Lynx.",
                    "fr", "ACCUSES") ==
        Set{"ACCUSES Kestrel Systems -> Red Lynx (cyberattack)"});
}

}  // namespace
}  // namespace dossier::loaders
