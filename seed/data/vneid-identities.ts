// The people the local VNeID stand-in knows (scripts/lib/oidc-stand-in.ts): sign in on its page with the
// 12-digit personal ID number as the login (any password). Fictional people of the demo province.
export type StandInIdentity = { idNumber: string; name: string; birthdate: string };

export const VNEID_STAND_IN_IDENTITIES: readonly StandInIdentity[] = [
  { idNumber: '079190001234', name: 'Bùi Thị Mai', birthdate: '1990-05-20' },
  { idNumber: '001190012345', name: 'Nguyễn Thị Hoà', birthdate: '1990-01-12' },
  { idNumber: '038085004321', name: 'Trần Văn Bình', birthdate: '1985-09-02' },
  { idNumber: '052170009876', name: 'Lê Thị Thu', birthdate: '1970-03-15' },
];
