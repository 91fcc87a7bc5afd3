// Tests for loaders/read: the seed articles, HTML and JSONL fixtures, bad
// bytes, and folder walking.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "loaders/read/article_id.h"
#include "loaders/read/articles.h"
#include "loaders/read/source.h"

namespace dossier::loaders {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)),
                     std::istreambuf_iterator<char>());
}

std::string SeedPath(const char* name) {
  return std::string(DOSSIER_SOURCE_DIR) + "/data/seeds/" + name;
}

Document ReadOne(const std::string& path) {
  absl::StatusOr<std::vector<Document>> docs = ReadArticles(path, Slurp(path));
  REQUIRE_MESSAGE(docs.ok(), docs.status().ToString());
  REQUIRE(docs->size() == 1);
  return (*docs)[0];
}

bool Contains(const std::string& s, std::string_view part) {
  return s.find(part) != std::string::npos;
}

TEST_CASE("ArticleId is the SHA-256 prefix") {
  // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
  CHECK(ArticleId("abc") == "ba7816bf8f01cfea414140de5dae2223");
  CHECK(Sha256Hex("").substr(0, 16) == "e3b0c44298fc1c14");
}

struct SeedCase {
  const char* file;
  const char* id;  // `sha256sum` of the file (the seeds are already NFC).
  const char* lang;
  const char* title;
};

TEST_CASE("seed articles: id, language, title") {
  const SeedCase cases[] = {
      {"000_213851ae49959c44.txt", "e5eea32a26180ad53b906a0cc8cbe40c", "fr",
       "Pour rassurer les Européens, Huawei ouvre un nouveau centre de "
       "cybersécurité à Bruxelles"},
      {"001_d60f469c9e1ad6ee.txt", "09beed3aa1b40f84e4047ad612a587ef", "fr",
       "La cyberagence de l’OCI collabore avec Huawei malgré sa possible "
       "implication dans la répression des Ouïghours"},
      {"002_108a80e4aac9931c.txt", "596613de0d7000e341602fec2b77052f", "fr",
       "Des entreprises américaines fourniraient des services web à des "
       "sociétés chinoises blacklistées"},
      {"003_e739f60cf9938d85.txt", "4609afa545c59bea0a47852274563b72", "vi",
       "Đến lượt NATO lo ngại Huawei"},
      {"004_99d60c4f5a05e122.txt", "f513b125524727f918f2697931ac1fa2", "fr",
       "L’utilisation des systèmes de vidéoconférences de la marque chinoise "
       "\"Yealink\" au sein des unités d’administration publique (UAP)"},
  };
  for (const SeedCase& c : cases) {
    CAPTURE(c.file);
    Document doc = ReadOne(SeedPath(c.file));
    CHECK(doc.meta.id == c.id);
    CHECK(doc.meta.lang == c.lang);
    CHECK(doc.meta.title == c.title);
    CHECK(doc.meta.path == SeedPath(c.file));
    CHECK(doc.meta.source_id.empty());
    // The title is the first line of the cleaned text.
    CHECK(doc.text.substr(0, doc.text.find('\n')) == c.title);
  }
}

