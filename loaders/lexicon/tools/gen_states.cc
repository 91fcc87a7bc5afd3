// Generates loaders/lexicon/states.tsv from ICU's CLDR country names.
// Not part of the build: compile by hand when the state list changes.
// Build it with
//   g++ -std=c++20 -o /tmp/gen_states loaders/lexicon/tools/gen_states.cc
//   -licuuc -licui18n   (one command line)
// then run `/tmp/gen_states > loaders/lexicon/states.tsv`.
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

struct Extra {
  const char* iso2;
  const char* qid;      // Wikidata id, "" when not certain.
  const char* name;     // Canonical English name, "" for CLDR's.
  const char* aliases;  // Extra aliases, '|'-separated.
};

// Every UN member plus VA, PS, TW, XK.
constexpr Extra kStates[] = {
    {"AF", "Q889", "", "l'Afghanistan|Áp-ga-ni-xtan"},
    {"AL", "Q222", "", "l'Albanie"},
    {"DZ", "Q262", "", "l'Algérie"},
    {"AD", "Q228", "", "l'Andorre"},
    {"AO", "Q916", "", "l'Angola"},
    {"AG", "Q781", "", ""},
    {"AR", "Q414", "", "l'Argentine|Á Căn Đình"},
    {"AM", "Q399", "", "l'Arménie"},
    {"AU", "Q408", "", "l'Australie|=Úc|Australia"},
    {"AT", "Q40", "", "l'Autriche|Áo"},
    {"AZ", "Q227", "", "l'Azerbaïdjan"},
    {"BS", "Q778", "", ""},
    {"BH", "Q398", "", ""},
    {"BD", "Q902", "", ""},
    {"BB", "Q244", "", ""},
    {"BY", "Q184", "", "Biélorussie|Belorussia|Bạch Nga"},
    {"BE", "Q31", "", ""},
    {"BZ", "Q242", "", ""},
    {"BJ", "Q962", "", ""},
    {"BT", "Q917", "", ""},
    {"BO", "Q750", "", ""},
    {"BA", "Q225", "Bosnia and Herzegovina", "Bosnie|Bosnia"},
    {"BW", "Q963", "", ""},
    {"BR", "Q155", "", "Brasil"},
    {"BN", "Q921", "", ""},
    {"BG", "Q219", "", ""},
    {"BF", "Q965", "", ""},
    {"BI", "Q967", "", ""},
    {"CV", "Q1011", "Cape Verde", "Cap-Vert|Cabo Verde"},
    {"KH", "Q424", "", "Căm-pu-chia"},
    {"CM", "Q1009", "", ""},
    {"CA", "Q16", "", ""},
    {"CF", "Q929", "", "Centrafrique"},
    {"TD", "Q657", "", ""},
    {"CL", "Q298", "", ""},
    {"CN", "Q148", "", "la Chine|Trung Hoa|Cộng hòa Nhân dân Trung Hoa|People's Republic of China|PRC|République populaire de Chine|mainland China|Chine continentale|=TQ"},
    {"CO", "Q739", "", ""},
    {"KM", "Q970", "", ""},
    {"CG", "Q971", "Republic of the Congo", "Congo-Brazzaville|Congo Brazzaville"},
    {"CD", "Q974", "Democratic Republic of the Congo", "RDC|RDCongo|DR Congo|DRC|République démocratique du Congo|Congo-Kinshasa"},
    {"CR", "Q800", "", ""},
    {"CI", "Q1008", "Ivory Coast", "Côte d'Ivoire|Cote d'Ivoire|Bờ Biển Ngà"},
    {"HR", "Q224", "", ""},
    {"CU", "Q241", "", ""},
    {"CY", "Q229", "", "Síp"},
    {"CZ", "Q213", "Czech Republic", "République tchèque|Tchéquie|Czechia|Cộng hòa Séc|=Séc"},
    {"DK", "Q35", "", ""},
    {"DJ", "Q977", "", ""},
    {"DM", "Q784", "", ""},
    {"DO", "Q786", "", ""},
    {"EC", "Q736", "", ""},
    {"EG", "Q79", "", "l'Égypte|Ai Cập"},
    {"SV", "Q792", "", ""},
    {"GQ", "Q983", "", ""},
    {"ER", "Q986", "", ""},
    {"EE", "Q191", "", "l'Estonie"},
    {"SZ", "Q1050", "Eswatini", "Swaziland"},
    {"ET", "Q115", "", "l'Éthiopie"},
    {"FJ", "Q712", "", ""},
    {"FI", "Q33", "", ""},
    {"FR", "Q142", "", "la France|=Pháp|Cộng hòa Pháp"},
    {"GA", "Q1000", "", ""},
    {"GM", "Q1005", "", ""},
    {"GE", "Q230", "", "Géorgie|Gruzia|Georgia"},
    {"DE", "Q183", "", "l'Allemagne|=Đức|Cộng hòa Liên bang Đức|Federal Republic of Germany"},
    {"GH", "Q117", "", ""},
    {"GR", "Q41", "", "Hy Lạp"},
    {"GD", "Q769", "", ""},
    {"GT", "Q774", "", ""},
    {"GN", "Q1006", "", ""},
    {"GW", "Q1007", "", ""},
    {"GY", "Q734", "", ""},
    {"HT", "Q790", "", ""},
    {"HN", "Q783", "", ""},
    {"HU", "Q28", "", ""},
    {"IS", "Q189", "", ""},
    {"IN", "Q668", "", "l'Inde|Ấn Độ|=Ấn"},
    {"ID", "Q252", "", "l'Indonésie|In-đô-nê-xi-a"},
    {"IR", "Q794", "", "l'Iran|Islamic Republic of Iran|République islamique d'Iran|Cộng hòa Hồi giáo Iran"},
    {"IQ", "Q796", "", "l'Irak|Irak"},
    {"IE", "Q27", "", "l'Irlande|Republic of Ireland"},
    {"IL", "Q801", "", "l'Israël|Israël|Israel|Do Thái"},
    {"IT", "Q38", "", "l'Italie|=Ý|=Italia"},
    {"JM", "Q766", "", ""},
    {"JP", "Q17", "", "le Japon|=Nhật|Nhật Bản"},
    {"JO", "Q810", "", ""},
    {"KZ", "Q232", "", ""},
    {"KE", "Q114", "", ""},
    {"KI", "Q710", "", ""},
    {"KP", "Q423", "North Korea", "Corée du Nord|Triều Tiên|Bắc Triều Tiên|CHDCND Triều Tiên|DPRK|=RPDC|Democratic People's Republic of Korea|République populaire démocratique de Corée"},
    {"KR", "Q884", "South Korea", "Corée du Sud|Hàn Quốc|Republic of Korea|République de Corée|Nam Triều Tiên"},
    {"KW", "Q817", "", ""},
    {"KG", "Q813", "", "Kirghizistan|Kirghizstan"},
    {"LA", "Q819", "", ""},
    {"LV", "Q211", "", ""},
    {"LB", "Q822", "", ""},
    {"LS", "Q1013", "", ""},
    {"LR", "Q1014", "", ""},
    {"LY", "Q1016", "", ""},
    {"LI", "Q347", "", ""},
    {"LT", "Q37", "", ""},
    {"LU", "Q32", "", ""},
    {"MG", "Q1019", "", ""},
    {"MW", "Q1020", "", ""},
    {"MY", "Q833", "", "Malaisie|Mã Lai"},
    {"MV", "Q826", "", ""},
    {"ML", "Q912", "", ""},
    {"MT", "Q233", "", ""},
    {"MH", "Q709", "", ""},
    {"MR", "Q1025", "", ""},
    {"MU", "Q1027", "", "l'île Maurice|île Maurice"},
    {"MX", "Q96", "", ""},
    {"FM", "Q702", "Federated States of Micronesia", ""},
    {"MD", "Q217", "", ""},
    {"MC", "Q235", "", ""},
    {"MN", "Q711", "", "Mông Cổ"},
    {"ME", "Q236", "", "Monténégro"},
    {"MA", "Q1028", "", "Ma Rốc"},
    {"MZ", "Q1029", "", ""},
    {"MM", "Q836", "Myanmar", "Birmanie|Burma|Miến Điện"},
    {"NA", "Q1030", "", ""},
    {"NR", "Q697", "", ""},
    {"NP", "Q837", "", ""},
    {"NL", "Q55", "", "les Pays-Bas|Hollande|Holland|Hà Lan"},
    {"NZ", "Q664", "", "la Nouvelle-Zélande|Niu Di-lân|New Zealand"},
    {"NI", "Q811", "", ""},
    {"NE", "Q1032", "", ""},
    {"NG", "Q1033", "", ""},
    {"MK", "Q221", "North Macedonia", "Macédoine du Nord|Macedonia|Bắc Macedonia"},
    {"NO", "Q20", "", "Na Uy"},
    {"OM", "Q842", "", ""},
    {"PK", "Q843", "", "le Pakistan"},
    {"PW", "Q695", "", ""},
    {"PS", "Q219060", "Palestine", "State of Palestine|État de Palestine|Palestinian territories|territoires palestiniens"},
    {"PA", "Q804", "", ""},
    {"PG", "Q691", "", ""},
    {"PY", "Q733", "", ""},
    {"PE", "Q419", "", ""},
    {"PH", "Q928", "", "les Philippines|Phi-líp-pin|Philippin"},
    {"PL", "Q36", "", "Ba Lan"},
    {"PT", "Q45", "", "Bồ Đào Nha"},
    {"QA", "Q846", "", ""},
    {"RO", "Q218", "", ""},
    {"RU", "Q159", "", "la Russie|=Nga|Liên bang Nga|Russian Federation|Fédération de Russie|Nước Nga"},
    {"RW", "Q1037", "", ""},
    {"KN", "Q763", "", ""},
    {"LC", "Q760", "", ""},
    {"VC", "Q757", "", ""},
    {"WS", "Q683", "", ""},
    {"SM", "Q238", "", ""},
    {"ST", "Q1039", "São Tomé and Príncipe", ""},
    {"SA", "Q851", "", "l'Arabie saoudite|Ả Rập Xê Út|Arabie Saoudite|Saudi"},
    {"SN", "Q1041", "", ""},
    {"RS", "Q403", "", ""},
    {"SC", "Q1042", "", ""},
    {"SL", "Q1044", "", ""},
    {"SG", "Q334", "", "Singapour|Xin-ga-po"},
    {"SK", "Q214", "", ""},
    {"SI", "Q215", "", ""},
    {"SB", "Q685", "", ""},
    {"SO", "Q1045", "", ""},
    {"ZA", "Q258", "", "l'Afrique du Sud|Nam Phi"},
    {"SS", "Q958", "", ""},
    {"ES", "Q29", "", "l'Espagne|Tây Ban Nha"},
    {"LK", "Q854", "", ""},
    {"SD", "Q1049", "", ""},
    {"SR", "Q730", "", ""},
    {"SE", "Q34", "", "la Suède|Thụy Điển"},
    {"CH", "Q39", "", "la Suisse|Thụy Sĩ"},
    {"SY", "Q858", "", "la Syrie|Xy-ri"},
    {"TW", "Q865", "Taiwan", "Taïwan|Đài Loan|Republic of China|République de Chine|Trung Hoa Dân Quốc"},
    {"TJ", "Q863", "", ""},
    {"TZ", "Q924", "", ""},
    {"TH", "Q869", "", "Thái Lan"},
    {"TL", "Q574", "East Timor", "Timor-Leste|Timor oriental|Đông Timor"},
    {"TG", "Q945", "", ""},
    {"TO", "Q678", "", ""},
    {"TT", "Q754", "", ""},
    {"TN", "Q948", "", "la Tunisie"},
    {"TR", "Q43", "Turkey", "Türkiye|Turquie|Thổ Nhĩ Kỳ"},
    {"TM", "Q874", "", ""},
    {"TV", "Q672", "", ""},
    {"UG", "Q1036", "", ""},
    {"UA", "Q212", "", "l'Ukraine|U-crai-na|Ucraina"},
    {"AE", "Q878", "", "les Émirats arabes unis|Émirats|UAE|EAU|Emirates|các Tiểu vương quốc Ả Rập Thống nhất|UAE"},
    {"GB", "Q145", "", "le Royaume-Uni|Grande-Bretagne|Great Britain|Britain|=UK|=U.K.|=Anh|Vương quốc Anh|Anh Quốc|Angleterre|England"},
    {"US", "Q30", "", "les États-Unis|Etats-Unis|les Etats-Unis|=US|=U.S.|=USA|=U.S.A.|United States of America|=America|=Amérique|=Mỹ|Hoa Kỳ|nước Mỹ|the States"},
    {"UY", "Q77", "", ""},
    {"UZ", "Q265", "", ""},
    {"VU", "Q686", "", ""},
    {"VA", "Q237", "Vatican City", "Vatican|le Vatican|Holy See|Saint-Siège|Tòa Thánh|Tòa thánh Vatican"},
    {"VE", "Q717", "", ""},
    {"VN", "Q881", "Vietnam", "Viet Nam|Việt Nam|Viêt Nam|Viêt-nam|Vietnam|Cộng hòa Xã hội Chủ nghĩa Việt Nam|Socialist Republic of Vietnam|=VN"},
    {"YE", "Q805", "", ""},
    {"ZM", "Q953", "", ""},
    {"ZW", "Q954", "", ""},
    {"XK", "Q1246", "Kosovo", ""},
};

