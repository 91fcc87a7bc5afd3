// Vietnamese triggers and cues. Multi-syllable phrases are folded (no
// tones); single syllables keep their tones to stay unambiguous.
#include "loaders/relations/tables.h"

namespace dossier::loaders {
namespace {

using enum RelationType;
using enum TriggerForm;

constexpr TriggerRow kTriggers[] = {
    // ACCUSES.
    {"cao buoc", kAccuses, kActive, ""},
    {"buoc toi", kAccuses, kActive, ""},
    {"to cao", kAccuses, kActive, ""},
    {"tố", kAccuses, kActive, ""},
    {"quy trach nhiem", kAccuses, kActive, ""},
    {"quy trach nhiem cho", kAccuses, kActive, ""},
    {"nghi ngo", kAccuses, kActive, ""},
    {"len an", kAccuses, kActive, ""},
    {"khoi to", kAccuses, kActive, ""},
    {"truy to", kAccuses, kActive, ""},
    {"cao trang", kAccuses, kNominal, ""},
    {"loi buoc toi", kAccuses, kNominal, ""},
    // Claims.
    {"cho rang", kAccuses, kClaim, ""},
    {"cho biet", kAccuses, kClaim, ""},
    {"khang dinh", kAccuses, kClaim, ""},
    {"tuyen bo", kAccuses, kClaim, ""},
    {"noi rang", kAccuses, kClaim, ""},
    {"dap lai rang", kAccuses, kClaim, ""},
    {"xac dinh", kAccuses, kClaim, ""},
    {"gọi", kAccuses, kClaim, ""},
    {"nói", kAccuses, kClaim, ""},
    {"theo", kAccuses, kReportFrame, ""},
    // DENIES.
    {"bac bo", kDenies, kActive, ""},
    {"phu nhan", kDenies, kActive, ""},
    {"bác", kDenies, kActive, ""},
    {"vo can cu", kDenies, kActive, ""},
    {"bia dat", kDenies, kActive, ""},
    // SANCTIONS.
    {"trung phat", kSanctions, kActive, ""},
    {"danh sach den", kSanctions, kActive, ""},
    {"danh sach thuc the", kSanctions, kActive, ""},
    {"phong toa tai san", kSanctions, kActive, ""},
    {"dong bang tai san", kSanctions, kActive, ""},
    {"cấm vận", kSanctions, kActive, ""},
    {"phạt", kSanctions, kActive, ""},
    // BANS.
    {"cấm", kBans, kActive, ""},
    {"lenh cam", kBans, kActive, ""},
    {"loai bo", kBans, kActive, ""},
    {"loai khoi", kBans, kActive, ""},
    {"go bo", kBans, kActive, ""},
    {"dinh chi", kBans, kActive, ""},
    {"cung lam tuong tu", kBans, kEllipsis, ""},
    {"lam tuong tu", kBans, kEllipsis, ""},
    {"lam dieu tuong tu", kBans, kEllipsis, ""},
    // DETAINS.
    {"bat giu", kDetains, kActive, ""},
    {"bat tam giam", kDetains, kActive, ""},
    {"tam giam", kDetains, kActive, ""},
    {"tam giu", kDetains, kActive, ""},
    {"giam giu", kDetains, kActive, ""},
    {"bắt", kDetains, kActive, ""},
    // SUES.
    {"khoi kien", kSues, kActive, ""},
    {"kiện", kSues, kActive, ""},
    {"dam don kien", kSues, kActive, ""},
    // WARNS_ABOUT.
    {"canh bao", kWarnsAbout, kActive, ""},
    {"tranh xa", kWarnsAbout, kActive, ""},
    // SUPPLIES.
    {"cung cap", kSupplies, kActive, ""},
    {"nha cung cap", kSupplies, kBlock, ""},
    {"cung ung", kSupplies, kActive, ""},
    {"bán", kSupplies, kActive, ""},
    // COOPERATES_WITH.
    {"hop tac", kCooperatesWith, kActive, ""},
    {"phoi hop", kCooperatesWith, kActive, ""},
    {"bắt tay", kCooperatesWith, kActive, ""},
    // OPERATES.
    {"van hanh", kOperates, kActive, ""},
    {"khai truong", kOperates, kActive, ""},
    {"dieu hanh", kOperates, kActive, ""},
    // MEMBER_OF.
    {"thanh vien cua", kMemberOf, kActive, ""},
    {"gia nhap", kMemberOf, kActive, ""},
    {"truc thuoc", kMemberOf, kActive, ""},
    {"thuoc so huu cua", kMemberOf, kActive, ""},
    {"cong ty con cua", kMemberOf, kActive, ""},
    // WORKS_FOR.
    {"lam viec cho", kWorksFor, kActive, ""},
    {"lam viec tai", kWorksFor, kActive, ""},
};

constexpr KindRow kKinds[] = {
    {"gian diep", "espionage"}, {"do tham", "espionage"},
    {"tinh bao", "espionage"}, {"bi mat nha nuoc", "espionage"},
    {"cua hau", "espionage"},
    {"giam sat", "surveillance"}, {"thu thap du lieu", "surveillance"},
    {"nhan dien khuon mat", "surveillance"}, {"phan mem gian diep", "surveillance"},
    {"du lieu ca nhan", "surveillance"},
    {"tan cong mang", "cyberattack"}, {"tin tac", "cyberattack"},
    {"ma doc", "cyberattack"}, {"xam nhap", "cyberattack"},
    {"ma doc tong tien", "cyberattack"}, {"tan cong", "cyberattack"},
    {"danh cap mat khau", "cyberattack"},
    {"nhan quyen", "human_rights"}, {"quay roi", "human_rights"}, {"dan ap", "human_rights"},
    {"bat giu tuy tien", "human_rights"},
    {"diet chung", "genocide"},
    {"gian lan", "fraud"}, {"lua dao", "fraud"},
    {"cấm vận", "sanctions_violation"},
    {"lenh trung phat", "sanctions_violation"},
    {"bi mat thuong mai", "technology_theft"},
    {"danh cap cong nghe", "technology_theft"},
    {"so huu tri tue", "technology_theft"},
    {"an ninh quoc gia", "security_risk"}, {"moi de doa", "security_risk"},
    {"khung bo", "terrorism"},
    {"tham nhung", "corruption"}, {"hoi lo", "corruption"},
    {"ma tuy", "drug_trafficking"},
    {"kiem duyet", "other"},
};

constexpr std::pair<std::string_view, Cue> kCues[] = {
    {"không", Cue::kNegation}, {"chưa", Cue::kNegation},
    {"chẳng", Cue::kNegation}, {"khong he", Cue::kNegation},
    {"nếu", Cue::kHypothesis}, {"co the", Cue::kHypothesis},
    {"xem xet", Cue::kHypothesis}, {"du kien", Cue::kHypothesis},
    {"de xuat", Cue::kHypothesis}, {"du dinh", Cue::kHypothesis},
    {"bị", Cue::kPassiveAux}, {"được", Cue::kPassiveAux},
    {"bởi", Cue::kAgent},
    {"và", Cue::kCoordinator}, {"cùng", Cue::kCoordinator},
    {"cung voi", Cue::kCoordinator}, {"hoặc", Cue::kCoordinator},
    {"nhưng", Cue::kClauseBreak}, {"trong khi", Cue::kClauseBreak},
    {"tuy nhien", Cue::kClauseBreak}, {"sau khi", Cue::kClauseBreak},
    {"rằng", Cue::kComplementizer}, {"là", Cue::kComplementizer},
    {"chinh quyen", Cue::kAuthority}, {"chinh phu", Cue::kAuthority},
    {"gioi chuc", Cue::kAuthority}, {"nha chuc trach", Cue::kAuthority},
    {"cảnh sát", Cue::kAuthority}, {"cong to vien", Cue::kAuthority},
    {"ông", Cue::kPronoun}, {"bà", Cue::kPronoun}, {"hãng", Cue::kPronoun},
    {"tap doan nay", Cue::kPronoun}, {"cong ty nay", Cue::kPronoun},
    {"họ", Cue::kPronoun},
    {"anh", Cue::kObjectPronoun}, {"ông", Cue::kObjectPronoun},
    {"bà", Cue::kObjectPronoun}, {"hai ông", Cue::kObjectPronoun},
    {"bo truong", Cue::kStateTitle}, {"thu tuong", Cue::kStateTitle},
    {"tong thong", Cue::kStateTitle}, {"chu tich", Cue::kStateTitle},
    {"dai su", Cue::kStateTitle}, {"thuong nghi si", Cue::kStateTitle},
    {"co van", Cue::kStateTitle}, {"ngoai truong", Cue::kStateTitle},
    {"nguoi phat ngon", Cue::kOrgTitle}, {"giam doc", Cue::kOrgTitle},
    {"tong giam doc", Cue::kOrgTitle}, {"tong thu ky", Cue::kOrgTitle},
    {"pho chu tich", Cue::kOrgTitle}, {"nguoi dung dau", Cue::kOrgTitle},
    {"lanh dao", Cue::kOrgTitle}, {"nhan vien", Cue::kOrgTitle},
    {"thu linh", Cue::kOrgTitle}, {"truong", Cue::kOrgTitle},
    {"phóng viên", Cue::kOrgTitle}, {"giam doc dieu hanh", Cue::kOrgTitle},
    {"tại", Cue::kLocative}, {"ở", Cue::kLocative}, {"từ", Cue::kLocative},
    {"đến", Cue::kLocative}, {"co tru so tai", Cue::kLocative},
    {"tru so tai", Cue::kLocative}, {"trên", Cue::kLocative},
    {"của", Cue::kGenitive},
    {"doi voi", Cue::kAgainst}, {"nham vao", Cue::kAgainst},
    {"lo ngai", Cue::kConcern}, {"quan ngai", Cue::kConcern},
    {"lo ngại", Cue::kConcern},
    {"vì", Cue::kKindPrep},
    {"đưa", Cue::kPlacement}, {"bổ sung", Cue::kPlacement},
    {"vốn", Cue::kRelative}, {"mà", Cue::kRelative},
    {"hau thuan", Cue::kSponsor}, {"bao tro", Cue::kSponsor},
    {"tai tro", Cue::kSponsor}, {"chi dao", Cue::kSponsor},
    {"nhom nay", Cue::kAnaphor}, {"tap doan nay", Cue::kAnaphor},
    {"cong ty nay", Cue::kAnaphor}, {"hang nay", Cue::kAnaphor},
    {"to chuc nay", Cue::kAnaphor}, {"ung dung nay", Cue::kAnaphor},
    {"hai ông", Cue::kAnaphorPlural}, {"hai người", Cue::kAnaphorPlural},
    {"hai cong ty", Cue::kAnaphorPlural}, {"cac cong ty nay", Cue::kAnaphorPlural},
    {"cong ty", Cue::kAttributive}, {"tap doan", Cue::kAttributive},
    {"nha cung cap", Cue::kAttributive}, {"doanh nghiep", Cue::kAttributive},
    {"hãng", Cue::kAttributive}, {"nhom", Cue::kAttributive},
    {"tin tac", Cue::kAttributive}, {"nha mang", Cue::kAttributive},
    {"san pham", Cue::kAttributive}, {"ung dung", Cue::kAttributive},
    {"người", Cue::kAttributive}, {"cong dan", Cue::kAttributive},
    {"tàu", Cue::kAttributive}, {"ngu dan", Cue::kAttributive},
    {"hai canh", Cue::kAttributive}, {"ca nô", Cue::kAttributive},
    {"luc luong", Cue::kAttributive}, {"quan chuc", Cue::kAttributive},
    {"tinh bao", Cue::kAttributive},
    {"ky su", Cue::kAttributive}, {"dan", Cue::kAttributive},
};

constexpr LanguageTables kTables{kTriggers, kKinds, kCues};

}  // namespace

const LanguageTables& VietnameseTables() { return kTables; }

}  // namespace dossier::loaders
