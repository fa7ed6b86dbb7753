// Branding of the FICTIONAL demo province (settings/branding): what pages, slips and notifications say of
// the province. A real province enters its own in the admin console (/quan-tri/, Nhận diện / Branding).
export const demoBranding = {
  provinceName: { vi: 'tỉnh Bình An', en: 'Bình An province' },
  placeName: 'Bình An',
  hotline: '1900 0298',
} as const;