std::string Display(const char* iso2, const char* lang) {
  icu::UnicodeString u;
  icu::Locale("", iso2).getDisplayCountry(icu::Locale(lang), u);
  std::string s;
  u.toUTF8String(s);
  for (char& c : s) if (c == '\t') c = ' ';
  return s;
}

}  // namespace

int main() {
  std::cout << "# Sovereign states. Generated by loaders/lexicon/tools/gen_states.cc\n"
               "# from ICU CLDR names (en, fr, vi) plus hand-written short forms.\n"
               "# label\tname\twikidata\tkind\tiso2\taliases\tacts_for\n";
  for (const Extra& e : kStates) {
    std::string en = Display(e.iso2, "en");
    std::string name = *e.name ? e.name : en;
    std::vector<std::string> aliases;
    std::set<std::string> seen{name};
    // An alias written "=X" matches case-sensitively; it replaces a plain X.
    auto add = [&](const std::string& a) {
      std::string bare = a.starts_with("=") ? a.substr(1) : a;
      if (bare.empty() || a == e.iso2) return;
      if (!seen.insert(bare).second) {
        if (bare != a) {
          for (std::string& old : aliases) if (old == bare) old = a;
        }
        return;
      }
      aliases.push_back(a);
    };
    add(en);
    add(Display(e.iso2, "fr"));
    add(Display(e.iso2, "vi"));
    std::string extra = e.aliases;
    size_t start = 0;
    while (start <= extra.size()) {
      size_t bar = extra.find('|', start);
      if (bar == std::string::npos) bar = extra.size();
      add(extra.substr(start, bar - start));
      start = bar + 1;
    }
    std::string joined;
    for (const std::string& a : aliases) {
      if (!joined.empty()) joined += '|';
      joined += a;
    }
    std::cout << "State\t" << name << '\t' << e.qid << "\tstate\t" << e.iso2
              << '\t' << joined << "\t\n";
  }
  return 0;
}
