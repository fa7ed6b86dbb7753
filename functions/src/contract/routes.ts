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
  actOnDossier: { method: 'POST', path: '/dossiers/:dossierId/actions' },
  downloadSlip: { method: 'GET', path: '/dossiers/:dossierId/slips/:slipId' },
  getRegister: { method: 'GET', path: '/agencies/:agencyId/register' },
  putNotificationPreferences: { method: 'PUT', path: '/me/notification-preferences' },
  markNotificationRead: { method: 'POST', path: '/me/notifications/:notificationId/read' },
  followDossier: { method: 'PUT', path: '/dossiers/:dossierId/follow' },
  provisionOfficer: { method: 'POST', path: '/admin/officers' },
  getDossierSync: { method: 'GET', path: '/dossiers/:dossierId/portal-sync' },
  retryDossierSync: { method: 'POST', path: '/dossiers/:dossierId/portal-sync/retry' },
  portalSyncHealth: { method: 'GET', path: '/portal-sync/health' },
  portalFiling: { method: 'POST', path: '/portal/dossiers' },
  getDossierPayment: { method: 'GET', path: '/dossiers/:dossierId/payment' },
  startGatewayPayment: { method: 'POST', path: '/dossiers/:dossierId/payment/gateway' },
  paymentIpn: { method: 'GET', path: '/payments/vnpay/ipn' },
  paymentReturn: { method: 'GET', path: '/payments/vnpay/return' },
} as const satisfies Record<string, { method: 'GET' | 'POST' | 'PUT'; path: `/${string}` }>;

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
