//! What the benchmarks share: the words and the seeded generator their sessions are made of.

#![allow(dead_code)]

pub(crate) mod app;

use std::time::Duration;

/// The CPU time (user and system) `getrusage` counts for `who`: `libc::RUSAGE_SELF` for this
/// process, `libc::RUSAGE_THREAD` for the calling thread (a key's own cost, whatever else the
/// machine runs).
#[allow(unsafe_code, reason = "CPU time through getrusage")]
pub(crate) fn cpu_of(who: libc::c_int) -> Duration {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage fills the struct it is given; a zeroed rusage is valid if it fails.
    let usage = unsafe {
        libc::getrusage(who, usage.as_mut_ptr());
        usage.assume_init()
    };
    let micros = |t: libc::timeval| t.tv_sec as u64 * 1_000_000 + t.tv_usec as u64;
    Duration::from_micros(micros(usage.ru_utime) + micros(usage.ru_stime))
}

pub(crate) const PLACES: &[&str] = &[
    "Đầm Hà",
    "Hải Hà",
    "Móng Cái",
    "Hạ Long",
    "Cẩm Phả",
    "Uông Bí",
    "Đông Triều",
    "Quảng Yên",
    "Tiên Yên",
    "Bình Liêu",
    "Ba Chẽ",
    "Vân Đồn",
    "Cô Tô",
];
pub(crate) const PHRASES: &[&str] = &[
    "phát triển kinh tế-xã hội",
    "xây dựng nông thôn mới nâng cao",
    "thu hút đầu tư trên địa bàn",
    "nâng cao chất lượng nguồn nhân lực",
    "bảo đảm an ninh trật tự, chủ quyền biên giới",
    "cải cách hành chính, chuyển đổi số",
    "phòng, chống ma túy và tệ nạn xã hội",
    "hạ tầng giao thông kết nối liên vùng",
    "đời sống nhân dân được nâng cao",
    "quy hoạch khu kinh tế cửa khẩu",
    "phát triển du lịch biển đảo",
    "công tác xây dựng Đảng và hệ thống chính trị",
];
pub(crate) const INDICATORS: &[&str] = &[
    "Tổng giá trị sản xuất",
    "Tổng thu ngân sách nhà nước",
    "Thu nhập bình quân đầu người",
    "Hộ nghèo theo chuẩn nghèo Trung ương",
    "Doanh nghiệp thành lập mới",
    "Tỷ lệ hộ dân dùng nước sạch",
];
pub(crate) const PEOPLE: &[&str] = &[
    "Nguyễn Xuân Ký",
    "Cao Tường Huy",
    "Đỗ Thị Ninh Hường",
    "Trịnh Thị Minh Thanh",
    "Vũ Văn Diện",
    "Đặng Xuân Phương",
];

#[path = "../../tests/common/rng.rs"]
mod rng;
pub(crate) use rng::Rng;

/// A sentence of `parts` phrases, as a directive's text reads.
pub(crate) fn sentence(rng: &mut Rng, parts: usize) -> String {
    let mut s = String::from("Tiếp tục ");
    for i in 0..parts {
        if i > 0 {
            s.push_str("; ");
        }
        s.push_str(rng.pick(PHRASES));
    }
    s.push('.');
    s
}
