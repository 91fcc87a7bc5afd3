#include "loaders/text/boilerplate.h"

#include <cstdint>
#include <string>
#include <vector>

#include <unicode/uchar.h>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "loaders/text/date_parse.h"
#include "loaders/text/utf8_util.h"
#include "re2/re2.h"

namespace dossier::loaders {
namespace {

absl::string_view AbslView(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

re2::StringPiece Piece(std::string_view s) {
  return re2::StringPiece(s.data(), s.size());
}

// Trims Unicode white space at both ends, then a leading list bullet.
std::string_view TrimLine(std::string_view s) {
  s = TrimSpaces(s);
  // A leading bullet followed by a space.
  static constexpr std::string_view kBullets[] = {
      "\u2022", "\u00B7", "\u25AA", "\u25BA", "\u25B6", "\u25E6",
      "\u2023", "*"};
  for (std::string_view bullet : kBullets) {
    if (s.size() > bullet.size() && s.substr(0, bullet.size()) == bullet) {
      size_t after = bullet.size();
      if (IsUnicodeSpace(NextCodePoint(s, &after))) {
        return TrimSpaces(s.substr(bullet.size()));
      }
    }
  }
  return s;
}

// The letters of `s`, counted up to `limit` (the count stops there).
int CountLetters(std::string_view s, int limit) {
  int letters = 0;
  for (size_t i = 0; i < s.size() && letters < limit;) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {  // u_isalpha for ASCII, inline.
      ++i;
      if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) ++letters;
      continue;
    }
    if (u_isalpha(NextCodePoint(s, &i))) ++letters;
  }
  return letters;
}

// The words (runs of non-space) of `s`, counted up to `limit`.
int CountWords(std::string_view s, int limit) {
  int words = 0;
  bool in_word = false;
  for (size_t i = 0; i < s.size() && words < limit;) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    bool space;
    if (b < 0x80) {
      ++i;
      space = IsUnicodeSpace(b);
    } else {
      space = IsUnicodeSpace(NextCodePoint(s, &i));
    }
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// True when the line ends like a sentence (prose rather than a heading or a
// caption).
bool EndsLikeSentence(std::string_view s) {
  static constexpr std::string_view kEnds[] = {".", "!", "?", "\u2026", "\"",
                                               "\u00BB", "\u201D", ":", ";"};
  for (std::string_view e : kEnds) {
    if (s.size() >= e.size() && s.substr(s.size() - e.size()) == e) return true;
  }
  return false;
}

bool FullMatch(const RE2& re, std::string_view s) {
  return RE2::FullMatch(Piece(s), re);
}
bool PartialMatch(const RE2& re, std::string_view s) {
  return RE2::PartialMatch(Piece(s), re);
}

// Closing markers: a line holding only one of these, in the second half of
// the text, starts the page's tail (comments, related articles, menus).
const RE2& TailMarker() {
  static const RE2 re(
      "(?i)(?:réagir(?: à cet article)?|réagissez|commentaires?|vos "
      "commentaires|comments?|leave a comment|bình luận|ý kiến bạn đọc|"
      "đừng bỏ lỡ|đọc thêm|xem thêm|tin liên quan|bài liên quan|tin cùng "
      "chuyên mục|video đang xem nhiều|xem nhiều(?: nhất)?|tin mới nhất|sur le "
      "même sujet|à lire aussi|a lire aussi|lire aussi|dans la même rubrique|"
      "les plus lus|les plus partagés|read more|related|related articles|"
      "related stories|more stories|you may also like|most read|most "
      "popular|recommended|vous aimerez aussi|à découvrir aussi|nos derniers "
      "articles|latest news)\\s*[:.»>]*");
  return re;
}

// One-word or two-word interface lines.
const RE2& UiLine() {
  static const RE2 re(
      "(?i)(?:fermer|close|đóng|menu|accueil|home|retour|back|suivant|next|"
      "précédent|previous|publicité|advertisement|advertising|annonce|quảng "
      "cáo|sponsored|sponsorisé|contenu sponsorisé|top|haut de page|back to "
      "top|lire la suite|voir plus|see more|xem tiếp|tin mới|tin nổi bật|à la "
      "une|trending|newsletter|commenter|ý kiến|partager|partager cet article|"
      "share|share this article|chia sẻ|imprimer|print|en direct|live|breaking "
      "news|vidéo|video|audio|écouter(?: cet article)?|listen|podcast|abonné|"
      "abonnés|premium|exclusif|sommaire|contents|mục lục)\\s*[:.»>]*");
  return re;
}

// Teasers for other articles: "Lire aussi : …", "Xem thêm: …".
const RE2& Teaser() {
  static const RE2 re(
      "(?i)^(?:>>|►|▶|»)?\\s*(?:(?:lire aussi|à lire aussi|a lire aussi|lire "
      "également|à lire également|à lire|voir aussi|à voir aussi|à voir|read "
      "also|also read|read more|see also|related|more on this|watch|regarder|"
      "à découvrir|mời xem|mời quý độc giả xem|xem thêm|đọc thêm|tin liên "
      "quan|bài liên quan|sur le même sujet)\\s*(?:[:>»|–—-]|$)|(?:lire "
      "aussi|à lire aussi|a lire aussi|lire également|xem thêm|đọc thêm)\\s+\\S"
      "|(?:>>|►|▶)\\s*\\S)");
  return re;
}

const RE2& Subscription() {
  static const RE2 re(
      "(?i)(?:abonnez[- ]vous|s['’]abonner|je m['’]abonne|identifiez[- ]vous|"
      "connectez[- ]vous|se connecter|mot de passe|cr[ée]ez? (?:votre|un) "
      "compte|votre abonnement|activer votre abonnement|réservé aux abonnés|"
      "déjà abonné|offre d['’]abonnement|codes? d['’]accès|subscribe now|"
      "subscribe to|subscribers only|already a subscriber|sign in|log in|"
      "create (?:an|your) account|forgot (?:your )?password|đăng nhập|quên "
      "mật khẩu|tạo tài khoản|mật khẩu|đăng ký tài khoản|đăng ký gói)");
  return re;
}

const RE2& Cookies() {
  static const RE2 re(
      "(?i)(?:cookies?(?:[^\\pL]|$)|traceurs|accepter et fermer|tout "
      "accepter|tout refuser|accept all|reject all|politique de "
      "confidentialité|privacy policy|chính sách bảo mật|(?:gérer|paramétrer) "
      "(?:les|mes|vos) (?:cookies|choix)|manage (?:cookies|preferences))");
  return re;
}

const RE2& Newsletter() {
  static const RE2 re(
      "(?i)(?:newsletter|lettre d['’]information|recevez (?:chaque|"
      "gratuitement|notre|nos|toute|tous)|inscrivez[- ]vous|sign up (?:for|"
      "to)|get our|nhận bản tin|đăng ký nhận|e-?mail alerts?|alertes? "
      "e-?mail)");
  return re;
}

const RE2& Comments() {
  static const RE2 re(
      "(?i)(?:commentaires? (?:postés|publiés)|font l['’]objet d['’]une "
      "modération|laisser un commentaire|ajouter un commentaire|leave a "
      "comment|add a comment|comments are (?:closed|moderated)|viết bình "
      "luận|gửi bình luận|bình luận của bạn|^\\d+\\s+(?:commentaires?|"
      "comments?|bình luận|réactions?)$)");
  return re;
}

const RE2& Promotion() {
  static const RE2 re(
      "(?i)(?:cliquez ici|cliquez sur ce lien|click here|bấm vào đây|nhấn "
      "vào đây|veuillez remplir ce formulaire|tous droits réservés|all rights "
      "reserved|reproduction interdite|bản quyền thuộc|©\\s*\\d{4}|^copyright"
      "(?:[^\\pL]|$))");
  return re;
}

const RE2& Translation() {
  static const RE2 re(
      "(?i)^(?:traduit (?:de|par)|traduction(?: de| par)?\\s*:?|translated "
      "(?:from|by)|adapted from|biên dịch|dịch bởi|lược dịch)(?:[^\\pL]|$)");
  return re;
}

// A line that is a photo or image credit on its own.
const RE2& CreditLine() {
  static const RE2 re(
      "(?i)^[(\\[]?\\s*(?:©|\\(c\\)\\s|photos?\\s*(?:credit\\s*)?:|crédits?"
      "(?: photos?)?\\s*:|credits?\\s*:|image\\s*:|illustration\\s*:|ảnh\\s*:|"
      "nguồn ảnh\\s*:|nguồn\\s*:|hình\\s*:|source\\s*:)");
  return re;
}

// A short line naming only a photo agency ("AFP", "REUTERS/Jane Doe").
const RE2& AgencyLine() {
  static const RE2 re(
      "^[\\s(/|-]*(?:AFP|AP|Reuters|REUTERS|Getty Images|Getty|GETTY|EPA|"
      "Shutterstock|Unsplash|Xinhua|TTXVN|Bloomberg|Sipa|SIPA|Abaca|ABACA|"
      "Flickr|Wikimedia Commons|iStock|Pixabay)(?:[\\s/|,.-].*)?$");
  return re;
}

// A caption that ends with its credit: "… Jens Stoltenberg. Ảnh: AP",
// "… blacklistées © Jane Doe-Unsplash".
const RE2& CaptionWithCredit() {
  static const RE2 re(
      "(?i)(?:©|(?:^|[\\s.(\\[])(?:photo|photos|ảnh|crédit photo|crédit|"
      "credit|image|nguồn ảnh)\\s*:)\\s*[^.!?:]{1,60}[)\\]]?$");
  return re;
}

const RE2& Published() {
  static const RE2 re(
      "(?i)^(?:publié|publiée|mis à jour|mise à jour|modifié|actualisé|"
      "posted|published|updated|last updated|cập nhật|ngày đăng|đăng lúc|"
      "đăng ngày)(?:[^\\pL]|$)");
  return re;
}

const RE2& Byline() {
  static const RE2 re(
      "^(?i:par|by|bởi|tác giả|auteur|author|reporter|phóng viên|pv|texte)"
      "\\s*:?\\s+\\p{Lu}[\\pL'’.-]*(?:\\s+(?:\\p{Lu}[\\pL'’.-]*|de|du|van|von|"
      "da|di|le|la|et|and))*\\s*(?:[,|/–—-].{0,60})?$");
  return re;
}

// A name followed by empty separators ("Jane Doe , , ,"): a byline whose
// fields were lost.
const RE2& NameWithSeparators() {
  static const RE2 re(
      "^\\p{Lu}[\\pL'’.-]+(?:\\s+\\p{Lu}[\\pL'’.-]+){1,3}(?:\\s*[,;|•·/])+$");
  return re;
}

const RE2& NameOnly() {
  static const RE2 re("^\\p{Lu}[\\pL'’.-]+(?:\\s+\\p{Lu}[\\pL'’.-]+){1,3}$");
  return re;
}

const RE2& SearchUi() {
  static const RE2 re(
      "(?i)^\\d+\\s+(?:élément|résultat|result|kết quả|article)");
  return re;
}

const RE2& Follow() {
  static const RE2 re(
      "(?i)^(?:suivez[- ]nous|suivre .{1,40} sur|follow us|follow .{1,40} "
      "on|theo dõi .{0,40}trên|theo dõi chúng tôi|retrouvez[- ]nous)");
  return re;
}

// A row of share buttons: every word a network or a share verb.
bool IsShareRow(std::string_view line) {
  static const absl::flat_hash_set<std::string> kNetworks = {
      "twitter", "facebook", "linkedin", "flipboard", "whatsapp", "telegram",
      "pinterest", "reddit", "messenger", "zalo", "instagram", "youtube",
      "tiktok", "viber", "x", "rss", "google+", "threads", "bluesky"};
  static const absl::flat_hash_set<std::string> kVerbs = {
      "email", "e-mail", "mail", "partager", "partagez", "share", "imprimer",
      "print", "tweet", "tweeter", "copier", "le", "lien", "copy", "link",
      "chia", "sẻ", "envoyer", "send", "sms", "sur", "on", "|", "·", "•",
      "-", "facebook.", "gửi", "in"};
  std::vector<std::string> words = absl::StrSplit(
      AbslView(line), absl::ByAnyChar(" \t|·,"), absl::SkipEmpty());
  if (words.empty()) return false;
  int networks = 0;
  for (std::string& w : words) {
    absl::AsciiStrToLower(&w);
    if (kNetworks.contains(w)) {
      ++networks;
    } else if (!kVerbs.contains(w)) {
      return false;
    }
  }
  if (networks >= 2) return true;
  return networks >= 1 && words.size() >= 2;
}

enum class LineKind { kBody, kBoilerplate, kCredit };

LineKind Classify(std::string_view line) {
  const size_t n = line.size();
  if (CountLetters(line, 2) < 2) return LineKind::kBoilerplate;
  if (n <= 150 && (FullMatch(CreditLine(), line) ||
                   PartialMatch(CreditLine(), line))) {
    return LineKind::kCredit;
  }
  if (n <= 60 && CountWords(line, 6) <= 5 && FullMatch(AgencyLine(), line)) {
    return LineKind::kCredit;
  }
  if (n <= 400 && PartialMatch(CaptionWithCredit(), line)) {
    return LineKind::kCredit;
  }
  // One lowercase word alone ("media", "menu"): interface residue.
  if (CountWords(line, 2) == 1 && !EndsLikeSentence(line)) {
    size_t i = 0;
    UChar32 first = NextCodePoint(line, &i);
    if (u_islower(first)) return LineKind::kBoilerplate;
  }
  if (n <= 60 && (FullMatch(UiLine(), line) || FullMatch(TailMarker(), line))) {
    return LineKind::kBoilerplate;
  }
  if (n <= 250 && PartialMatch(Teaser(), line)) return LineKind::kBoilerplate;
  if (n <= 250 && PartialMatch(Subscription(), line)) {
    return LineKind::kBoilerplate;
  }
  if (n <= 200 && PartialMatch(Cookies(), line)) return LineKind::kBoilerplate;
  if (n <= 250 && PartialMatch(Newsletter(), line)) {
    return LineKind::kBoilerplate;
  }
  if (n <= 250 && PartialMatch(Comments(), line)) return LineKind::kBoilerplate;
  if (n <= 600 && PartialMatch(Promotion(), line)) {
    return LineKind::kBoilerplate;
  }
  if (n <= 200 && PartialMatch(Translation(), line)) {
    return LineKind::kBoilerplate;
  }
  if (n <= 100 && PartialMatch(Published(), line)) {
    return LineKind::kBoilerplate;
  }
  if (n <= 100 && FullMatch(Byline(), line)) return LineKind::kBoilerplate;
  if (n <= 100 && FullMatch(NameWithSeparators(), line)) {
    return LineKind::kBoilerplate;
  }
  if (n <= 60 && PartialMatch(SearchUi(), line)) return LineKind::kBoilerplate;
  if (n <= 250 && PartialMatch(Follow(), line)) return LineKind::kBoilerplate;
  if (n <= 200 && IsShareRow(line)) return LineKind::kBoilerplate;
  return LineKind::kBody;
}

struct Line {
  std::string_view text;
  size_t pos = 0;  // Byte offset of the line in the input.
  LineKind kind = LineKind::kBody;
  bool keep = true;
};

// A paragraph of prose: enough words and a sentence ending.
bool IsBodyParagraph(std::string_view s) {
  return CountWords(s, 12) >= 12 && EndsLikeSentence(s);
}

}  // namespace

bool IsBoilerplateLine(std::string_view line) {
  return Classify(TrimLine(line)) != LineKind::kBody;
}

std::string RemoveBoilerplate(std::string_view text) {
  std::vector<Line> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(start, end - start);
    std::string_view t = TrimLine(raw);
    if (!t.empty()) {
      Line line;
      line.text = t;
      line.pos = start;
      lines.push_back(line);
    }
    start = end + 1;
  }
  if (lines.empty()) return std::string();

