// Tests for loaders/text/boilerplate and loaders/text/date_parse.
#include <doctest/doctest.h>

#include <string>

#include "loaders/text/boilerplate.h"
#include "loaders/text/date_parse.h"

namespace dossier::loaders {
namespace {

TEST_CASE("line rules in fr, vi, en") {
  for (const char* line : {
           "Abonnez-vous pour lire la suite", "Se connecter", "Đăng nhập",
           "Sign in to continue", "Nous utilisons des cookies pour améliorer "
           "votre expérience.", "Accept all", "Lire aussi : Huawei exclu de "
           "la 5G", "À lire aussi", "Xem thêm: Mỹ cấm Huawei", "Đọc thêm",
           "Read more: the ban explained", "Related:", "Photo : AFP",
           "Ảnh: Reuters", "© AFP", "Getty Images", "Crédit photo : Jane Doe",
           "Réagir à cet article", "Laisser un commentaire", "Bình luận",
           "Par Jean Dupont", "By Jane Smith, Reuters", "Publié le 5 mars 2019 "
           "à 10h00", "Cập nhật: 14/03/2019", "Inscrivez-vous à notre "
           "newsletter", "Sign up for our newsletter", "Nhận bản tin",
           "Twitter Facebook Linkedin Email", "Partager", "Chia sẻ", "×",
           "Pour en savoir plus, cliquez ici.", "Tous droits réservés",
           "Traduit de l'anglais par Jane Doe.", "Suivez-nous sur Twitter",
           "3 commentaires", "Jane Doe , , ,",
           "Le président à Pékin, en mars. Photo: Jane Doe/AFP",
       }) {
    CAPTURE(line);
    CHECK(IsBoilerplateLine(line));
  }
  for (const char* line : {
           "Huawei a inauguré mardi 5 janvier à Bruxelles un centre dédié à la "
           "cybersécurité.",
           "Huawei bác bỏ các cáo buộc rằng tập đoàn này có thể hỗ trợ cho "
           "hoạt động do thám của Trung Quốc.",
           "Theo hãng tin AP, ông Stoltenberg nói rằng một số thành viên lo "
           "ngại.",
           "Par la suite, l’Australie et la Nouvelle-Zélande ont fait de même.",
           "The FBI said the DarkSide ransomware gang was responsible.",
           "Faciliter les échanges", "Tensions sans précédent avec le Canada",
           "FOURNITURE DE SERVICES À DAHUA TECHNOLOGY",
       }) {
    CAPTURE(line);
    CHECK_FALSE(IsBoilerplateLine(line));
  }
}

TEST_CASE("caption above a credit, repeated title, tail") {
  const std::string text =
      "Abonnez-vous\n"
      "Un titre d'article\n"
      "Jeanne Martin\n"
      "Publié le\n"
      "\n"
      "   Premier paragraphe du corps de l'article, avec une phrase complète "
      "et assez de mots pour compter.   \n"
      "Un titre d'article\n"
      "Le siège de la société à Bruxelles\n"
      "© Flickr/Jane Doe\n"
      "\u2022 Deuxième paragraphe, lui aussi gardé.\n"
      "Troisième paragraphe du corps.\n"
      "Autre article à lire\n"
      "Autre article à lire\n"
      "Résumé de l'autre article.\n"
      "Réagir\n"
      "Votre entreprise dispose d'un contrat\n";
  CHECK(RemoveBoilerplate(text) ==
        "Un titre d'article\n"
        "Premier paragraphe du corps de l'article, avec une phrase complète et "
        "assez de mots pour compter.\n"
        "Deuxième paragraphe, lui aussi gardé.\n"
        "Troisième paragraphe du corps.");
  CHECK(RemoveBoilerplate("").empty());
  CHECK(RemoveBoilerplate("\n\n  \n").empty());
  CHECK(RemoveBoilerplate("Une ligne\r\nDeux lignes.\r\n") == "Une ligne\nDeux lignes.");
}

TEST_CASE("dates") {
  CHECK(ParseDate("2019-03-05T10:00:00Z") == "2019-03-05");
  CHECK(ParseDate("Publié le 05/03/2019 à 10h") == "2019-03-05");
  CHECK(ParseDate("le 1er mars 2019") == "2019-03-01");
  CHECK(ParseDate("March 5, 2019") == "2019-03-05");
  CHECK(ParseDate("5 August 2020") == "2020-08-05");
  CHECK(ParseDate("ngày 14 tháng 3 năm 2019") == "2019-03-14");
  CHECK(ParseDate("Thứ Năm, 14/3/2019 09:30") == "2019-03-14");
  CHECK(ParseDate("31/02/2019") == "");
  CHECK(ParseDate("Session : 2023-2024") == "");
  CHECK(ParseDate("ngày 14-3") == "");
  std::string iso;
  CHECK(LooksLikeDateLine("Mis à jour le 23 mai 2020", &iso));
  CHECK(iso == "2020-05-23");
  CHECK_FALSE(LooksLikeDateLine(
      "Microsoft, Google et Amazon feraient parties d'une liste, révèle CNBC "
      "dans un article publié le 23 mai 2020.",
      &iso));
}

}  // namespace
}  // namespace dossier::loaders