TEST_CASE("seed articles: boilerplate gone, body kept") {
  Document d0 = ReadOne(SeedPath("000_213851ae49959c44.txt"));
  CHECK_FALSE(Contains(d0.text, "Abonnez-vous"));
  CHECK_FALSE(Contains(d0.text, "Identifiez-vous"));
  CHECK_FALSE(Contains(d0.text, "Mot de passe"));
  CHECK_FALSE(Contains(d0.text, "Rémi Amalvy"));
  CHECK_FALSE(Contains(d0.text, "Publié le"));
  CHECK_FALSE(Contains(d0.text, "Flickr"));
  CHECK_FALSE(Contains(d0.text, "Réagir"));
  CHECK_FALSE(Contains(d0.text, "Usine Connect"));
  CHECK_FALSE(Contains(d0.text, "Suivez-nous"));
  CHECK(Contains(d0.text, "Huawei a inauguré mardi 5 janvier à Bruxelles un "
                          "centre dédié à la cybersécurité."));
  CHECK(Contains(d0.text, "Les deux autres, respectivement cogérés par les "
                          "gouvernements britanniques et allemands, se "
                          "trouvent à Londres et Bonn."));
  CHECK(Contains(d0.text, "a été condamné à mort en janvier dernier."));
  // The repeated title is kept once.
  const std::string title = d0.meta.title;
  CHECK(d0.text.find(title, 1) == std::string::npos);

  Document d1 = ReadOne(SeedPath("001_d60f469c9e1ad6ee.txt"));
  CHECK_FALSE(Contains(d1.text, "Traduit de l’anglais"));
  CHECK_FALSE(Contains(d1.text, "cliquez ici"));
  CHECK(Contains(d1.text, "Middle East Eye a contacté l’Organisation"));

  Document d2 = ReadOne(SeedPath("002_108a80e4aac9931c.txt"));
  CHECK_FALSE(Contains(d2.text, "Recevez chaque jour"));
  CHECK_FALSE(Contains(d2.text, "Twitter Facebook Linkedin"));
  CHECK_FALSE(Contains(d2.text, "Unsplash"));
  CHECK_FALSE(Contains(d2.text, "Les commentaires postés"));
  CHECK_FALSE(Contains(d2.text, "\nmedia"));
  CHECK_FALSE(Contains(d2.text, "×"));
  CHECK(Contains(d2.text, "plusieurs entreprises américaines - dont Google, "
                          "Amazon et Microsoft"));
  CHECK(Contains(d2.text, "Pékin a nié à plusieurs reprises l'existence de "
                          "tels agissements."));

  Document d3 = ReadOne(SeedPath("003_e739f60cf9938d85.txt"));
  CHECK_FALSE(Contains(d3.text, "Ảnh: AP"));
  CHECK_FALSE(Contains(d3.text, "REUTERS"));
  CHECK_FALSE(Contains(d3.text, "Đừng bỏ lỡ"));
  CHECK_FALSE(Contains(d3.text, "Video đang xem nhiều"));
  CHECK_FALSE(Contains(d3.text, "Đọc thêm"));
  CHECK_FALSE(Contains(d3.text, "Đại học ở Anh lo ngại"));  // Related card.
  CHECK(Contains(d3.text, "Huawei bác bỏ các cáo buộc rằng tập đoàn này"));
  CHECK(Contains(d3.text, "tuần trước tuyên bố khởi kiện Mỹ về lệnh cấm trên"));
  CHECK(Contains(d3.text, "“không có bằng chứng”"));

  Document d4 = ReadOne(SeedPath("004_99d60c4f5a05e122.txt"));
  CHECK_FALSE(Contains(d4.text, "élément(s) trouvé(s)"));
  CHECK(Contains(d4.text, "DI RUPO Elio, Ministre-Président du Gouvernement wallon"));
  CHECK(Contains(d4.text, "\nYealink est un système de téléconférence."));  // Indent gone.
}

TEST_CASE("ReadPath walks a folder in sorted order") {
  absl::StatusOr<ReadResult> r = ReadPath(std::string(DOSSIER_SOURCE_DIR) + "/data/seeds");
  REQUIRE(r.ok());
  REQUIRE(r->docs.size() == 5);
  for (size_t i = 1; i < r->docs.size(); ++i) {
    CHECK(r->docs[i - 1].meta.path < r->docs[i].meta.path);
  }
  CHECK(r->problems.empty());
}

