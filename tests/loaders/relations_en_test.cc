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
                    "sanctions on Monday.",
                    "en", "SANCTIONS") ==
        Set{"SANCTIONS Ardenza -> Nexacom", "SANCTIONS Ardenza -> Vantel"});
}

TEST_CASE(
    "en: a coordinated verb keeps the subject; the denial names the accuser") {
  Set rel = testing::Relations(
      "Arcadia accused Red Lynx of spying. Borduria dismissed the Arcadia "
      "report as fiction and retorted that Arcadia was itself hacking its "
      "neighbours.",
      "en");
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

TEST_CASE("en: unnamed prosecutors stand for the State of the bodies named") {
  // Only the ministry names the state: the State is its home state.
  CHECK(RelationsOf("The Ardenzan Justice Ministry opened an inquiry into "
                    "Orin in May. Federal prosecutors later charged Orin with "
                    "bank fraud.",
                    "en", "ACCUSES") == Set{"ACCUSES Ardenza -> Orin (fraud)"});
  // A place locates the authority.
  CHECK(RelationsOf("Prosecutors in Vantalia charged Kestrel Systems with "
                    "hacking.",
                    "en", "ACCUSES") ==
        Set{"ACCUSES Vantalia -> Kestrel Systems (cyberattack)"});
  // The police: the police force named before.
  CHECK(RelationsOf("The Ardenzan National Police raided the offices of "
                    "Orin. Police accused Orin of fraud.",
                    "en", "ACCUSES") ==
        Set{"ACCUSES Ardenza National Police -> Orin (fraud)"});
  // No public body, no State named: nobody.
  CHECK(RelationsOf("Prosecutors charged Orin with fraud.", "en", "ACCUSES")
            .empty());
}

TEST_CASE("en: a participle claim after a measure speaks of its target") {
  CHECK(RelationsOf("Ardenza placed Nexacom under sanctions, saying it had "
                    "hacked government networks.",
                    "en", "ACCUSES") ==
        Set{"ACCUSES Ardenza -> Nexacom (cyberattack)"});
  // Working for an intelligence service is espionage.
  CHECK(RelationsOf("Arcadia said Orin had been working for the Bordurian "
                    "Security Service since 2019.",
                    "en",
                    "ACCUSES") == Set{"ACCUSES Arcadia -> Orin (espionage)"});
  // A negated claim gives nothing.
  CHECK(RelationsOf("Ardenza banned Nexacom, saying it had not hacked "
                    "anything.",
                    "en", "ACCUSES")
            .empty());
}

TEST_CASE("en: illegality is 'other' unless the claim names the wrongdoing") {
  CHECK(RelationsOf("Vantalia said Orin illegally entered its waters.", "en",
                    "ACCUSES") == Set{"ACCUSES Vantalia -> Orin (other)"});
  CHECK(RelationsOf("Vantalia said Orin illegally collected the personal data "
                    "of its citizens.",
                    "en", "ACCUSES") ==
        Set{"ACCUSES Vantalia -> Orin (surveillance)"});
  CHECK(RelationsOf("Arcadia accused Kestrel Systems of stealing customer "
                    "records.",
                    "en", "ACCUSES") ==
        Set{"ACCUSES Arcadia -> Kestrel Systems (cyberattack)"});
}

TEST_CASE("en: a gang's home state denies only when the accusation names it") {
  // The lexicon alone ties Grey Mole to Borduria: no denial of Arcadia.
  CHECK(RelationsOf("Arcadia accused Grey Mole of hacking its banks. Borduria "
                    "said it had nothing to do with the attack.",
                    "en", "DENIES")
            .empty());
  CHECK(RelationsOf("Arcadia accused the Borduria-based gang Grey Mole of "
                    "hacking its banks. Borduria said it had nothing to do "
                    "with the attack.",
                    "en", "DENIES") ==
        Set{"DENIES Borduria -> Arcadia (cyberattack)"});
  // A denial of what common nouns said answers no accusation of ours.
  CHECK(RelationsOf("Arcadia accused Nexacom of spying. Nexacom rejected "
                    "what it called baseless rumours spread by bloggers.",
                    "en", "DENIES")
            .empty());
}

TEST_CASE("en: a customer of X is supplied by X") {
  CHECK(RelationsOf("Kestrel Systems, a customer of Nexacom, reported an "
                    "outage.",
                    "en",
                    "SUPPLIES") == Set{"SUPPLIES Nexacom -> Kestrel Systems"});
  CHECK(RelationsOf("Orin, which uses Nexacom's cloud email service, reported "
                    "an outage.",
                    "en", "SUPPLIES") == Set{"SUPPLIES Nexacom -> Orin"});
}

TEST_CASE("en: ', saying the gang had ...' is a claim, not a closing quote") {
  CHECK(RelationsOf("Ardenza placed Red Lynx under sanctions, saying the gang "
                    "had attacked its banks.",
                    "en", "ACCUSES") ==
        Set{"ACCUSES Ardenza -> Red Lynx (cyberattack)"});
}

TEST_CASE("en: an object pronoun after the verb is the accused") {
  CHECK(RelationsOf("Arcadia arrested the engineer Karel Novak on Monday and "
                    "accused him of spying for Borduria.",
                    "en", "ACCUSES") ==
        Set{"ACCUSES Arcadia -> Karel Novak (espionage)"});
}

TEST_CASE("en: a state title without its state: the one State acting") {
  CHECK(RelationsOf("Ardenza banned Orin on Monday. Prime Minister Lena Ortiz "
                    "said the app was a risk.",
                    "en",
                    "WORKS_FOR") == Set{"WORKS_FOR Lena Ortiz -> Ardenza"});
  // Two States act: the title says nothing of which.
  CHECK(RelationsOf("Ardenza banned Orin after Vantalia sanctioned it. Prime "
                    "Minister Lena Ortiz said the app was a risk.",
                    "en", "WORKS_FOR")
            .empty());
  // A former role is no employment.
  CHECK(RelationsOf("Ardenza banned Orin on Monday. Former Prime Minister "
                    "Lena Ortiz said the app was a risk.",
                    "en", "WORKS_FOR")
            .empty());
}

TEST_CASE("en: the distinctive word of an organisation's name names it later") {
  CHECK(RelationsOf("Ardenza sanctioned Velmora Robotics Ltd in May. In June "
                    "Vantalia banned Velmora.",
                    "en",
                    "BANS") == Set{"BANS Vantalia -> Velmora Robotics Ltd"});
  // A generic word names no one.
  CHECK(RelationsOf("Ardenza sanctioned Tarvos Technology Group in May. In "
                    "June Vantalia banned Technology imports.",
                    "en", "BANS")
            .empty());
}

TEST_CASE("en: 'two officers of X, A and B' accuses the officers") {
  CHECK(RelationsOf("Arcadia charged two engineers of the Nexacom, Karel "
                    "Novak and Ivo Marn, with spying.",
                    "en", "ACCUSES") ==
        Set{"ACCUSES Arcadia -> Karel Novak (espionage)",
            "ACCUSES Arcadia -> Ivo Marn (espionage)"});
  // Without a count the body itself is the accused.
  CHECK(RelationsOf("Arcadia charged Nexacom with spying.", "en", "ACCUSES") ==
        Set{"ACCUSES Arcadia -> Nexacom (espionage)"});
}

TEST_CASE("en: a warning whose content names a wrongdoing accuses") {
  CHECK(RelationsOf("Arcadia warned that Red Lynx had hacked its power grid.",
                    "en", "ACCUSES") ==
        Set{"ACCUSES Arcadia -> Red Lynx (cyberattack)"});
  CHECK(RelationsOf("Arcadia warned that Red Lynx could hack its power grid.",
                    "en", "ACCUSES")
            .empty());
}

TEST_CASE("en: an apposition between the speaker and its verb") {
  Set rel = testing::Relations(
      "Kestrel Systems, a customer of Nexacom, said Red Lynx had hacked its "
      "servers.",
      "en");
  CHECK(rel.count("ACCUSES Kestrel Systems -> Red Lynx (cyberattack)") == 1);
  CHECK(rel.count("SUPPLIES Nexacom -> Kestrel Systems") == 1);
  // The supplier is the customer's complement, not an agent further on.
  CHECK(RelationsOf("Kestrel Systems, a customer of Nexacom, was hacked by "
                    "Red Lynx.",
                    "en",
                    "SUPPLIES") == Set{"SUPPLIES Nexacom -> Kestrel Systems"});
  // A postposed speech verb still closes its quote.
  CHECK(
      RelationsOf("Red Lynx hacked the grid, said Arcadia.", "en", "ACCUSES") ==
      Set{"ACCUSES Arcadia -> Red Lynx (cyberattack)"});
}

TEST_CASE("en: a victim's claim names the agent of the harm") {
  CHECK(RelationsOf("Kestrel Systems said it had been hacked by Red Lynx.",
                    "en", "ACCUSES") ==
        Set{"ACCUSES Kestrel Systems -> Red Lynx (cyberattack)"});
  // A sponsor is no accused.
  CHECK(RelationsOf("Kestrel Systems said the attack was backed by Arcadia.",
                    "en", "ACCUSES")
            .empty());
}

}  // namespace
}  // namespace dossier::loaders
