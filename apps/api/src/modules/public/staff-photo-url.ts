/** Where the public site (and the console) read a photo: by its random ref, never by card id or storage key. */
export const staffPhotoUrl = (ref: string | null): string | null => (ref ? `/api/public/staff-photos/${ref}` : null);
