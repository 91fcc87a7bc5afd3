#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <gumbo.h>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "graph/facts.h"
#include "loaders/read/format_readers.h"
#include "loaders/text/date_parse.h"
#include "loaders/text/utf8_util.h"

namespace dossier::loaders {
namespace {

bool SkippedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_OBJECT: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_MATH: case GUMBO_TAG_MENU: 
      return true;
    default:
      return false;
  }
}

bool BlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_BR:
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_DL: case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CAPTION: case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML:
      return true;
    default:
      return false;
  }
}

std::string AttrValue(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a != nullptr && a->value != nullptr ? std::string(a->value) : "";
}

// True when a class or id names page furniture rather than the article.
bool BoilerplateClass(const GumboElement& el) {
  static const absl::flat_hash_set<std::string> kParts = {
      "cookie", "cookies", "consent", "share", "sharing", "social",
      "newsletter", "related", "comment", "comments", "advert",
      "advertisement", "ad", "ads", "promo", "subscribe", "subscription",
      "paywall", "breadcrumb", "breadcrumbs", "sidebar", "byline", "caption",
      "credit", "credits", "menu", "popup", "modal", "footer", "nav",
      "navbar", "navigation", "toolbar", "banner"};
  for (const char* attr : {"class", "id"}) {
    std::string value = AttrValue(el, attr);
    if (value.empty()) continue;
    absl::AsciiStrToLower(&value);
    for (absl::string_view part :
         absl::StrSplit(value, absl::ByAnyChar(" \t\n-_"), absl::SkipEmpty())) {
      if (kParts.contains(std::string(part))) return true;
    }
  }
  return false;
}

bool Hidden(const GumboElement& el) {
  if (gumbo_get_attribute(&el.attributes, "hidden") != nullptr) return true;
  if (AttrValue(el, "aria-hidden") == "true") return true;
  std::string style = AttrValue(el, "style");
  absl::AsciiStrToLower(&style);
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

// Appends `s` with HTML white space collapsed to single spaces.
void AppendCollapsed(std::string_view s, std::string* out) {
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (space) {
      if (!out->empty() && out->back() != ' ' && out->back() != '\n') {
        out->push_back(' ');
      }
    } else {
      out->push_back(c);
    }
  }
}

void NewLine(std::string* out) {
  while (!out->empty() && out->back() == ' ') out->pop_back();
  if (!out->empty() && out->back() != '\n') out->push_back('\n');
}

// The text below `node`, collapsed to one line (for titles).
std::string InlineText(const GumboNode* node) {
  std::string out;
  std::vector<const GumboNode*> stack = {node};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
        n->type == GUMBO_NODE_WHITESPACE) {
      AppendCollapsed(n->v.text.text, &out);
      AppendCollapsed(" ", &out);
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      if (n->v.element.tag == GUMBO_TAG_SCRIPT || n->v.element.tag == GUMBO_TAG_STYLE) {
        continue;
      }
      const GumboVector& kids = n->v.element.children;
      for (unsigned i = kids.length; i > 0; --i) {
        stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
      }
    }
  }
  return std::string(TrimSpaces(out));
}

struct Walker {
  HtmlPage page;
  std::string og_title, h1_title, title_tag, meta_date, time_date;

  void Meta(const GumboElement& el) {
    std::string key = AttrValue(el, "property");
    if (key.empty()) key = AttrValue(el, "name");
    if (key.empty()) key = AttrValue(el, "itemprop");
    absl::AsciiStrToLower(&key);
    std::string content = AttrValue(el, "content");
    if (content.empty()) return;
    if (key == "og:title" && og_title.empty()) {
      og_title = std::string(TrimSpaces(content));
    }
    static const absl::flat_hash_set<std::string> kDateKeys = {
        "article:published_time", "date", "pubdate", "publishdate",
        "publish-date", "publication_date", "dc.date", "dc.date.issued",
        "dcterms.date", "datepublished", "og:published_time", "sailthru.date"};
    if (meta_date.empty() && kDateKeys.contains(key)) {
      meta_date = ParseDate(content);
    }
  }

