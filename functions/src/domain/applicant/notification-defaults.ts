// The channels an applicant hears on until they choose otherwise — one table read by the fan-out
// (features/notifications), the citizen's channel form (/ho-so/) and the wizard's hint under the phone
// number, so what the page promises is what is sent.
//
// SMS is opt-in: a brandname "customer care" SMS is paid per message by the agency, a phone number typed
// on a form is unverified until the first message's link confirms it (contact-policy), and the in-app inbox
// and email (when given) already carry every change for free. The wizard therefore says the number is for
// the agency to reach the applicant, and where to turn SMS on; it never promises text messages.
export const APPLICANT_CHANNEL_DEFAULTS = { inApp: true, email: true, sms: false, zalo: false } as const;

export type ApplicantChannel = keyof typeof APPLICANT_CHANNEL_DEFAULTS;
