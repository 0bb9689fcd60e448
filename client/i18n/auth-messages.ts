/** Messages of the sign-in, password and accessibility pages. */
export const authFr = {
  'signIn.title': 'Connexion',
} as const;

export const authEn: Partial<Record<keyof typeof authFr, string>> = {
  'signIn.title': 'Sign in',
};