TEST_CASE("ReadPath through a memory source reports and skips") {
  MemorySource src;
  src.Add("corpus/a.txt", "Titre\n\nM. Dupont a accusé la société Nexacom d'espionnage.\n");
  src.Add("corpus/b.pdf", "%PDF-1.4");
  src.Add("corpus/sub/c.txt", std::string("bin\0ary", 7));
  src.Add("corpus/sub/d.txt", "");
  src.Add("corpus/.hidden/e.txt", "Hidden\nNot read.");
  absl::StatusOr<ReadResult> r = ReadPath("corpus", &src);
  REQUIRE(r.ok());
  REQUIRE(r->docs.size() == 1);
  CHECK(r->docs[0].meta.title == "Titre");
  REQUIRE(r->problems.size() == 3);
  CHECK(r->problems[0] == "corpus/b.pdf: skipped (unsupported file type)");
  CHECK(Contains(r->problems[1], "corpus/sub/c.txt: binary file (NUL byte at offset 3)"));
  CHECK(r->problems[2] == "corpus/sub/d.txt: empty article");

  CHECK(ReadPath("nowhere", &src).status().code() == absl::StatusCode::kNotFound);
  CHECK(ReadPath("/no/such/dossier/path").status().code() ==
        absl::StatusCode::kNotFound);
  // A single bad file given directly is an error.
  CHECK(ReadPath("corpus/sub/d.txt", &src).status().code() ==
        absl::StatusCode::kInvalidArgument);
}

TEST_CASE("bad bytes are errors, not crashes") {
  absl::StatusOr<std::vector<Document>> r =
      ReadArticles("bad.txt", "Titre\nabc \xC3\x28 def");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(r.status().message() == "bad.txt: invalid UTF-8 at byte offset 10");
  r = ReadArticles("bad.html", "<p>\xED\xA0\x80</p>");  // A surrogate.
  CHECK(r.status().message() == "bad.html: invalid UTF-8 at byte offset 3");
  r = ReadArticles("nul.txt", std::string("abc\0def", 7));
  CHECK(r.status().message() == "nul.txt: binary file (NUL byte at offset 3)");
  r = ReadArticles("empty.txt", "");
  CHECK(r.status().message() == "empty.txt: empty article");
  r = ReadArticles("blank.txt", " \n\t\n");
  CHECK(r.status().message() == "blank.txt: empty article");
  r = ReadArticles("x.docx", "abc");
  CHECK(r.status().message() == "x.docx: unsupported file type");

  // Random bytes through every reader: an answer, never a crash.
  std::mt19937 rng(42);
  for (int round = 0; round < 300; ++round) {
    std::string bytes(rng() % 300, '\0');
    for (char& c : bytes) c = static_cast<char>(rng() % 256);
    if (round % 3 == 0) {
      for (char& c : bytes) c = static_cast<char>(0x20 + (rng() % 0x5F));
    }
    for (const char* name : {"f.txt", "f.html", "f.jsonl"}) {
      std::vector<std::string> problems;
      absl::StatusOr<std::vector<Document>> any = ReadArticles(name, bytes, &problems);
      if (any.ok()) {
        for (const Document& d : *any) CHECK(d.meta.id.size() == 32);
      }
    }
  }
}

TEST_CASE("HTML: visible text, title, date") {
  const std::string dir = std::string(DOSSIER_TEST_TMP) + "/read_html";
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/article.html";
  std::ofstream(path) << R"(<!DOCTYPE html>
<html lang="fr"><head>
<title>Nexacom accusée d'espionnage | Le Journal</title>
<meta property="og:title" content="Nexacom accusée d'espionnage">
<script>var tracker = "SCRIPT_TEXT";</script>
<style>.x { color: red }</style>
</head><body>
<nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<article>
<h1>Nexacom accusée d&#39;espionnage</h1>
<time datetime="2024-03-05T10:00:00+01:00">5 mars 2024</time>
<p>La ministre ardenzaise Ana Varga a accusé <b>Nexacom</b> d'espionnage.</p>
<figure><img src="a.jpg"><figcaption>Le siège de Nexacom. Photo: AFP</figcaption></figure>
<div class="share-buttons">Partager sur Facebook</div>
<p>Nexacom dément &amp; conteste ces accusations.</p>
<noscript>Activez JavaScript</noscript>
<aside>Lire aussi : autre chose</aside>
</article>
<footer>© 2024 Le Journal. Tous droits réservés.</footer>
<script>document.write("MORE_SCRIPT")</script>
</body></html>)";
  Document doc = ReadOne(path);
  CHECK(doc.meta.title == "Nexacom accusée d'espionnage");
  CHECK(doc.meta.date == "2024-03-05");
  CHECK(doc.meta.lang == "fr");
  CHECK(doc.text ==
        "Nexacom accusée d'espionnage\n"
        "La ministre ardenzaise Ana Varga a accusé Nexacom d'espionnage.\n"
        "Nexacom dément & conteste ces accusations.");

  // Meta publication date wins over <time>; <title> is the last resort.
  absl::StatusOr<std::vector<Document>> r = ReadArticles(
      "b.htm",
      "<html><head><title>Only title</title><meta name=\"pubdate\" "
      "content=\"2019-03-14\"></head><body><time datetime=\"2020-01-01\">x"
      "</time><p>Huawei bác bỏ các cáo buộc rằng tập đoàn này có thể hỗ trợ "
      "cho hoạt động do thám của Trung Quốc.</p></body></html>");
  REQUIRE(r.ok());
  CHECK((*r)[0].meta.title == "Only title");
  CHECK((*r)[0].meta.date == "2019-03-14");
  CHECK((*r)[0].meta.lang == "vi");

  // Script-only page: nothing visible.
  r = ReadArticles("c.html", "<script>alert('x')</script>");
  CHECK(r.status().code() == absl::StatusCode::kInvalidArgument);

  // Deep nesting does not overflow the walker.
  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += "<span>";
  deep += "Texte profond.";
  r = ReadArticles("deep.html", deep);
  CHECK(r.ok());
}

