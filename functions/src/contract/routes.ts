// Every endpoint of the `api` function: its name, method and path (under /api through Hosting). The server
// wires a handler to each name (index.ts); pages and tests call them by name (client.ts), so a renamed or
// moved route fails their typecheck instead of a request at run time.
export const ROUTES = {
  health: { method: 'GET', path: '/health' },
  postPing: { method: 'POST', path: '/health/pings' },
  listProcedures: { method: 'GET', path: '/procedures' },
  getProcedure: { method: 'GET', path: '/procedures/:code' },
  listAgencies: { method: 'GET', path: '/agencies' },
  transparency: { method: 'GET', path: '/transparency' },
  postUploads: { method: 'POST', path: '/uploads' },
  getUpload: { method: 'GET', path: '/uploads/:uploadId' },
  lookup: { method: 'GET', path: '/lookup/:code' },
  postRating: { method: 'POST', path: '/ratings' },
  submitDossier: { method: 'POST', path: '/dossiers' },
  intakeDossier: { method: 'POST', path: '/desk/dossiers' },
  getDossier: { method: 'GET', path: '/dossiers/:dossierId' },
  listMyDossiers: { method: 'GET', path: '/me/dossiers' },
  actOnDossier: { method: 'POST', path: '/dossiers/:dossierId/actions' },
  downloadSlip: { method: 'GET', path: '/dossiers/:dossierId/slips/:slipId' },
  getRegister: { method: 'GET', path: '/agencies/:agencyId/register' },
  putNotificationPreferences: { method: 'PUT', path: '/me/notification-preferences' },
  markNotificationRead: { method: 'POST', path: '/me/notifications/:notificationId/read' },
  followDossier: { method: 'PUT', path: '/dossiers/:dossierId/follow' },
  confirmContact: { method: 'POST', path: '/contacts/confirm' },
  provisionOfficer: { method: 'POST', path: '/admin/officers' },
  // The admin console (contract/admin.ts): administrators only, except branding (public) and the
  // calendar warning (staff).
  getBranding: { method: 'GET', path: '/branding' },
  getBrandingLogo: { method: 'GET', path: '/branding/logo' },
  calendarWarning: { method: 'GET', path: '/calendars/warning' },
  adminListAgencies: { method: 'GET', path: '/admin/agencies' },
  saveAgency: { method: 'PUT', path: '/admin/agencies/:agencyId' },
  mergeAgency: { method: 'POST', path: '/admin/agencies/:agencyId/merge' },
  listOfficers: { method: 'GET', path: '/admin/officers' },
  updateOfficer: { method: 'PUT', path: '/admin/officers/:uid' },
  adminGetProcedure: { method: 'GET', path: '/admin/procedures/:code' },
  createProcedureVersion: { method: 'POST', path: '/admin/procedures/:code/versions' },
  adminListCalendars: { method: 'GET', path: '/admin/calendars' },
  saveCalendar: { method: 'PUT', path: '/admin/calendars/:year' },
  saveBranding: { method: 'PUT', path: '/admin/branding' },
  listRuleSetSettings: { method: 'GET', path: '/admin/rule-set-settings' },
  saveRuleSetSettings: { method: 'PUT', path: '/admin/rule-set-settings/:ruleSet' },
  listAudit: { method: 'GET', path: '/admin/audit' },
  submitFeedback: { method: 'POST', path: '/feedback' },
  recordFeedback: { method: 'POST', path: '/desk/feedback' },
  listFeedback: { method: 'GET', path: '/feedback' },
  getFeedback: { method: 'GET', path: '/feedback/:feedbackId' },
  actOnFeedback: { method: 'POST', path: '/feedback/:feedbackId/actions' },
  trackFeedback: { method: 'GET', path: '/feedback/:feedbackId/track' },
  senderFeedbackAction: { method: 'POST', path: '/feedback/:feedbackId/sender-actions' },
  publicFeedbackAnswers: { method: 'GET', path: '/feedback-answers' },
  getDashboard: { method: 'GET', path: '/dashboard' },
  dashboardDossiers: { method: 'GET', path: '/dashboard/dossiers' },
  exportDashboard: { method: 'GET', path: '/dashboard/export' },
  postPaperRating: { method: 'POST', path: '/desk/ratings' },
  issueResult: { method: 'POST', path: '/dossiers/:dossierId/results' },
  downloadResult: { method: 'GET', path: '/dossiers/:dossierId/results/:resultId' },
  verifyDocument: { method: 'POST', path: '/verifications' },
  lookupDocument: { method: 'GET', path: '/verifications/:ref' },
  getProfile: { method: 'GET', path: '/me/profile' },
  putProfile: { method: 'PUT', path: '/me/profile' },
  startVneid: { method: 'POST', path: '/auth/vneid/start' },
  finishVneid: { method: 'POST', path: '/auth/vneid/finish' },
  getPrivacy: { method: 'GET', path: '/me/privacy' },
  putConsent: { method: 'PUT', path: '/me/consents/:purpose' },
  acknowledgeNotice: { method: 'PUT', path: '/me/notice' },
  exportMyData: { method: 'GET', path: '/me/export' },
  postDataRequest: { method: 'POST', path: '/me/data-requests' },
  listDataRequests: { method: 'GET', path: '/privacy/data-requests' },
  actOnDataRequest: { method: 'POST', path: '/privacy/data-requests/:requestId/actions' },
  getDossierSync: { method: 'GET', path: '/dossiers/:dossierId/portal-sync' },
  retryDossierSync: { method: 'POST', path: '/dossiers/:dossierId/portal-sync/retry' },
  portalSyncHealth: { method: 'GET', path: '/portal-sync/health' },
  portalFiling: { method: 'POST', path: '/portal/dossiers' },
  getDossierPayment: { method: 'GET', path: '/dossiers/:dossierId/payment' },
  startGatewayPayment: { method: 'POST', path: '/dossiers/:dossierId/payment/gateway' },
  paymentIpn: { method: 'GET', path: '/payments/vnpay/ipn' },
  paymentReturn: { method: 'GET', path: '/payments/vnpay/return' },
  // A citizen's page session (contract/session.ts): the cookie that lets the server draw /ho-so/.
  startSession: { method: 'POST', path: '/session' },
  endSession: { method: 'DELETE', path: '/session' },
} as const satisfies Record<string, { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; path: `/${string}` }>;

export type RouteName = keyof typeof ROUTES;
export type HttpMethod = (typeof ROUTES)[RouteName]['method'];

/** `{ dossierId: string }` for `/dossiers/:dossierId`: the path's `:name` segments. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : Record<never, never>;

export type RouteParams<R extends RouteName> = PathParams<(typeof ROUTES)[R]['path']>;

/** The route's path with its parameters filled in (each encoded as one path segment). */
export function pathOf<R extends RouteName>(route: R, params: RouteParams<R>): string {
  const values = params as Record<string, string>;
  return ROUTES[route].path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} of ${route}`);
    return encodeURIComponent(value);
  });
}
