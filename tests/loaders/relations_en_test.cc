// English relation patterns on invented sentences (GUIDELINES §5-§7).
#include "relations_fixture.h"

namespace dossier::loaders {
namespace {

using testing::RelationsOf;
using Set = std::set<std::string>;

TEST_CASE("en: blamed X for, coordinated accusers; -backed adds nothing") {
  CHECK(RelationsOf("Arcadia and Vantalia blamed the Borduria-backed group "
                    "Red Lynx for the attack.",
                    "en", "ACCUSES") ==
        Set{"ACCUSES Arcadia -> Red Lynx (cyberattack)",
            "ACCUSES Vantalia -> Red Lynx (cyberattack)"});
}

TEST_CASE("en: charged X with hacking, then a denial") {
  std::string text =
      "Vantalia charged Orin with hacking. Orin denied the allegations.";
  CHECK(RelationsOf(text, "en", "ACCUSES") ==
        Set{"ACCUSES Vantalia -> Orin (cyberattack)"});
  CHECK(RelationsOf(text, "en", "DENIES") ==
        Set{"DENIES Orin -> Vantalia (cyberattack)"});
}

TEST_CASE("en: agentless passive and negation give nothing") {
  CHECK(RelationsOf("Nexacom was accused of fraud.", "en", "ACCUSES").empty());
  CHECK(RelationsOf("Arcadia did not accuse Kestrel Systems of spying.", "en",
                    "ACCUSES")
            .empty());
}

TEST_CASE("en: passive with agent") {
  CHECK(RelationsOf("Vantel was accused of espionage by Arcadia.", "en",
                    "ACCUSES") == Set{"ACCUSES Arcadia -> Vantel (espionage)"});
}

TEST_CASE("en: sanctions on coordinated targets") {
  CHECK(RelationsOf("Ardenza sanctioned Nexacom and Vantel.", "en",
                    "SANCTIONS") ==
        Set{"SANCTIONS Ardenza -> Nexacom", "SANCTIONS Ardenza -> Vantel"});
}

TEST_CASE("en: a hypothetical ban gives nothing") {
  CHECK(RelationsOf("Ardenza could ban Orin if the review finds a risk.", "en",
                    "BANS")
            .empty());
}

TEST_CASE("en: placed X and its partner under sanctions") {
  CHECK(RelationsOf("Ardenza placed Nexacom and its partner Vantel under "
                    "sanctions on Monday.", "en", "SANCTIONS") ==
        Set{"SANCTIONS Ardenza -> Nexacom", "SANCTIONS Ardenza -> Vantel"});
}

TEST_CASE("en: a coordinated verb keeps the subject; the denial names the accuser") {
  Set rel = testing::Relations(
      "Arcadia accused Red Lynx of spying. Borduria dismissed the Arcadia "
      "report as fiction and retorted that Arcadia was itself hacking its "
      "neighbours.", "en");
  CHECK(rel.count("ACCUSES Arcadia -> Red Lynx (espionage)") == 1);
  CHECK(rel.count("ACCUSES Borduria -> Arcadia (cyberattack)") == 1);
  CHECK(rel.count("DENIES Borduria -> Arcadia (espionage)") == 1);
}

TEST_CASE("en: did the same repeats the measure for new parties") {
  CHECK(RelationsOf("Ardenza banned Orin. Later Vantalia did the same.", "en",
                    "BANS") ==
        Set{"BANS Ardenza -> Orin", "BANS Vantalia -> Orin"});
}

TEST_CASE("en: an apposition 'X, part of Y' makes X the member") {
  CHECK(testing::RelationsOf("According to the filing, he was a manager in the "
                             "Kestrel Systems, part of Nexacom.",
                             "en", "MEMBER_OF") ==
        std::set<std::string>{"MEMBER_OF Kestrel Systems -> Nexacom"});
}

}  // namespace
}  // namespace dossier::loaders