TEST_CASE("JSONL: good lines read, bad lines reported with their number") {
  const std::string jsonl =
      R"({"id": "a1", "url": "https://example.org/a1", "title": "Un titre", "date": "2024-03-05", "lang": "fr", "text": "Le parquet accuse Nexacom.\nDeuxième paragraphe.", "section": "Monde", "tags": ["x"]})"
      "\n"
      R"({"id": 7, "text": "The FBI said the DarkSide gang was responsible for the attack on the pipeline operator."})"
      "\n"
      "{not json\n"
      "\n"
      R"({"id": "a3", "title": "no text here"})"
      "\n"
      R"({"format": "dossier-facts", "version": 1, "text": "x"})"
      "\n"
      R"([1, 2, 3])"
      "\r\n"
      "{\"id\": \"bad\", \"text\": \"\xC3\"}\n"
      R"({"id": "a4", "text": "   "})";
  std::vector<std::string> problems;
  absl::StatusOr<std::vector<Document>> r =
      ReadArticles("dir/batch.jsonl", jsonl, &problems);
  REQUIRE(r.ok());
  REQUIRE(r->size() == 2);
  const Document& a = (*r)[0];
  CHECK(a.meta.source_id == "a1");
  CHECK(a.meta.source == "https://example.org/a1");
  CHECK(a.meta.title == "Un titre");
  CHECK(a.meta.date == "2024-03-05");
  CHECK(a.meta.lang == "fr");
  CHECK(a.meta.path == "dir/batch.jsonl");
  CHECK(a.meta.extra.at("section") == "Monde");
  CHECK(a.meta.extra.count("tags") == 0);
  CHECK(a.text == "Le parquet accuse Nexacom.\nDeuxième paragraphe.");
  CHECK(a.meta.id == ArticleId("Le parquet accuse Nexacom.\nDeuxième paragraphe."));
  const Document& b = (*r)[1];
  CHECK(b.meta.source_id == "7");
  CHECK(b.meta.lang == "en");  // Detected: no "lang" field.
  CHECK(b.meta.title == b.text);
  REQUIRE(problems.size() == 6);
  CHECK(Contains(problems[0], "dir/batch.jsonl:3: malformed JSON"));
  CHECK(problems[1] == "dir/batch.jsonl:5: no \"text\" field");
  CHECK(Contains(problems[2], "dir/batch.jsonl:6: a dossier-facts line"));
  CHECK(problems[3] == "dir/batch.jsonl:7: not a JSON object");
  CHECK(Contains(problems[4], "dir/batch.jsonl:8: invalid UTF-8 at byte offset"));
  CHECK(problems[5] == "dir/batch.jsonl:9: empty article");
}

}  // namespace
}  // namespace dossier::loaders