  void Run(const GumboNode* root) {
    // Iterative walk: (node, closing?) pairs, so deep nesting cannot
    // overflow the stack.
    std::vector<std::pair<const GumboNode*, bool>> stack = {{root, false}};
    std::string& out = page.text;
    while (!stack.empty()) {
      auto [n, closing] = stack.back();
      stack.pop_back();
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
          n->type == GUMBO_NODE_WHITESPACE) {
        AppendCollapsed(n->v.text.text, &out);
        continue;
      }
      if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) continue;
      if (n->type == GUMBO_NODE_DOCUMENT) {
        const GumboVector& kids = n->v.document.children;
        for (unsigned i = kids.length; i > 0; --i) {
          stack.push_back({static_cast<const GumboNode*>(kids.data[i - 1]), false});
        }
        continue;
      }
      const GumboElement& el = n->v.element;
      if (closing) {
        if (BlockTag(el.tag)) NewLine(&out);
        continue;
      }
      switch (el.tag) {
        case GUMBO_TAG_HTML:
          if (page.lang.empty()) {
            std::string lang = AttrValue(el, "lang");
            absl::AsciiStrToLower(&lang);
            page.lang = lang.substr(0, lang.find_first_of("-_"));
          }
          break;
        case GUMBO_TAG_META:
          Meta(el);
          break;
        case GUMBO_TAG_TITLE:
          if (title_tag.empty()) title_tag = InlineText(n);
          break;
        case GUMBO_TAG_TIME:
          if (time_date.empty()) time_date = ParseDate(AttrValue(el, "datetime"));
          break;
        case GUMBO_TAG_H1:
          if (h1_title.empty()) h1_title = InlineText(n);
          break;
        default:
          break;
      }
      if (el.tag == GUMBO_TAG_HEAD) {
        // Walk the head for metadata only.
        std::vector<const GumboNode*> head = {n};
        while (!head.empty()) {
          const GumboNode* h = head.back();
          head.pop_back();
          if (h->type != GUMBO_NODE_ELEMENT) continue;
          if (h->v.element.tag == GUMBO_TAG_META) Meta(h->v.element);
          if (h->v.element.tag == GUMBO_TAG_TITLE && title_tag.empty()) {
            title_tag = InlineText(h);
          }
          const GumboVector& kids = h->v.element.children;
          for (unsigned i = 0; i < kids.length; ++i) {
            head.push_back(static_cast<const GumboNode*>(kids.data[i]));
          }
        }
        continue;
      }
      if (SkippedTag(el.tag) || Hidden(el) ||
          (el.tag != GUMBO_TAG_BODY && el.tag != GUMBO_TAG_HTML &&
           el.tag != GUMBO_TAG_ARTICLE && el.tag != GUMBO_TAG_MAIN &&
           BoilerplateClass(el))) {
        // A <time> or <meta> inside skipped furniture still dates the page.
        continue;
      }
      if (BlockTag(el.tag)) NewLine(&out);
      stack.push_back({n, true});
      const GumboVector& kids = el.children;
      for (unsigned i = kids.length; i > 0; --i) {
        stack.push_back({static_cast<const GumboNode*>(kids.data[i - 1]), false});
      }
    }
    page.title = !og_title.empty() ? og_title
                 : !h1_title.empty() ? h1_title
                                     : title_tag;
    page.date = !meta_date.empty() ? meta_date : time_date;
  }
};

}  // namespace

HtmlPage ExtractHtml(std::string_view bytes) {
  GumboOutput* output =
      gumbo_parse_with_options(&kGumboDefaultOptions, bytes.data(), bytes.size());
  Walker walker;
  if (output != nullptr && output->document != nullptr) {
    walker.Run(output->document);
  }
  if (output != nullptr) gumbo_destroy_output(&kGumboDefaultOptions, output);
  return std::move(walker.page);
}

absl::StatusOr<Document> ReadHtmlArticle(std::string_view path,
                                         std::string_view bytes) {
  HtmlPage page = ExtractHtml(bytes);
  graph::ArticleMeta meta;
  meta.title = page.title;
  meta.date = page.date;
  return FinishArticle(std::move(meta), path, path, page.text,
                       /*find_date=*/false);
}

}  // namespace dossier::loaders
