// Demo accounts (Auth emulator only). Every officer carries custom claims { role, agencyId }; the
// citizen has none. The kiosk is the rating device at the province service centre's desk. Agency ids are those of seed/data/agencies.ts.
export const DEMO_PASSWORD = 'motcua-demo';

export type DemoAccount = {
  uid: string;
  email: string;
  displayName: string;
  role: 'citizen' | 'receptionist' | 'handler' | 'lead' | 'admin' | 'monitor' | 'kiosk';
  agencyId?: string;
  note: string;
};

export const demoAccounts: DemoAccount[] = [
  { uid: 'demo-receptionist-tinh', email: 'tiepnhan.tinh@motcua.demo', displayName: 'Nguyễn Thị Hồng', role: 'receptionist', agencyId: '000.00.01.H99', note: 'Tiếp nhận tại Trung tâm PVHCC tỉnh / desk officer, province service centre' },
  { uid: 'demo-receptionist-anphu', email: 'tiepnhan.anphu@motcua.demo', displayName: 'Trần Văn Bình', role: 'receptionist', agencyId: '000.21.02.H99', note: 'Tiếp nhận tại UBND xã An Phú / desk officer, An Phú commune' },
  { uid: 'demo-handler-vpdk', email: 'thuly.vpdkdd@motcua.demo', displayName: 'Lê Minh Châu', role: 'handler', agencyId: '000.00.14.H99', note: 'Thụ lý hồ sơ đất đai / land registration handler' },
  { uid: 'demo-handler-tuphap', email: 'thuly.stp@motcua.demo', displayName: 'Phạm Quốc Dũng', role: 'handler', agencyId: '000.00.13.H99', note: 'Thụ lý tại Sở Tư pháp / justice handler' },
  { uid: 'demo-lead-snnmt', email: 'lanhdao.snnmt@motcua.demo', displayName: 'Võ Thị Lan', role: 'lead', agencyId: '000.00.10.H99', note: 'Lãnh đạo Sở Nông nghiệp và Môi trường / department lead' },
  { uid: 'demo-admin', email: 'quantri@motcua.demo', displayName: 'Đặng Hữu Phước', role: 'admin', agencyId: '000.00.00.H99', note: 'Quản trị hệ thống / administrator' },
  { uid: 'demo-monitor', email: 'giamsat@motcua.demo', displayName: 'Hoàng Thu Trang', role: 'monitor', agencyId: '000.00.00.H99', note: 'Giám sát toàn tỉnh / province-wide monitor' },
  { uid: 'demo-kiosk-tinh', email: 'kiosk.tinh@motcua.demo', displayName: 'Thiết bị đánh giá — Trung tâm PVHCC tỉnh', role: 'kiosk', agencyId: '000.00.01.H99', note: 'Thiết bị đánh giá tại quầy / desk rating device, province service centre' },
  { uid: 'demo-citizen', email: 'congdan@motcua.demo', displayName: 'Bùi Thị Mai', role: 'citizen', note: 'Công dân / citizen' },
];
