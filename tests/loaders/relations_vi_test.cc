// Vietnamese relation patterns on invented sentences (GUIDELINES §5-§7).
#include "relations_fixture.h"

namespace dossier::loaders {
namespace {

using testing::RelationsOf;
using Set = std::set<std::string>;

TEST_CASE("vi: cáo buộc with coordinated targets, bác bỏ links back") {
  std::string text =
      "Chính phủ Arcadia cáo buộc hai công ty Vantel và Orin vi phạm lệnh "
      "cấm vận. Vantel bác bỏ cáo buộc.";
  CHECK(RelationsOf(text, "vi", "ACCUSES") ==
        Set{"ACCUSES Arcadia -> Vantel (sanctions_violation)",
            "ACCUSES Arcadia -> Orin (sanctions_violation)"});
  CHECK(RelationsOf(text, "vi", "DENIES") ==
        Set{"DENIES Vantel -> Arcadia (sanctions_violation)"});
}

TEST_CASE("vi: bị cáo buộc without agent gives nothing") {
  CHECK(RelationsOf("Nexacom bị cáo buộc làm gián điệp.", "vi", "ACCUSES")
            .empty());
}

TEST_CASE("vi: concern by unnamed people gives nothing") {
  CHECK(RelationsOf("Nhiều nhà hoạt động lo ngại ứng dụng Orin thu thập dữ "
                    "liệu người dùng.",
                    "vi", "ACCUSES")
            .empty());
}

TEST_CASE("vi: cấm, and the ellipsis cũng làm tương tự") {
  Set rel = RelationsOf(
      "Arcadia cấm Kestrel Systems. Borduria cũng làm tương "
      "tự.",
      "vi", "BANS");
  CHECK(rel == Set{"BANS Arcadia -> Kestrel Systems",
                   "BANS Borduria -> Kestrel Systems"});
}

TEST_CASE("vi: có thể bị cấm nếu is hypothetical") {
  CHECK(
      RelationsOf("Arcadia có thể cấm Nexacom nếu có bằng chứng.", "vi", "BANS")
          .empty());
}

TEST_CASE("vi: theo X, a reported claim") {
  CHECK(RelationsOf("Theo Kestrel Systems, Red Lynx đã phát tán mã độc.", "vi",
                    "ACCUSES") ==
        Set{"ACCUSES Kestrel Systems -> Red Lynx (cyberattack)"});
}

TEST_CASE("vi: đưa X vào danh sách đen; state name after a common noun") {
  Set rel = testing::Relations(
      "Arcadia đưa tập đoàn Nexacom của Borduria vào danh sách đen.", "vi");
  CHECK(rel.count("SANCTIONS Arcadia -> Nexacom") == 1);
  CHECK(rel.count("BASED_IN Nexacom -> Borduria") == 1);
  CHECK(RelationsOf("Arcadia cáo buộc các công ty Borduria làm gián điệp.",
                    "vi", "ACCUSES")
            .empty());
}

TEST_CASE("vi: phủ nhận after an accusation by a coordinated pair") {
  std::string text =
      "Arcadia và hãng bảo mật Kestrel Systems cáo buộc nhóm Red Lynx tấn "
      "công mạng. Red Lynx phủ nhận.";
  CHECK(RelationsOf(text, "vi", "ACCUSES") ==
        Set{"ACCUSES Arcadia -> Red Lynx (cyberattack)",
            "ACCUSES Kestrel Systems -> Red Lynx (cyberattack)"});
  CHECK(RelationsOf(text, "vi", "DENIES") ==
        Set{"DENIES Red Lynx -> Arcadia (cyberattack)",
            "DENIES Red Lynx -> Kestrel Systems (cyberattack)"});
}

TEST_CASE("vi: việc bắt giữ named by a critic is not a detention") {
  CHECK(testing::RelationsOf("Tổ chức Nexacom gọi việc bắt giữ ông Lê Văn Tám "
                             "là sai trái.",
                             "vi", "DETAINS")
            .empty());
}

TEST_CASE("vi: công tố viên, cảnh sát không nêu tên quốc gia") {
  // Only the ministry names the state: the State is its home state.
  CHECK(RelationsOf("Bộ Tư pháp Ardenza mở cuộc điều tra Orin. Các công tố "
                    "viên sau đó cáo buộc Orin gian lận ngân hàng.",
                    "vi", "ACCUSES") == Set{"ACCUSES Ardenza -> Orin (fraud)"});
  // The police: the police force named before.
  CHECK(RelationsOf("Cục Cảnh sát Quốc gia Ardenza khám xét văn phòng Orin. "
                    "Cảnh sát cáo buộc Orin lừa đảo.",
                    "vi", "ACCUSES") ==
        Set{"ACCUSES Ardenza National Police -> Orin (fraud)"});
  CHECK(RelationsOf("Các công tố viên cáo buộc Orin lừa đảo.", "vi", "ACCUSES")
            .empty());
}

TEST_CASE("vi: trái phép là « other », quy kết, vu khống") {
  CHECK(RelationsOf("Arcadia cho rằng tàu của Orin đã vào vùng biển một cách "
                    "trái phép.",
                    "vi", "ACCUSES") == Set{"ACCUSES Arcadia -> Orin (other)"});
  std::string text =
      "Arcadia quy kết Vantel tấn công mạng. Vantel gọi đó là vu khống.";
  CHECK(RelationsOf(text, "vi", "ACCUSES") ==
        Set{"ACCUSES Arcadia -> Vantel (cyberattack)"});
  CHECK(RelationsOf(text, "vi", "DENIES") ==
        Set{"DENIES Vantel -> Arcadia (cyberattack)"});
}

TEST_CASE("vi: khách hàng của X được X cung cấp") {
  CHECK(RelationsOf("Orin, khách hàng dùng dịch vụ đám mây của Nexacom, gặp "
                    "sự cố.",
                    "vi", "SUPPLIES") == Set{"SUPPLIES Nexacom -> Orin"});
}

TEST_CASE("vi: động từ sau dấu phẩy lấy chủ ngữ của quan hệ trước") {
  CHECK(RelationsOf("Arcadia bắt giữ ông Karel Novak tại thủ đô, cáo buộc ông "
                    "làm gián điệp cho Borduria.",
                    "vi", "ACCUSES") ==
        Set{"ACCUSES Arcadia -> Karel Novak (espionage)"});
  // The authority noun may stand far before the verb, placed by a city.
  CHECK(RelationsOf("Bộ Tư pháp Ardenza mở cuộc điều tra Orin. Các công tố "
                    "viên liên bang ở Vantalie công bố cáo trạng cáo buộc Orin "
                    "lừa đảo.",
                    "vi",
                    "ACCUSES") == Set{"ACCUSES Vantalia -> Orin (fraud)"});
}

TEST_CASE("vi: chức danh nhà nước không nêu nước: nước duy nhất hành động") {
  CHECK(RelationsOf("Arcadia cấm Orin hôm thứ Hai. Thủ tướng Lena Ortiz cho "
                    "biết ứng dụng này nguy hiểm.",
                    "vi",
                    "WORKS_FOR") == Set{"WORKS_FOR Lena Ortiz -> Arcadia"});
}

TEST_CASE("vi: từ riêng trong tên công ty chỉ công ty đó về sau") {
  CHECK(RelationsOf("Arcadia trừng phạt công ty Velmora Robotics vào tháng "
                    "Năm. Tháng Sáu, Borduria cấm Velmora.",
                    "vi", "BANS") == Set{"BANS Borduria -> Velmora Robotics"});
}

TEST_CASE("vi: cảnh sát là lực lượng cảnh sát đã nêu tên trước đó") {
  CHECK(RelationsOf("Cơ quan Cảnh sát Thủ đô Ardenza bắt giữ ông Karel Novak. "
                    "Cảnh sát cáo buộc ông Novak tuồn công nghệ cho Borduria.",
                    "vi", "ACCUSES") ==
        Set{"ACCUSES Cơ quan Cảnh sát Thủ đô -> Karel Novak "
            "(technology_theft)"});
}

TEST_CASE("vi: « hai kỹ sư của X, A và B » là người bị cáo buộc") {
  CHECK(RelationsOf("Arcadia cáo buộc hai kỹ sư của Nexacom, ông Karel Novak "
                    "và ông Jan Dvorak, làm gián điệp.",
                    "vi", "ACCUSES") ==
        Set{"ACCUSES Arcadia -> Karel Novak (espionage)",
            "ACCUSES Arcadia -> Jan Dvorak (espionage)"});
}

TEST_CASE("vi: cảnh báo X đã làm điều sai trái là cáo buộc") {
  CHECK(RelationsOf("Arcadia cảnh báo Red Lynx đã tấn công mạng lưới điện.",
                    "vi", "ACCUSES") ==
        Set{"ACCUSES Arcadia -> Red Lynx (cyberattack)"});
  CHECK(RelationsOf("Arcadia cảnh báo Red Lynx có thể tấn công mạng lưới "
                    "điện.",
                    "vi", "ACCUSES")
            .empty());
}

TEST_CASE("vi: đồng vị ngữ giữa chủ ngữ và động từ") {
  CHECK(RelationsOf("Kestrel Systems, khách hàng dùng dịch vụ của Nexacom, "
                    "cho biết nhóm Red Lynx đã tấn công mạng của hãng.",
                    "vi", "ACCUSES") ==
        Set{"ACCUSES Kestrel Systems -> Red Lynx (cyberattack)"});
}

TEST_CASE("vi: bị X xâm nhập: X là thủ phạm, được X hậu thuẫn thì không") {
  CHECK(RelationsOf("Kestrel Systems cho biết bị nhóm Red Lynx xâm nhập hộp "
                    "thư.",
                    "vi", "ACCUSES") ==
        Set{"ACCUSES Kestrel Systems -> Red Lynx (cyberattack)"});
  CHECK(RelationsOf("Kestrel Systems cho rằng nhóm Red Lynx tấn công mạng, "
                    "được Arcadia hậu thuẫn.",
                    "vi", "ACCUSES") ==
        Set{"ACCUSES Kestrel Systems -> Red Lynx (cyberattack)"});
}

}  // namespace
}  // namespace dossier::loaders
