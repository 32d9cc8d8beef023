/** Why a name cannot be declared, or null. Everything else (spaces, dots, slashes, unicode) is a valid name. */
export function nameProblem(name: string): string | null {
  if (name.trim() === '') return 'A name is needed';
  // The broker counts UTF-8 bytes: a shortstr holds 255.
  if (new TextEncoder().encode(name).length > 255) return 'At most 255 bytes';
  return null;
}
