// POST /api/contacts/confirm — someone who received the first message about a dossier at an email address
// or phone number confirms that it is theirs and that they want the dossier's notices there. The body
// carries what the message's link carried: the dossier code and `<email|phone>.<token>`.
export type ConfirmContactBody = { code: string; contact: string };
export type ConfirmContactAnswer = { confirmed: true; channel: 'email' | 'phone'; duplicate?: true };
