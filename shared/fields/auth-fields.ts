import { defineFields } from './field.ts';

/**
 * The sign-in and password forms' fields (schemas: shared/auth-schemas.ts, loaded by the sign-in
 * page only on the first submit, so this catalogue imports no zod).
 */
export const signInFields = defineFields({
  siteId: { labelKey: 'signIn.site', type: 'select', required: true },
  username: { labelKey: 'signIn.username', autocomplete: 'username', required: true },
  password: { labelKey: 'signIn.password', type: 'password', autocomplete: 'current-password', required: true },
});

export const lostPasswordFields = defineFields({
  siteId: { labelKey: 'signIn.site', type: 'select', required: true },
  username: { labelKey: 'signIn.username', autocomplete: 'username', required: true },
  email: { labelKey: 'lostPassword.email', type: 'email', autocomplete: 'email', required: true },
});

export const resetPasswordFields = defineFields({
  newPassword: { labelKey: 'resetPassword.newPassword', type: 'password', autocomplete: 'new-password', required: true },
  confirmation: { labelKey: 'resetPassword.confirmation', type: 'password', autocomplete: 'new-password', required: true },
});

export const changePasswordFields = defineFields({
  currentPassword: { labelKey: 'changePassword.currentPassword', type: 'password', autocomplete: 'current-password', required: true },
  newPassword: { labelKey: 'changePassword.newPassword', type: 'password', autocomplete: 'new-password', required: true },
  confirmation: { labelKey: 'changePassword.confirmation', type: 'password', autocomplete: 'new-password', required: true },
});
