/** How long an invitation made by an import works. */
export const IMPORT_INVITATION_DAYS = 14;
export const IMPORT_INVITATION_DAYS_TEXT = `${IMPORT_INVITATION_DAYS} days`;