  // 1. The tail: from the first closing marker in the second half of the
  // text, together with a related-article card (a heading printed twice)
  // just before it.
  const size_t half = lines.front().pos +
                      (lines.back().pos - lines.front().pos) / 2;
  size_t cut = lines.size();
  for (size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].pos >= half && lines[i].text.size() <= 60 &&
        FullMatch(TailMarker(), lines[i].text)) {
      cut = i;
      break;
    }
  }
  if (cut < lines.size()) {
    for (size_t back = 1; back <= 4 && back + 1 <= cut; ++back) {
      size_t j = cut - back;
      if (j >= 1 && lines[j].text == lines[j - 1].text && j - 1 >= 1) {
        cut = j - 1;
        break;
      }
    }
    lines.resize(cut);
  }

  // 2. Line rules.
  for (Line& line : lines) {
    line.kind = Classify(line.text);
    line.keep = line.kind == LineKind::kBody;
  }

  // 3. A short heading-like line just above a credit is the photo's caption.
  for (size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].kind != LineKind::kCredit) continue;
    Line& prev = lines[i - 1];
    if (prev.keep && prev.text.size() <= 200 && !EndsLikeSentence(prev.text)) {
      prev.keep = false;
    }
  }

  // 4. The head, before the first paragraph of prose: bylines and datelines.
  bool seen_first = false;
  for (Line& line : lines) {
    if (!line.keep) continue;
    if (IsBodyParagraph(line.text)) break;
    if (!seen_first) {  // The title stays.
      seen_first = true;
      continue;
    }
    if (line.text.size() <= 80 && FullMatch(NameOnly(), line.text)) {
      line.keep = false;
    } else if (LooksLikeDateLine(line.text, nullptr) &&
               CountWords(line.text, 7) <= 6) {
      line.keep = false;
    }
  }

  // 5. Exact repeats of an earlier kept line (a title printed twice).
  absl::flat_hash_set<std::string_view> seen;
  std::string out;
  out.reserve(text.size());
  for (Line& line : lines) {
    if (!line.keep) continue;
    if (!seen.insert(line.text).second) continue;
    if (!out.empty()) out.push_back('\n');
    out.append(line.text.data(), line.text.size());
  }
  return out;
}

}  // namespace dossier::loaders
